import { describe, expect, it } from 'vitest';
import { auditQuery, exportCsvUrl } from './api.js';

describe('audit trail and export addresses', () => {
  it('sends only the filters given, trimmed and encoded, in the order given', () => {
    expect(auditQuery({})).toBe('');
    expect(auditQuery({ entity: '  ', entityId: '' })).toBe('');
    expect(auditQuery({ entity: ' participants ', limit: 25 })).toBe('?entity=participants&limit=25');
    // encodeURIComponent: space %20, & %26, / %2F.
    expect(auditQuery({ entityId: 'a b&c/d', before: 1200, limit: 5 })).toBe('?entityId=a%20b%26c%2Fd&before=1200&limit=5');
  });

  it('names each CSV file of a study', () => {
    expect(exportCsvUrl('ss-il2', 'adverse_events')).toBe('/api/studies/ss-il2/export/adverse_events.csv');
    expect(exportCsvUrl('a/b', 'participants')).toBe('/api/studies/a%2Fb/export/participants.csv');
  });
});
