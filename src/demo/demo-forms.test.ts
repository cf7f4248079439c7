import { describe, expect, it } from 'vitest';
import { getBuiltinProtocol } from '../protocol/builtin/index.js';
import type { Visit } from '../protocol/schema.js';
import { demoFormEntries, demoFormsOf } from './demo-forms.js';

const visit = (assessments: string[]): Visit => ({ ...getBuiltinProtocol('ae-il2').visits[0]!, assessments });
const score = (entries: ReturnType<typeof demoFormEntries>, form: string) => entries.find((e) => e.kind === 'score' && e.key === form)?.value;

describe('demo form values', () => {
  it('are the forms the ALS and encephalitis seeds list, and none of the other seeds', () => {
    expect(demoFormsOf(getBuiltinProtocol('als-il2')).map((f) => f.id)).toEqual(['roads', 'nfl']);
    expect(demoFormsOf(getBuiltinProtocol('ae-il2')).map((f) => f.id)).toEqual(['moca', 'eq-5d-5l']);
    expect([...demoFormsOf(getBuiltinProtocol('ss-il2')), ...demoFormsOf(getBuiltinProtocol('sle-il2'))]).toEqual([]);
  });

  it.each([
    [0, -0.5],
    [0, 0.49],
    [1, -0.5],
    [1, 0.49],
  ])('pass each form’s validation at severity %d with jitter %d, stored under the form id and version', (severity, j) => {
    const entries = demoFormEntries(visit(['roads', 'nfl', 'moca', 'eq-5d-5l']), severity, () => j);
    expect(entries.every((e) => e.form?.version === '1' && (e.key === e.form.id || e.key.startsWith(`${e.form.id}.`)))).toBe(true);
    expect(new Set(entries.filter((e) => e.kind === 'score').map((e) => e.key))).toEqual(new Set(['roads', 'moca', 'eq-5d-5l']));
  });

  it('score a sicker participant worse: ROADS and MoCA lower (higher is better), EQ-5D-5L levels higher and the VAS lower', () => {
    const still = () => 0;
    const [mild, severe] = [0.1, 0.9].map((s) => demoFormEntries(visit(['roads', 'nfl', 'moca', 'eq-5d-5l']), s, still));
    // ROADS 28 items 0-2 at severity 0.1 round to 2 (56); at 0.9 to 0 (0).
    expect([score(mild!, 'roads'), score(severe!, 'roads')]).toEqual([56, 0]);
    expect(score(severe!, 'moca')!).toBeLessThan(score(mild!, 'moca') as number);
    expect(score(severe!, 'eq-5d-5l')!).toBeLessThan(score(mild!, 'eq-5d-5l') as number);
    const profile = (es: typeof mild) => es!.find((e) => e.key === 'eq-5d-5l.profile')?.value;
    // Level 1 + round(4 × severity × weight): at 0.9 mobility, usual activities and anxiety round(3.6) → 5, self-care round(2.88) → 4, pain round(2.16) → 3.
    expect([profile(mild), profile(severe)]).toEqual([11111, 54535]);
    const serum = (es: typeof mild) => es!.find((e) => e.key === 'nfl.serum')?.value as number;
    expect(serum(severe)).toBeGreaterThan(serum(mild));
  });
});
