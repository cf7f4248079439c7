import { describe, expect, it } from 'vitest';
import type { DataQuery, VisitData } from './api.js';
import { answerErrorField, correctionIssue, itemField, labField, panelField, pendingOn, queryHistory, savedValue, sortQueries, valueText, visitQueries } from './data-queries.js';

const visit: VisitData = {
  visitId: 'week-0',
  date: '2025-05-05',
  values: { essdai: { articular: 2, glandular: 0 } },
  labs: [{ analyte: 'lymphocytes', value: 450, unit: '/mm3', grade: 3, term: 'Lymphocyte count decreased' }],
  panel: { lymphocytesPerUl: 1500, percentOfParent: { 'cd4-t': 40, treg: 5 } },
};

const query = (over: Partial<DataQuery>): DataQuery => ({
  id: 'q',
  studyId: 'ss-il2',
  siteId: 'site-a',
  participantId: 'p1',
  visitId: 'week-0',
  field: 'essdai.articular',
  text: 'Please confirm.',
  status: 'open',
  raisedBy: 'mona',
  raisedAt: '2025-05-06T09:00:00.000Z',
  answer: null,
  answeredBy: null,
  answeredAt: null,
  closedBy: null,
  closedAt: null,
  ...over,
});

describe('data queries on visit-form fields', () => {
  it('names fields as the server reads them and finds their saved values with units', () => {
    expect(savedValue(visit, itemField('essdai', 'articular'))).toEqual({ value: 2 });
    // A saved 0 is a value, not a missing one.
    expect(savedValue(visit, itemField('essdai', 'glandular'))).toEqual({ value: 0 });
    expect(savedValue(visit, labField('lymphocytes'))).toEqual({ value: 450, unit: '/mm3' });
    expect(savedValue(visit, panelField('lymphocytes'))).toEqual({ value: 1500, unit: 'cells/µL' });
    expect(savedValue(visit, panelField('treg'))).toEqual({ value: 5, unit: '%' });
    expect(valueText({ value: 5, unit: '%' })).toBe('5 %');
    expect(valueText({ value: 2 })).toBe('2');
  });

  it('finds no saved value for what was not saved', () => {
    expect(savedValue(visit, 'essdai.cns')).toBeUndefined();
    expect(savedValue(visit, 'labs.platelets')).toBeUndefined();
    expect(savedValue(visit, 'immune-panel.th17')).toBeUndefined();
    expect(savedValue({ ...visit, panel: null }, 'immune-panel.lymphocytes')).toBeUndefined();
    expect(savedValue(undefined, 'essdai.articular')).toBeUndefined();
    expect(savedValue(visit, 'essdai')).toBeUndefined();
  });

  it('lists open queries first, then answered, then closed, oldest first within each', () => {
    const qs = [
      query({ id: 'closed', status: 'closed', raisedAt: '2025-05-01T00:00:00.000Z' }),
      query({ id: 'answered', status: 'answered' }),
      query({ id: 'open-late', raisedAt: '2025-05-07T00:00:00.000Z' }),
      query({ id: 'open-early', raisedAt: '2025-05-02T00:00:00.000Z' }),
    ];
    expect(sortQueries(qs).map((q) => q.id)).toEqual(['open-early', 'open-late', 'answered', 'closed']);
  });

  it("keeps one visit's queries, and those of a field still waiting for someone", () => {
    const qs = [
      query({ id: 'a' }),
      query({ id: 'b', status: 'answered' }),
      query({ id: 'c', status: 'closed' }),
      query({ id: 'd', field: 'labs.lymphocytes' }),
      query({ id: 'e', visitId: 'week-12' }),
      query({ id: 'f', participantId: 'p2' }),
    ];
    const here = visitQueries(qs, 'p1', 'week-0');
    expect(here.map((q) => q.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(pendingOn(here, 'essdai.articular').map((q) => q.id)).toEqual(['a', 'b']);
  });

  it('tells a query\'s history in order: who took each step, "you" for the signed-in user', () => {
    expect(queryHistory(query({}), 'mona')).toEqual([{ step: 'Raised', at: '2025-05-06T09:00:00.000Z', by: 'you' }]);
    const closed = query({
      status: 'closed',
      answer: 'Corrected.',
      answeredBy: 'carla',
      answeredAt: '2025-05-07T10:00:00.000Z',
      closedBy: 'mona',
      closedAt: '2025-05-08T11:00:00.000Z',
      raisedByName: 'Mona Monitor',
      answeredByName: 'Carla Coordinator',
      closedByName: 'Mona Monitor',
    });
    expect(queryHistory(closed, 'carla')).toEqual([
      { step: 'Raised', at: '2025-05-06T09:00:00.000Z', by: 'Mona Monitor' },
      { step: 'Answered', at: '2025-05-07T10:00:00.000Z', by: 'you', text: 'Corrected.' },
      { step: 'Closed', at: '2025-05-08T11:00:00.000Z', by: 'Mona Monitor' },
    ]);
    // A response without names (a raise or answer reply) names only the user's own steps.
    expect(queryHistory({ ...closed, raisedByName: undefined }, 'carla')[0]).toEqual({ step: 'Raised', at: '2025-05-06T09:00:00.000Z' });
  });

  it('places an answer error beside the answer, beside a refused correction, or above the form', () => {
    expect(answerErrorField('text', false)).toBe('text');
    expect(answerErrorField('correction', true)).toBe('correction');
    expect(answerErrorField('values.essdai.articular', true)).toBe('correction');
    expect(answerErrorField('labs.0.value', true)).toBe('correction');
    // Without a correction sent, a visit-data path cannot be about it.
    expect(answerErrorField('values.essdai.articular', false)).toBeUndefined();
    expect(answerErrorField('status', true)).toBeUndefined();
    expect(answerErrorField(undefined, true)).toBeUndefined();
  });

  it('refuses a corrected percentage outside 0–100 and a negative count or lab, leaving items to the server', () => {
    expect(correctionIssue('immune-panel.treg', 100)).toBeUndefined();
    expect(correctionIssue('immune-panel.treg', 140)).toBe('The corrected value is a percentage of the parent gate: from 0 to 100, not 140.');
    // The lymphocyte count is cells/µL, not a percentage: 1,450 is fine, −1 is not.
    expect(correctionIssue('immune-panel.lymphocytes', 1450)).toBeUndefined();
    expect(correctionIssue('immune-panel.lymphocytes', -1)).toBe('The corrected value must be 0 or more, not -1.');
    expect(correctionIssue('labs.platelets', -5)).toBe('The corrected value must be 0 or more, not -5.');
    expect(correctionIssue('essdai.articular', 7)).toBeUndefined();
  });
});
