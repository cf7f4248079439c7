import { useState, type FormEvent } from 'react';
import { api, auditQuery, exportCsvUrl, toApiError, type ApiError, type AuditEntry, type AuditFilter, type AuditPage, type ExportTableName } from '../api.js';
import { changeText } from '../audit-change.js';
import { FormActions } from '../components/form-actions.js';
import { Link } from '../components/link.js';
import { Loaded } from '../components/loaded.js';
import { Page } from '../components/page.js';
import { TextField } from '../components/text-field.js';
import { localDateTime } from '../dates.js';
import { can } from '../../../src/access/index.js';
import { useSession } from '../session.js';
import { useLoad } from '../use-load.js';

/** Each exported file and what its rows are (src/interop/csv-export/export-tables.ts). */
const exportFiles: Readonly<Record<ExportTableName, string>> = {
  participants: 'one row per participant: site, sex, birth date, status and its dates, kit number',
  visits: 'one row per visit with saved data',
  observations: 'every saved value: instrument items, labs with their CTCAE grade, immune panel',
  doses: 'each dose recorded given or held, with the reason',
  adverse_events: 'each adverse event: term, dates, grade, seriousness, relatedness, action, outcome',
};

/** The tables a reviewer filters the trail by (the audited tables of a study). */
const trailTables = [
  'participants',
  'screening_records',
  'consents',
  'enrolments',
  'randomizations',
  'dispensings',
  'unblindings',
  'visits',
  'observations',
  'doses',
  'adverse_events',
  'queries',
  'sites',
  'site_reference_ranges',
];

const pageSizes = [5, 25, 100];

/**
 * A study's review for its study-wide monitors, data managers, statisticians and admins: the CSV
 * exports and the audit trail, newest first, filtered by table and row, older records on demand.
 * The server shapes both for the reader (a blinded one gets no arm and no hash); other roles get
 * its refusal, shown as it comes.
 */
export function ReviewPage({ studyId }: { studyId: string }) {
  const { session } = useSession();
  const [filter, setFilter] = useState<AuditFilter>({ limit: 25 });
  // The filter comes back with its page, so older pages are asked for with the filter that gave it.
  const [first] = useLoad(() => api.auditTrail(studyId, filter).then((page) => ({ filter, page })), `audit/${studyId}/${auditQuery(filter)}`);
  return (
    <Page title="Review">
      <p>
        <Link to={{ kind: 'dashboard', studyId }}>Back to the study</Link>
      </p>
      <h2>Data exports (CSV)</h2>
      {can({ assignments: session.roles }, 'audit.read', { studyId }) ? (
        <ExportLinks studyId={studyId} />
      ) : (
        <p>Exporting the data needs a study-wide role: monitor, data manager, statistician or admin.</p>
      )}
      <h2>Audit trail</h2>
      <TrailFilter filter={filter} onApply={setFilter} />
      <Loaded state={first} what="the audit trail">
        {(loaded) => <Trail studyId={studyId} filter={loaded.filter} first={loaded.page} />}
      </Loaded>
    </Page>
  );
}

function ExportLinks({ studyId }: { studyId: string }) {
  return (
    <>
      <ul>
        {(Object.entries(exportFiles) as [ExportTableName, string][]).map(([table, rows]) => (
          <li key={table}>
            <a href={exportCsvUrl(studyId, table)} download>
              {table}.csv
            </a>{' '}
            <span className="muted">({rows})</span>
          </li>
        ))}
      </ul>
      <p className="muted">Each file is one consistent snapshot. While the study is blinded to you, the files have no arm column.</p>
    </>
  );
}

