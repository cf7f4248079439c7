import { useState } from 'react';
import { eligibilityApi, type CriteriaCorrections } from '../api/eligibility.js';
import { Link } from '../components/link.js';
import { Loaded } from '../components/loaded.js';
import { Page } from '../components/page.js';
import type { CriterionReadings } from '../../../src/eligibility/criterion-readings.js';
import { useLoad } from '../use-load.js';
import { CriterionEditor } from './criteria-editor-form.js';

/**
 * The designer's page: each criterion's verbatim text, how the parser read it and why any part stays
 * attested, and an editor to write its computable expression (validated as typed, previewed on a
 * sample patient, saved into the protocol or as an amendment once the study is live).
 */
export function CriteriaEditorPage({ studyId }: { studyId: string }) {
  const [state, reload] = useLoad(() => eligibilityApi.corrections(studyId), `criteria-corrections/${studyId}`);
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <Page title={`Criteria of ${studyId}`} actions={<Link to={{ kind: 'dashboard', studyId }}>Study page</Link>}>
      {saved ? <p role="status">{saved}</p> : null}
      <Loaded state={state} what="the criteria">
        {(data) => (
          <>
            <p className="muted">
              Protocol version {data.protocolVersion} (
              {data.status === 'live' ? 'live: a correction is saved as an amendment, with an effective date and a reason' : 'a design: a correction is saved into the protocol'}).
            </p>
            <ol className="criteria" aria-label="Criteria">
              {data.criteria.map((c) => (
                <li key={c.id} data-criterion={c.id}>
                  <CriterionReading c={c} />
                  {editing === c.id ? (
                    <CriterionEditor
                      studyId={studyId}
                      criterion={c}
                      live={data.status === 'live'}
                      onCancel={() => setEditing(null)}
                      onSaved={(message) => {
                        setEditing(null);
                        setSaved(message);
                        reload();
                      }}
                    />
                  ) : (
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => {
                        setSaved(null);
                        setEditing(c.id);
                      }}
                    >
                      Correct {c.id}
                    </button>
                  )}
                </li>
              ))}
            </ol>
            <FactList facts={data.facts} />
          </>
        )}
      </Loaded>
    </Page>
  );
}

function CriterionReading({ c }: { c: CriterionReadings }) {
  return (
    <>
      <h2 className="criterion-title">
        {c.id} <span className="muted">({c.side})</span>
      </h2>
      <blockquote className="verbatim">{c.text}</blockquote>
      <p>
        Parsed as <strong className="computability">{c.parsed.computability}</strong>: <code>{c.parsed.expression}</code>
      </p>
      {c.parsed.notComputable ? <p className="reason">Why: {c.parsed.notComputable}</p> : null}
      {c.parsed.flags.map((f) => (
        <p key={f} className="muted">
          {f}
        </p>
      ))}
      {c.corrected ? (
        <p className="corrected">
          Screened by the correction (<strong>{c.corrected.computability}</strong>): <code>{c.corrected.expression}</code>
          {c.corrected.notComputable ? ` — ${c.corrected.notComputable}` : ''}
        </p>
      ) : null}
    </>
  );
}

/** The facts an expression may name, with their type and unit: what the designer writes with. */
function FactList({ facts }: { facts: CriteriaCorrections['facts'] }) {
  return (
    <details className="card">
      <summary>Facts of the criteria language</summary>
      <p className="muted">
        Written as <code>age ≥ 18 years and (ecog ≤ 1 or karnofsky ≥ 70 %)</code>, <code>not pregnant</code>, <code>sex = female</code>, <code>diagnoses has sepsis</code>,{' '}
        <code>last.stroke within 6 months before screening</code>, <code>attested: "text a person confirms"</code>; "and" and "or" are not mixed without parentheses.
      </p>
      <ul>
        {facts.map((f) => (
          <li key={f.name}>
            <code>{f.name}</code> ({f.type}
            {f.unit ? `, in ${f.unit}` : ''}
            {f.values ? `: ${f.values.join(', ')}` : ''}) — {f.description}
          </li>
        ))}
      </ul>
    </details>
  );
}
