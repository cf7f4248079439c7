import { useState, type FormEvent } from 'react';
import { ApiError, request } from '../../api.js';
import type { CtgovImportBody, CtgovImportResponse } from '../../../../src/api/ctgov.js';
import { FormActions } from '../../components/form-actions.js';
import { useAction } from './use-action.js';

/** POST /api/studies/import/ctgov; the file is sent as text, so the server names the line where a truncated file stops. */
const importCtgov = (body: CtgovImportBody) => request<CtgovImportResponse>('POST', '/api/studies/import/ctgov', body);

const KIND_LABEL = { assumption: 'To confirm', discrepancy: 'Discrepancy', unmapped: 'Not mapped' } as const;

/** A ClinicalTrials.gov study record (API v2 JSON) uploaded as a design-stage study, with the import's report. */
export function CtgovImportForm({ onDone }: { onDone: () => void }) {
  const [file, setFile] = useState<File | undefined>();
  const [result, setResult] = useState<CtgovImportResponse | null>(null);
  const a = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setResult(null);
    a.run(
      async () => {
        if (!file) throw new ApiError('HTTP_INVALID_BODY', 'Choose a ClinicalTrials.gov study file (JSON) first.', 400, 'file');
        const r = await importCtgov({ record: await file.text(), create: true }).finally(onDone);
        setResult(r);
        return r;
      },
      (r) =>
        `Study ${r.study?.id ?? r.protocol.id} created as a design from ${r.report.record}: confirm the ${r.report.entries.filter((x) => x.kind !== 'unmapped').length} decisions below, then activate it.`,
    );
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="ctgov-import-title">
      <h3 id="ctgov-import-title">Create a study from a ClinicalTrials.gov record</h3>
      <div className="field">
        <label htmlFor="ctgov-file">Study record (API v2 JSON)</label>
        <input id="ctgov-file" type="file" accept="application/json,.json" onChange={(e) => setFile(e.target.files?.[0])} />
      </div>
      <FormActions error={a.error?.message} status={a.status} submit="Import record" />
      {result ? (
        <table className="data" aria-label="What the import could not map as it stands">
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">Field</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {result.report.entries.map((x, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the report is shown once, in its order
              <tr key={i}>
                <td>{KIND_LABEL[x.kind]}</td>
                <td>{x.protocolField ?? x.field}</td>
                <td>{x.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </form>
  );
}
