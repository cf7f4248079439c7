import { gradeLab, type LabGrading, type LabResult } from './grade-lab.js';

/** Grade for one term (the analyte may be graded under two). */
export function grade(r: LabResult, term: string): number | string {
  const g = gradeLab(r).find((x: LabGrading) => x.term === term);
  if (!g) throw new Error(`no grading for ${term}`);
  return g.kind === 'graded' ? g.grade : 'ungradable';
}
