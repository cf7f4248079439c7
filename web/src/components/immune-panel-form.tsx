import { useMemo, useState, type FormEvent } from 'react';
import { gatingHierarchy, type SubsetId } from '../../../src/instruments/immune/gating.js';
import { computePanel, type PanelInput } from '../../../src/instruments/immune/panel.js';
import { api, toApiError, type ApiError } from '../api.js';
import { panelField } from '../data-queries.js';
import { panelChanges, panelFromTexts, panelTexts, percentOf, type PanelTexts } from '../panel-entry.js';
import { useResetOn } from '../use-reset-on.js';
import type { VisitPartProps } from '../visit-part.js';
import { FieldError, describedBy } from './field-error.js';
import { FormActions } from './form-actions.js';
import { ReasonDialog } from './reason-dialog.js';

/** The server's path for a subset's value (observations body `panel`), for placing its refusal. */
const serverPath = (id: SubsetId) => (id === 'lymphocytes' ? 'panel.lymphocytesPerUl' : `panel.percentOfParent.${id}`);

/**
 * The immune panel of one visit (flow cytometry): the lymphocyte count and each subset as % of its
 * parent gate. Each box is checked as it is typed (counts ≥ 0, percentages 0–100) and the absolute
 * count it gives (cells/µL) is shown beside it. `aside` gives what goes under a field (its data queries).
 */
export function ImmunePanelForm({ participantId, visitId, date, saved, onSaved, aside }: VisitPartProps<PanelInput | null>) {
  const [texts, setTexts] = useState<PanelTexts>(() => panelTexts(saved));
  useResetOn(JSON.stringify(saved), () => setTexts(panelTexts(saved)));
  const [attempted, setAttempted] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const entry = useMemo(() => panelFromTexts(texts, saved), [texts, saved]);
  const computed = entry.panel ? computePanel(entry.panel) : null;
  const changes = saved && entry.panel ? panelChanges(saved, entry.panel) : [];
  const entered = Object.values(texts).some((t) => t?.trim());
  // Every saved value is the same and nothing new is entered (emptying a saved box is refused).
  const unchanged = saved !== null && entry.panel !== null && changes.length === 0 && Object.keys(entry.panel.percentOfParent).length === Object.keys(saved.percentOfParent).length;

  const errorAt = (id: SubsetId): string | undefined => {
    if (error?.path === serverPath(id)) return error.message;
    if (entry.issues[id]) return entry.issues[id];
    if (id === 'lymphocytes' && entry.missingCount && attempted) return 'Enter the lymphocyte count (cells/µL): every subset’s count follows from it.';
    return undefined;
  };
  const placed = error && gatingHierarchy.some((s) => error.path === serverPath(s.id));

  const save = (reason?: string) => {
    setAsking(false);
    if (!entry.panel) return;
    api.saveVisit(participantId, visitId, { date, values: {}, panel: entry.panel, ...(reason ? { reason } : {}) }).then(
      () => {
        setStatus('Immune panel saved.');
        onSaved();
      },
      (err: unknown) => setError(toApiError(err)),
    );
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setAttempted(true);
    setStatus(null);
    setError(null);
    if (!entry.panel) return;
    if (changes.length > 0) setAsking(true);
    else if (unchanged) setStatus('Nothing changed.');
    else save();
  };

  return (
    <>
      <form className="card" onSubmit={submit} noValidate aria-labelledby="panel-title">
        <h3 id="panel-title">Enter the immune panel</h3>
        <p className="muted">Lymphocytes as counted (cells/µL); each subset as a percentage of its parent gate. The absolute counts follow.</p>
        <div className="items">
          {gatingHierarchy.map((s) => {
            const id = `panel-${s.id}`;
            const hintId = `${id}-hint`;
            const perUl = computed?.subsets[s.id].absolutePerUl;
            return (
              <div className="item" key={s.id}>
                <label htmlFor={id}>{s.label}</label>
                <div className="row">
                  <input
                    id={id}
                    inputMode="decimal"
                    autoComplete="off"
                    size={8}
                    value={texts[s.id] ?? ''}
                    onChange={(e) => setTexts((p) => ({ ...p, [s.id]: e.target.value }))}
                    aria-invalid={errorAt(s.id) ? true : undefined}
                    aria-describedby={describedBy(id, errorAt(s.id), hintId)}
                  />
                  <span className="unit">{s.parent ? '%' : 'cells/µL'}</span>
                </div>
                <p id={hintId} className="hint">
                  {s.parent ? `${percentOf(s.id)}, 0–100` : '0 or more'} · {s.phenotype}
                  {s.parent && perUl !== null && perUl !== undefined ? ` · ${Math.round(perUl)} cells/µL` : ''}
                </p>
                <FieldError id={id} message={errorAt(s.id)} />
                {aside?.(panelField(s.id), s.label)}
              </div>
            );
          })}
        </div>
        <FormActions error={error && !placed ? error.message : undefined} status={status} submit="Save immune panel" disabled={!entered} />
      </form>
      {/* Outside the form: a form inside a form is not valid HTML. */}
      <ReasonDialog open={asking} changes={changes} onConfirm={(r) => save(r)} onCancel={() => setAsking(false)} />
    </>
  );
}
