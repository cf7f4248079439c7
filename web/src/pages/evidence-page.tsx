import { useState, type FormEvent } from 'react';
import { api, type EvidenceRow } from '../api.js';
import { Loaded } from '../components/loaded.js';
import { Page } from '../components/page.js';
import { SampleSizePanel } from '../components/sample-size-panel.js';
import { useLoad } from '../use-load.js';

/** The API may answer one table or several named tables; each is shown with a filter. */
function tablesOf(data: EvidenceRow[] | Readonly<Record<string, EvidenceRow[]>>): [string, readonly EvidenceRow[]][] {
  if (Array.isArray(data)) return [['Published and unpublished trials', data]];
  return Object.entries(data).filter((entry): entry is [string, EvidenceRow[]] => Array.isArray(entry[1]));
}

function cell(v: unknown): string {
  // Only plain values and lists of them reach here (see readableColumns).
  if (v === null || v === undefined) return '—';
  if (Array.isArray(v)) return v.map(cell).join('; ');
  return String(v);
}

const isPlain = (v: unknown): boolean => v === null || v === undefined || ['string', 'number', 'boolean'].includes(typeof v);

/** Columns people read: plain values and lists of them. Structured copies of a text column (parsed doses, coded efficacy) stay out. */
function readableColumns(rows: readonly EvidenceRow[]): string[] {
  const all = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return all.filter((c) => rows.every((r) => isPlain(r[c]) || (Array.isArray(r[c]) && (r[c] as unknown[]).every(isPlain))));
}

function titleOf(key: string): string {
  const words = key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[-_]/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function EvidencePage() {
  // The server's query (disease synonyms, daily dose range); the filter below narrows what it answered.
  const [draft, setDraft] = useState({ disease: '', dose: '' });
  const [query, setQuery] = useState({ disease: '', dose: '' });
  const [evidence] = useLoad(() => api.evidence(query), `evidence:${query.disease}:${query.dose}`);
  const [filter, setFilter] = useState('');
  const search = (e: FormEvent) => {
    e.preventDefault();
    setQuery(draft);
  };
  const needle = filter.trim().toLowerCase();
  return (
    <Page title="Evidence">
      <p className="muted">Low-dose IL-2 trials from the review: published results and completed trials not yet published.</p>
      <form role="search" aria-label="Query the evidence" onSubmit={search}>
        <label htmlFor="evidence-disease">Disease (e.g. SS, Sjögren, HCV, haemolytic)</label>
        <input id="evidence-disease" value={draft.disease} onChange={(e) => setDraft({ ...draft, disease: e.target.value })} />
        <label htmlFor="evidence-dose">Daily dose range, million IU (e.g. 1-3)</label>
        <input id="evidence-dose" value={draft.dose} onChange={(e) => setDraft({ ...draft, dose: e.target.value })} />
        <button type="submit">Query</button>
      </form>
      <label htmlFor="evidence-filter">Filter rows (disease, country, reference…)</label>
      <input id="evidence-filter" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
      <Loaded state={evidence} what="the evidence">
        {(data) => (
          <>
            {!Array.isArray(data) && typeof data.message === 'string' && <p role="status">{data.message}</p>}
            {tablesOf(data).map(([name, rows]) => {
              const columns = readableColumns(rows);
              const shown = rows.filter((r) => !needle || columns.some((c) => cell(r[c]).toLowerCase().includes(needle)));
              return (
                <div key={name} className="table-wrap">
                  <table className="data">
                    <caption>
                      {titleOf(name)} ({shown.length} of {rows.length})
                    </caption>
                    <thead>
                      <tr>
                        {columns.map((c) => (
                          <th key={c} scope="col">
                            {titleOf(c)}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {shown.map((r, i) => (
                        <tr key={i}>
                          {columns.map((c) => (
                            <td key={c}>{cell(r[c])}</td>
                          ))}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              );
            })}
          </>
        )}
      </Loaded>
      <SampleSizePanel />
    </Page>
  );
}
