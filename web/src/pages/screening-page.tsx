import { useMemo, useState } from 'react';
import type { Criterion } from '../../../src/eligibility/expression.js';
import { evaluateEligibility, type CriterionResult } from '../../../src/eligibility/evaluate.js';
import { codesOf } from '../../../src/eligibility/columns.js';
import { findFact } from '../../../src/eligibility/facts.js';
import { protocolCriteria } from '../../../src/eligibility/protocol-criteria.js';
import { api, ApiError, type Participant } from '../api.js';
import { FieldError, describedBy } from '../components/field-error.js';
import { Link } from '../components/link.js';
import { Loaded } from '../components/loaded.js';
import { Page } from '../components/page.js';
import { StatusBadge } from '../components/status-badge.js';
import { localToday } from '../dates.js';
import { navigate } from '../router.js';
import { ageOn, attestedCriteria, factsRead, readTypedFacts, type Attest } from '../screening-facts.js';
import { useSession } from '../session.js';
import { useLoad } from '../use-load.js';

interface ScreeningContext {
  readonly participant: Participant;
  readonly criteria: readonly Criterion[];
}

async function loadContext(participantId: string): Promise<ScreeningContext> {
  const participant = await api.participant(participantId);
  if (!participant.studyId) throw new Error(`Participant ${participant.code} names no study.`);
  const { protocol } = await api.study(participant.studyId);
  return { participant, criteria: protocolCriteria(protocol.eligibility) };
}

export function ScreeningPage({ participantId }: { participantId: string }) {
  const [context] = useLoad(() => loadContext(participantId), `screening/${participantId}`);
  const title = context.kind === 'ready' ? `Screening ${context.data.participant.code}` : 'Screening';
  return (
    <Page title={title}>
      <Loaded state={context} what="the screening">
        {(c) => <ScreeningForm context={c} />}
      </Loaded>
    </Page>
  );
}

function initialTexts(p: Participant, names: readonly string[], date: string): Record<string, string> {
  const texts: Record<string, string> = Object.fromEntries(names.map((n) => [n, '']));
  if ('sex' in texts && p.sex) texts['sex'] = p.sex;
  if ('age' in texts && p.birthDate) texts['age'] = String(ageOn(p.birthDate, date));
  return texts;
}

function ScreeningForm({ context }: { context: ScreeningContext }) {
  const { session } = useSession();
  const { participant, criteria } = context;
  const [date, setDate] = useState(localToday());
  const [firstDose, setFirstDose] = useState('');
  const names = useMemo(() => factsRead(criteria), [criteria]);
  const named = useMemo(() => codesOf(criteria), [criteria]);
  const attestable = useMemo(() => attestedCriteria(criteria), [criteria]);
  const [texts, setTexts] = useState(() => initialTexts(participant, names, date));
  const [attest, setAttest] = useState<Record<string, Attest>>({});
  const [decisionError, setDecisionError] = useState<string | null>(null);

  const { facts, errors } = useMemo(() => readTypedFacts(texts, attest, session.user.username, date), [texts, attest, session.user.username, date]);
  const result = useMemo(() => evaluateEligibility(criteria, facts, { screening: date, ...(firstDose ? { firstDose } : {}) }), [criteria, facts, date, firstDose]);

  // The server evaluates the same facts again, stores them with the explanation and moves the participant.
  const decide = (to: 'eligible' | 'ineligible') => {
    setDecisionError(null);
    const typed = Object.fromEntries(Object.entries(texts).filter(([, t]) => t.trim() !== ''));
    const attestations = Object.entries(attest).map(([criterionId, a]) => ({ criterionId, holds: a === 'holds' }));
    api.screen(participant.id, { facts: typed, attestations, referenceDate: date, ...(firstDose ? { firstDose } : {}) }).then(
      (r) =>
        r.evaluation.status === to
          ? navigate({ kind: 'participant', participantId: participant.id })
          : setDecisionError(`The server recorded the screening as ${r.evaluation.status}: ${r.record.explanation.summary}`),
      (err: unknown) => setDecisionError(err instanceof ApiError || err instanceof Error ? err.message : String(err)),
    );
  };

  return (
    <>
      <p>
        Status <StatusBadge status={participant.status} /> · <Link to={{ kind: 'participant', participantId: participant.id }}>Participant page</Link>
      </p>
      <div className="row">
        <div className="field inline">
          <label htmlFor="screening-date">Screening date</label>
          <input id="screening-date" type="date" value={date} onChange={(e) => e.target.value && setDate(e.target.value)} />
        </div>
        <div className="field inline">
          <label htmlFor="first-dose-date">Planned first dose</label>
          <input id="first-dose-date" type="date" value={firstDose} onChange={(e) => setFirstDose(e.target.value)} aria-describedby="first-dose-hint" />
          <span id="first-dose-hint" className="muted">
            windows “before the first dose” count back from it
          </span>
        </div>
      </div>
      <div className="screening">
        <section aria-labelledby="facts-title">
          <h2 id="facts-title">Facts</h2>
          <div className="items">
            {names.map((name) => (
              <FactField key={name} name={name} named={named.get(name)} text={texts[name] ?? ''} error={errors[name]} onChange={(t) => setTexts((prev) => ({ ...prev, [name]: t }))} />
            ))}
          </div>
        </section>
        <section aria-labelledby="criteria-title">
          <h2 id="criteria-title">Criteria</h2>
          <ul className="criteria">
            {result.criteria.map((r) => (
              <CriterionRow
                key={r.id}
                result={r}
                attestable={attestable.some((c) => c.id === r.id)}
                flags={criteria.find((c) => c.id === r.id)?.flags ?? []}
                value={attest[r.id]}
                onAttest={(a) =>
                  setAttest((prev) => {
                    const next = { ...prev };
                    if (a) next[r.id] = a;
                    else delete next[r.id];
                    return next;
                  })
                }
              />
            ))}
          </ul>
        </section>
      </div>
      <section className="card" aria-labelledby="decision-title" aria-live="polite">
        <h2 id="decision-title">Decision</h2>
        <p>
          <strong id="eligibility-status">{result.status}</strong>
          {result.status === 'incomplete'
            ? ` — still unknown: ${result.criteria
                .filter((c) => c.status === 'unknown')
                .map((c) => c.id)
                .join(', ')}`
            : ''}
          {result.status === 'ineligible' ? ` — fails ${result.failed.join(', ')}` : ''}
        </p>
        <div className="buttons">
          <button type="button" disabled={result.status !== 'eligible' || participant.status !== 'screening'} onClick={() => decide('eligible')}>
            Record eligible
          </button>
          <button type="button" disabled={result.status !== 'ineligible' || participant.status !== 'screening'} onClick={() => decide('ineligible')}>
            Record ineligible
          </button>
        </div>
        {decisionError ? (
          <p role="alert" className="error">
            {decisionError}
          </p>
        ) : null}
      </section>
    </>
  );
}

