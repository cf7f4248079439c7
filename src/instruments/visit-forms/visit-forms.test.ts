import { describe, expect, it } from 'vitest';
import { builtinProtocols } from '../../protocol/builtin/index.js';
import { instruments } from '../scores/registry.js';
import { visitForm, visitForms } from './visit-forms.js';

describe('visit forms of the seed protocols', () => {
  it.each(builtinProtocols.map((p) => [p.id, p] as const))('%s: one form per visit, one section per assessment', (_id, protocol) => {
    const forms = visitForms(protocol);
    expect(forms.map((f) => f.visitId).sort()).toEqual(protocol.visits.map((v) => v.id).sort());
    for (const visit of protocol.visits) {
      const form = forms.find((f) => f.visitId === visit.id);
      expect(form?.sections.map((s) => s.assessment)).toEqual(visit.assessments);
      expect(form?.sections.every((s) => s.kind === 'not-computable' || s.fields.length > 0)).toBe(true);
    }
    expect(JSON.parse(JSON.stringify(forms))).toEqual(forms);
  });

  it('the ALS trial asks for ALSFRS-R items, MRC, ALSAQ-40, NfL, ROADS and cytokines, the last three as forms', () => {
    const als = builtinProtocols.find((p) => p.id === 'als-il2');
    const form = als && visitForms(als)[0];
    const kinds = Object.fromEntries((form?.sections ?? []).map((s) => [s.assessment, s]));
    expect(kinds['alsfrs-r']?.fields).toHaveLength(13); // 12 items, item 5 as 5a or 5b
    expect(kinds['mrc']?.fields).toHaveLength(12);
    expect(kinds['alsaq-40']?.fields).toHaveLength(40);
    expect(kinds['nfl']?.fields.map((f) => [f.id, f.units])).toEqual([
      ['nfl.serum', ['pg/mL']],
      ['nfl.csf', ['pg/mL']],
      ['nfl.assay', undefined],
    ]);
    expect(kinds['nfl']).toMatchObject({ kind: 'form', form: { id: 'nfl', version: '1' } });
    expect(kinds['roads']?.fields).toHaveLength(28); // the raw score is calculated, not a field
    expect(kinds['als-cytokines']?.fields.map((f) => f.id)).toEqual([
      'als-cytokines.il-6',
      'als-cytokines.il-10',
      'als-cytokines.il-17a',
      'als-cytokines.ifn-gamma',
      'als-cytokines.tnf-alpha',
      'als-cytokines.method',
    ]);
  });
});

describe('visit form fields', () => {
  const form = visitForm({ id: 'week-12', name: 'Week 12', day: 85, windowBefore: 7, windowAfter: 7, assessments: ['sledai-2k', 'pga', 'labs', 'immune-panel', 'adverse-events'] });
  const fields = (a: string) => form.sections.find((s) => s.assessment === a)?.fields ?? [];

  it('instrument fields carry the instrument item values', () => {
    const sledai = instruments.find((i) => i.id === 'sledai-2k');
    expect(fields('sledai-2k').map((f) => f.id)).toEqual(sledai?.items.map((i) => `sledai-2k.${i.id}`));
    expect(fields('sledai-2k')[0]?.input).toEqual({
      kind: 'choice',
      options: [
        { value: 0, label: 'absent' },
        { value: 1, label: 'present' },
      ],
    });
  });

  it('labs take a value in one of the analyte units, canonical unit first', () => {
    expect(fields('labs').find((f) => f.id === 'labs.neutrophils')).toMatchObject({ units: ['/mm3', '/uL', '10^9/L'], input: { kind: 'number', min: 0 } });
    expect(fields('labs').find((f) => f.id === 'labs.bilirubin')?.units).toEqual(['umol/L', 'mg/dL']);
    expect(fields('labs')).toHaveLength(9);
  });

  it('immune panel: absolute lymphocytes, then % of parent 0–100; PGA 0–3 with new BILAG A / B counts 0–9; AEs repeat', () => {
    expect(fields('immune-panel')[0]).toMatchObject({ id: 'immune-panel.lymphocytes', units: ['cells/uL'] });
    expect(fields('immune-panel').find((f) => f.id === 'immune-panel.treg')).toMatchObject({ units: ['%'], input: { kind: 'range', min: 0, max: 100 } });
    expect(fields('pga').map((f) => [f.id, f.input])).toEqual([
      ['pga.pga', { kind: 'range', min: 0, max: 3, integer: false }],
      ['pga.newBilagA', { kind: 'choice', options: Array.from({ length: 10 }, (_, v) => ({ value: v, label: String(v) })) }],
      ['pga.newBilagB', { kind: 'choice', options: Array.from({ length: 10 }, (_, v) => ({ value: v, label: String(v) })) }],
    ]);
    expect(form.sections.find((s) => s.assessment === 'adverse-events')?.repeating).toBe(true);
  });
});
