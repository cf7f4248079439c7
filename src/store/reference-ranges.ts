import type { LabAnalyte } from '../instruments/index.js';
import { defaultReferenceRanges, type ReferenceRange } from '../safety/reference-ranges.js';
import type { AuditedTx } from './audited-tx.js';
import type { Queryable } from './db.js';
import { siteReferenceRanges as rangesTable, type Row } from './schema/index.js';

/** The site's reference range of each analyte: its own where entered, else the default. */
export async function siteReferenceRanges(q: Queryable, studyId: string, siteId: string): Promise<Map<LabAnalyte, ReferenceRange>> {
  const ranges = new Map(defaultReferenceRanges.map((r) => [r.analyte, r]));
  const rows = await q.query<Pick<Row<typeof rangesTable>, 'analyte' | 'unit' | 'lln' | 'uln'>>('SELECT analyte, unit, lln, uln FROM site_reference_ranges WHERE study_id = $1 AND site_id = $2', [
    studyId,
    siteId,
  ]);
  for (const r of rows) ranges.set(r.analyte, { analyte: r.analyte, unit: r.unit, ...(r.lln === null ? {} : { lln: r.lln }), ...(r.uln === null ? {} : { uln: r.uln }) });
  return ranges;
}

/** Enter or correct a site's reference ranges (a changed range needs `reason`); returns the site's ranges after. */
export async function setSiteReferenceRanges(w: AuditedTx, studyId: string, siteId: string, ranges: readonly ReferenceRange[], reason: string | undefined): Promise<ReferenceRange[]> {
  for (const r of ranges) {
    const key = { study_id: studyId, site_id: siteId, analyte: r.analyte };
    const values = { unit: r.unit, lln: r.lln ?? null, uln: r.uln ?? null };
    const [existing] = await w.tx.query('SELECT 1 FROM site_reference_ranges WHERE study_id = $1 AND site_id = $2 AND analyte = $3', [studyId, siteId, r.analyte]);
    if (existing) await w.update(rangesTable, key, values, reason);
    else await w.insert(rangesTable, { ...key, ...values });
  }
  return [...(await siteReferenceRanges(w.tx, studyId, siteId)).values()];
}
