import { isLabAnalyte } from '../instruments/ctcae/lab-units.js';
import type { LabAnalyte, LabUnit } from '../instruments/index.js';
import { defaultFormLabRanges, formLabRangeAnalytes, isFormLabRangeAnalyte, type FormLabRange, type FormLabRangeAnalyte } from '../safety/form-lab-adverse-events.js';
import { defaultReferenceRanges, type ListedReferenceRange, type ReferenceRange, type SiteReferenceRange } from '../safety/reference-ranges.js';
import type { AuditedTx } from './audited-tx.js';
import type { Queryable } from './db.js';
import { siteReferenceRanges as rangesTable, type Row } from './schema/index.js';

type RangeRow = Pick<Row<typeof rangesTable>, 'analyte' | 'unit' | 'lln' | 'uln'>;

const limits = (r: RangeRow) => ({ ...(r.lln === null ? {} : { lln: r.lln }), ...(r.uln === null ? {} : { uln: r.uln }) });

function siteRows(q: Queryable, studyId: string, siteId: string): Promise<RangeRow[]> {
  return q.query<RangeRow>('SELECT analyte, unit, lln, uln FROM site_reference_ranges WHERE study_id = $1 AND site_id = $2 ORDER BY analyte', [studyId, siteId]);
}

/** The site's reference range of each of the nine safety labs: its own where entered, else the default. */
export async function siteReferenceRanges(q: Queryable, studyId: string, siteId: string): Promise<Map<LabAnalyte, ReferenceRange>> {
  const ranges = new Map(defaultReferenceRanges.map((r) => [r.analyte, r]));
  for (const r of await siteRows(q, studyId, siteId)) {
    // The unit was checked against the analyte's units when the range was set.
    if (isLabAnalyte(r.analyte)) ranges.set(r.analyte, { analyte: r.analyte, unit: r.unit as LabUnit, ...limits(r) });
  }
  return ranges;
}

/** The site's upper limit of each CTCAE-graded analyte of the extensible lab list (CK, 24-hour proteinuria): its own where entered, else the assumed default. */
export async function siteFormLabRanges(q: Queryable, studyId: string, siteId: string): Promise<Map<FormLabRangeAnalyte, FormLabRange>> {
  const ranges = new Map<FormLabRangeAnalyte, FormLabRange>(formLabRangeAnalytes.map((a) => [a, defaultFormLabRanges[a]]));
  for (const r of await siteRows(q, studyId, siteId)) if (isFormLabRangeAnalyte(r.analyte)) ranges.set(r.analyte, { unit: r.unit, ...limits(r) });
  return ranges;
}

/** Every range the site grades with, safety labs first: its own, or the default marked `assumed`. */
export async function listSiteReferenceRanges(q: Queryable, studyId: string, siteId: string): Promise<ListedReferenceRange[]> {
  const own = new Map((await siteRows(q, studyId, siteId)).map((r) => [r.analyte, r]));
  const listed = (analyte: LabAnalyte | FormLabRangeAnalyte, fallback: { unit: string; lln?: number; uln?: number }): ListedReferenceRange => {
    const r = own.get(analyte);
    return r ? { analyte, unit: r.unit, ...limits(r), assumed: false } : { ...fallback, analyte, assumed: true };
  };
  return [...defaultReferenceRanges.map((d) => listed(d.analyte, d)), ...formLabRangeAnalytes.map((a) => listed(a, defaultFormLabRanges[a]))];
}

/** Enter or correct a site's reference ranges (a changed range needs `reason`); returns the site's ranges after. */
export async function setSiteReferenceRanges(w: AuditedTx, studyId: string, siteId: string, ranges: readonly SiteReferenceRange[], reason: string | undefined): Promise<ListedReferenceRange[]> {
  for (const r of ranges) {
    const key = { study_id: studyId, site_id: siteId, analyte: r.analyte };
    const values = { unit: r.unit, lln: r.lln ?? null, uln: r.uln ?? null };
    const [existing] = await w.tx.query('SELECT 1 FROM site_reference_ranges WHERE study_id = $1 AND site_id = $2 AND analyte = $3', [studyId, siteId, r.analyte]);
    if (existing) await w.update(rangesTable, key, values, reason);
    else await w.insert(rangesTable, { ...key, ...values });
  }
  return listSiteReferenceRanges(w.tx, studyId, siteId);
}
