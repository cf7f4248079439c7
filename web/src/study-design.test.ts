import { describe, expect, it } from 'vitest';
import { designText } from './study-design.js';

describe('study design in words', () => {
  it('names the phase and joins only the parts present', () => {
    expect(designText({ phase: 'phase2', design: { allocation: 'randomized', interventionModel: 'parallel' } })).toBe('Phase 2 · randomized · parallel groups');
    expect(designText({ phase: 'phase1/phase2', design: { allocation: 'n/a', interventionModel: 'single-group' } })).toBe('Phase 1/2 · single group');
    // A blinded user's protocol comes without the allocation: no empty ", ," gap.
    expect(designText({ phase: 'phase2', design: { interventionModel: 'parallel' } })).toBe('Phase 2 · parallel groups');
    expect(designText({ phase: 'n/a', design: { allocation: 'non-randomized', interventionModel: 'crossover' } })).toBe('non-randomized · crossover');
  });
});