function factHint(name: string): string {
  const def = findFact(name);
  if (!def) return '';
  switch (def.type) {
    case 'number':
      return `${def.description} In ${def.unit || 'points'}${def.units && def.units.length > 1 ? `; also ${def.units.map((u) => u.unit).join(', ')}` : ''}.`;
    case 'date':
      return `${def.description} A date (YYYY-MM-DD), or "never".`;
    case 'codes':
      return `${def.description} Codes separated by ";", or "none".`;
    default:
      return def.description;
  }
}

/** `named`: the values the criteria name, offered for a code fact without fixed ones (study_group). */
function FactField({ name, named, text, error, onChange }: { name: string; named: ReadonlySet<string> | undefined; text: string; error: string | undefined; onChange: (t: string) => void }) {
  const def = findFact(name);
  const id = `fact-${name}`;
  const hintId = `${id}-hint`;
  const common = { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy(id, error, hintId) } as const;
  return (
    <div className="item">
      <label htmlFor={id}>{name.replace(/_/g, ' ')}</label>
      {def?.type === 'boolean' ? (
        <select {...common} value={text} onChange={(e) => onChange(e.target.value)}>
          <option value="">not known</option>
          <option value="yes">yes</option>
          <option value="no">no</option>
        </select>
      ) : def?.type === 'code' ? (
        <select {...common} value={text} onChange={(e) => onChange(e.target.value)}>
          <option value="">not known</option>
          {(def.values ?? [...(named ?? [])]).map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      ) : (
        <input {...common} autoComplete="off" value={text} onChange={(e) => onChange(e.target.value)} />
      )}
      <p id={hintId} className="hint">
        {factHint(name)}
      </p>
      <FieldError id={id} message={error} />
    </div>
  );
}

const verdictText = { met: 'met', 'not-met': 'not met', unknown: 'unknown' } as const;

function CriterionRow({
  result: r,
  attestable,
  flags,
  value,
  onAttest,
}: {
  result: CriterionResult;
  attestable: boolean;
  flags: readonly string[];
  value: Attest | undefined;
  onAttest: (a: Attest | undefined) => void;
}) {
  const name = `attest-${r.id}`;
  // Colour follows the consequence (an exclusion that is not met is good news), the words the truth.
  const outcome = r.status === 'unknown' ? 'unknown' : r.fails ? 'fails' : 'passes';
  return (
    <li className={outcome} data-criterion={r.id}>
      <div>
        <span className={`verdict ${outcome}`}>{verdictText[r.status]}</span> · <strong>{r.id}</strong> ({r.side}){r.fails ? <strong className="error"> — excludes</strong> : null}
      </div>
      <div>{r.text}</div>
      <div className="muted">{r.reason}</div>
      {flags.map((f) => (
        <div key={f} className="flag">
          Record flaw: {f}
        </div>
      ))}
      {attestable ? (
        <fieldset>
          <legend>Attest {r.id}</legend>
          <label className="choice">
            <input type="radio" name={name} checked={value === 'holds'} onChange={() => onAttest('holds')} /> holds
          </label>
          <label className="choice">
            <input type="radio" name={name} checked={value === 'does-not-hold'} onChange={() => onAttest('does-not-hold')} /> does not hold
          </label>
          <label className="choice">
            <input type="radio" name={name} checked={value === undefined} onChange={() => onAttest(undefined)} /> not yet attested
          </label>
        </fieldset>
      ) : null}
    </li>
  );
}
