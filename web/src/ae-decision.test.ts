import { describe, expect, it } from 'vitest';
import { confirmBody } from './ae-decision.js';

describe('confirming a proposed adverse event', () => {
  it('sends the assessment made, without the choices left empty', () => {
    const draft = { serious: false, seriousCriteria: [], relatedness: 'possible' as const, actionTaken: 'dose-held', outcome: '', reason: '  reviewed the count ' };
    expect(confirmBody(draft)).toEqual({ status: 'confirmed', reason: 'reviewed the count', serious: false, seriousCriteria: [], relatedness: 'possible', actionTaken: 'dose-held' });
    expect(confirmBody({ ...draft, relatedness: '' })).not.toHaveProperty('relatedness');
  });

  it('keeps seriousness criteria only for a serious event', () => {
    const draft = { serious: true, seriousCriteria: ['hospitalisation'], relatedness: 'probable' as const, actionTaken: '', outcome: 'recovering', reason: 'x' };
    expect(confirmBody(draft)).toMatchObject({ serious: true, seriousCriteria: ['hospitalisation'], outcome: 'recovering' });
    expect(confirmBody({ ...draft, serious: false })).toMatchObject({ serious: false, seriousCriteria: [] });
  });
});