function TrailFilter({ filter, onApply }: { filter: AuditFilter; onApply: (f: AuditFilter) => void }) {
  const [entity, setEntity] = useState(filter.entity ?? '');
  const [entityId, setEntityId] = useState(filter.entityId ?? '');
  const [limit, setLimit] = useState(filter.limit ?? 25);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply({ entity, entityId, limit });
  };
  return (
    <form className="card" onSubmit={submit} aria-label="Filter the audit trail">
      <div className="row">
        <div className="field">
          <label htmlFor="trail-entity">Table</label>
          <select id="trail-entity" value={entity} onChange={(e) => setEntity(e.target.value)}>
            <option value="">any table</option>
            {trailTables.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </div>
        <TextField id="trail-entity-id" label="Row id" grow value={entityId} onChange={setEntityId} error={undefined} />
        <div className="field">
          <label htmlFor="trail-limit">Records at a time</label>
          <select id="trail-limit" value={limit} onChange={(e) => setLimit(Number(e.target.value))}>
            {pageSizes.map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>
        </div>
      </div>
      <FormActions error={undefined} submit="Show records" />
    </form>
  );
}

/** The records of the first page and of every older page loaded after it; `next` of the last says whether more are older. */
function Trail({ studyId, filter, first }: { studyId: string; filter: AuditFilter; first: AuditPage }) {
  // Older pages belong to the first page they were loaded after: a new filter's first page starts afresh.
  const [older, setOlder] = useState<{ readonly after: AuditPage; readonly pages: readonly AuditPage[] }>({ after: first, pages: [] });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const pages = [first, ...(older.after === first ? older.pages : [])];
  const records = pages.flatMap((p) => p.records);
  const next = pages[pages.length - 1]?.next ?? null;
  const loadOlder = (before: number) => {
    setBusy(true);
    setError(null);
    api.auditTrail(studyId, { ...filter, before }).then(
      (page) => {
        setBusy(false);
        setOlder((o) => ({ after: first, pages: [...(o.after === first ? o.pages : []), page] }));
      },
      (err: unknown) => {
        setBusy(false);
        setError(toApiError(err));
      },
    );
  };
  if (records.length === 0) return <p>No audit record matches.</p>;
  const hashes = records.some((r) => r.hash !== undefined);
  return (
    <>
      <p role="status">
        {records.length} record{records.length === 1 ? '' : 's'}, newest first{next === null ? ', back to the oldest' : ''}.
      </p>
      <table className="data" aria-label="Audit trail">
        <thead>
          <tr>
            <th scope="col">No.</th>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">Action</th>
            <th scope="col">Table</th>
            <th scope="col">Row id</th>
            <th scope="col">Changes</th>
            <th scope="col">Reason</th>
            {hashes ? <th scope="col">Hash</th> : null}
          </tr>
        </thead>
        <tbody>
          {records.map((r) => (
            <TrailRow key={r.seq} record={r} hashes={hashes} />
          ))}
        </tbody>
      </table>
      {hashes ? null : <p className="muted">No record came with its hash: a blinded reader gets none, since a hash covers the arm.</p>}
      {error ? (
        <p role="alert" className="error">
          Could not load older records: {error.message}
        </p>
      ) : null}
      {next !== null ? (
        <button type="button" disabled={busy} onClick={() => loadOlder(next)}>
          Load older records
        </button>
      ) : null}
    </>
  );
}

function TrailRow({ record: r, hashes }: { record: AuditEntry; hashes: boolean }) {
  return (
    <tr>
      <td className="num">{r.seq}</td>
      <td className="date">{localDateTime(r.at)}</td>
      <td>{r.actorName ?? r.actor}</td>
      <td>{r.action}</td>
      <td>{r.entity}</td>
      <td>{r.entity === 'participants' ? <Link to={{ kind: 'participant', participantId: r.entityId }}>{r.entityId}</Link> : r.entityId}</td>
      <td>
        {r.changes.length ? (
          <ul className="changes">
            {r.changes.map((c) => (
              <li key={c.field}>{changeText(c, r.action)}</li>
            ))}
          </ul>
        ) : (
          '—'
        )}
      </td>
      <td>{r.reason ?? '—'}</td>
      {hashes ? <td>{r.hash ? <code title={r.hash}>{r.hash.slice(0, 12)}…</code> : '—'}</td> : null}
    </tr>
  );
}
