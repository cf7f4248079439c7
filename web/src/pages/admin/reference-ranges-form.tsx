import { useState, type FormEvent } from 'react';
import { isLabAnalyte, labUnitTable } from '../../../../src/instruments/ctcae/lab-units.js';
import { formLabUnits } from '../../../../src/safety/form-lab-adverse-events.js';
import { adminApi, type ListedReferenceRange, type ReferenceRange, type StudySite } from '../../api/admin.js';
import { FormActions } from '../../components/form-actions.js';
import { Loaded } from '../../components/loaded.js';
import { TextField } from '../../components/text-field.js';
import { unplacedError } from '../../unplaced-error.js';
import { useLoad } from '../../use-load.js';
import { useAction } from './use-action.js';
import { SiteOptions } from '../../components/site-options.js';

/** One analyte's row as typed: the unit, and LLN / ULN as text ('' for none); `assumed` while it is the default. */
interface RangeRow {
  readonly analyte: ReferenceRange['analyte'];
  readonly unit: string;
  readonly lln: string;
  readonly uln: string;
  readonly assumed: boolean;
}

const toRow = (r: ListedReferenceRange): RangeRow => ({
  analyte: r.analyte,
  unit: r.unit,
  lln: r.lln === undefined ? '' : String(r.lln),
  uln: r.uln === undefined ? '' : String(r.uln),
  assumed: r.assumed,
});
/** The units of a safety lab, or of CK and proteinuria (the lab catalogue's). */
const unitsOf = (analyte: string) => (isLabAnalyte(analyte) ? Object.keys(labUnitTable[analyte].factors) : formLabUnits(analyte));
const toRange = (r: RangeRow): ReferenceRange => ({ analyte: r.analyte, unit: r.unit, ...(r.lln.trim() ? { lln: Number(r.lln) } : {}), ...(r.uln.trim() ? { uln: Number(r.uln) } : {}) });

/**
 * A site's laboratory reference ranges (LLN / ULN per analyte, with units), which the CTCAE grading
 * reads: the nine safety labs, and the ULN of CK and 24-hour proteinuria for the protocol's lab forms.
 * A range the site has not entered shows the default, marked as an assumption.
 */
export function ReferenceRangesForm({ studyId, sites }: { studyId: string; sites: readonly StudySite[] }) {
  const [siteId, setSiteId] = useState(sites[0]?.id ?? '');
  const [ranges] = useLoad(() => adminApi.referenceRanges(studyId, siteId), `admin/ranges/${studyId}/${siteId}`);
  return (
    <section className="card" aria-labelledby="ranges-title">
      <h3 id="ranges-title">Laboratory reference ranges</h3>
      <div className="field inline">
        <label htmlFor="ranges-site">Site</label>
        <select id="ranges-site" value={siteId} onChange={(e) => setSiteId(e.target.value)}>
          <SiteOptions sites={sites} />
        </select>
      </div>
      <Loaded state={ranges} what="the reference ranges">
        {(list) => <RangesTable key={siteId} studyId={studyId} siteId={siteId} initial={list.map(toRow)} />}
      </Loaded>
    </section>
  );
}

function RangesTable({ studyId, siteId, initial }: { studyId: string; siteId: string; initial: readonly RangeRow[] }) {
  const [rows, setRows] = useState(initial);
  const [reason, setReason] = useState('');
  const a = useAction();
  const edit = (i: number, change: Partial<RangeRow>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...change } : r)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const changed = rows.filter((r, i) => JSON.stringify(r) !== JSON.stringify(initial[i]));
    a.run(
      () => adminApi.setReferenceRanges(studyId, siteId, changed.map(toRange), reason.trim() || undefined),
      () => `${changed.length} reference range(s) of ${siteId} saved.`,
    );
  };
  return (
    <form onSubmit={submit} aria-label={`Reference ranges of ${siteId}`}>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">Analyte</th>
            <th scope="col">Unit</th>
            <th scope="col">LLN</th>
            <th scope="col">ULN</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.analyte}>
              <th scope="row">
                {r.analyte}
                {r.assumed ? <span className="hint"> (assumed default)</span> : null}
              </th>
              <td>
                <select aria-label={`${r.analyte} unit`} value={r.unit} onChange={(e) => edit(i, { unit: e.target.value })}>
                  {unitsOf(r.analyte).map((u) => (
                    <option key={u}>{u}</option>
                  ))}
                </select>
              </td>
              <td>
                <input aria-label={`${r.analyte} LLN`} inputMode="decimal" value={r.lln} onChange={(e) => edit(i, { lln: e.target.value })} />
              </td>
              <td>
                <input aria-label={`${r.analyte} ULN`} inputMode="decimal" value={r.uln} onChange={(e) => edit(i, { uln: e.target.value })} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <TextField id="ranges-reason" label="Reason for change (when a saved range changes)" grow value={reason} onChange={setReason} error={a.at('reason')} />
      <FormActions error={unplacedError(a.error, ['reason'])} status={a.status} submit="Save reference ranges" />
    </form>
  );
}
