import { describe, expect, it } from 'vitest';
import type { AdverseEvent } from '../api/types.js';
import { formSaveStatus } from './save-status.js';

const ae = (id: string, term: string, grade: number): AdverseEvent => ({
  id,
  participantId: 'p1',
  status: 'proposed',
  term,
  onsetDate: '2026-01-10',
  endDate: null,
  grade,
  serious: false,
  seriousCriteria: [],
  relatedness: null,
  actionTaken: null,
  outcome: null,
  sourceObservationId: 'o1',
});

describe('the status line after a defined form is saved', () => {
  it('names the form and version alone when nothing else happened', () => {
    expect(formSaveStatus('NfL', { formVersion: '1', queries: [], proposedAdverseEvents: [], withdrawnAdverseEvents: [] }, [])).toBe('Saved (NfL, version 1).');
  });

  it('names each proposed and withdrawn adverse event by term and grade, and counts the queries', () => {
    const events = [ae('a1', 'CPK increased', 3), ae('a2', 'Proteinuria', 1)];
    const line = formSaveStatus('ALS labs', { formVersion: '2', queries: [{}], proposedAdverseEvents: ['a1'], withdrawnAdverseEvents: ['a2', 'zz'] }, events);
    expect(line).toBe(
      'Saved (ALS labs, version 2); 1 data query opened for the confirmed values; adverse event proposed for the investigator to confirm: CPK increased (grade 3); proposed adverse event withdrawn: Proteinuria (grade 1), event zz.',
    );
  });
});
