import { useMemo, useState, type FormEvent } from 'react';
import type { FormDefinition, Item } from '../../../src/forms/definition.js';
import type { Group } from '../../../src/forms/form-schema.js';
import { validateFilledForm } from '../../../src/forms/validate-form.js';
import { ApiError, api, toApiError } from '../api.js';
import { formsApi, type VisitFormValues } from '../api/forms.js';
import { defaultAssessmentDate } from '../assessment-date.js';
import { localToday } from '../dates.js';
import { formValuesFromTexts, textsFromValues } from '../forms/form-texts.js';
import type { FormTexts } from '../forms/typed-value.js';
import { withoutRow } from '../forms/group-rows.js';
import { formSaveStatus } from '../forms/save-status.js';
import { useLoad } from '../use-load.js';
import type { VisitContext } from '../visit-context.js';
import { FormActions } from './form-actions.js';
import { FormRendererField } from './form-renderer-field.js';
import { FormRendererGroup, type GroupCells } from './form-renderer-group.js';
import { Loaded } from './loaded.js';
import { ReasonDialog } from './reason-dialog.js';
import { TextField } from './text-field.js';

/** A defined form at a visit (NfL, ROADS, MoCA, …), loaded with what is saved, drawn by the one renderer. */
export function DefinedForm({ participantId, context, formId, onSaved }: { participantId: string; context: VisitContext; formId: string; onSaved: () => void }) {
  const [state, reload] = useLoad(() => formsApi.visitForm(participantId, context.visit.id, formId), `${participantId}/${context.visit.id}/${formId}`);
  // The status outlives the renderer, which starts afresh from what the save stored.
  const [status, setStatus] = useState<string | null>(null);
  return (
    <Loaded state={state} what={`the ${formId} form`}>
      {(data) => (
        <FormRenderer
          key={JSON.stringify(data.saved)}
          participantId={participantId}
          context={context}
          data={data}
          status={status}
          onStatus={setStatus}
          onSaved={() => {
            reload();
            onSaved();
          }}
        />
      )}
    </Loaded>
  );
}

/** Form-level items in order, sections flattened; a repeating group stays whole (drawn as its table). */
const entriesOf = (form: FormDefinition): (Item | Group)[] => form.items.flatMap((e): (Item | Group)[] => (e.type === 'group' ? (e.repeating ? [e] : e.items) : [e]));

/**
 * One form drawn from its definition: calculated items and branching live as the values are typed,
 * each error beside its field, a value outside its expected range asking for the reason it is right
 * (saved with it, which opens a data query), and the reason for change asked when saved values change.
 * The assessment date starts at the visit's target date (today for a visit done early).
 */
export function FormRenderer({
  participantId,
  context,
  data,
  status,
  onStatus: setStatus,
  onSaved,
}: {
  participantId: string;
  context: VisitContext;
  data: VisitFormValues;
  status: string | null;
  onStatus: (status: string | null) => void;
  onSaved: () => void;
}) {
  const { form, saved } = data;
  const start = textsFromValues(saved?.values ?? {});
  const [texts, setTexts] = useState<FormTexts>(start.texts);
  const [units, setUnits] = useState<Record<string, string>>(start.units);
  const [rows, setRows] = useState<Record<string, number>>(start.rows);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [date, setDate] = useState(() => defaultAssessmentDate(saved?.date, context.visit.date, localToday()));
  const [attempted, setAttempted] = useState(false);
  const [serverError, setServerError] = useState<ApiError | null>(null);
  const [asking, setAsking] = useState(false);

  const values = useMemo(() => formValuesFromTexts(form, texts, units, rows), [form, texts, units, rows]);
  const checked = useMemo(() => validateFilledForm(form, values, reasons), [form, values, reasons]);
  const hidden = new Set(checked.hidden);
  const issueAt = (id: string) => checked.issues.find((i) => i.path === id);
  const errorFor = (id: string) => {
    if (serverError?.path === `values.${id}`) return serverError.message;
    const issue = issueAt(id);
    if (!issue || ((issue.code === 'FORM_VALUE_MISSING' || issue.code === 'FORM_SOFT_RANGE_UNCONFIRMED') && !attempted)) return undefined;
    return `${issue.message}.`;
  };
  const soft = (id: string) => issueAt(id)?.code === 'FORM_SOFT_RANGE_UNCONFIRMED' || checked.confirmed.some((c) => c.path === id);

  const cells: GroupCells = {
    texts,
    units,
    reasons,
    hidden,
    errorFor,
    soft,
    calculated: (path) => checked.entries.find((e) => e.path === path)?.value,
    onText: (path, t) => setTexts({ ...texts, [path]: t }),
    onUnit: (path, u) => setUnits({ ...units, [path]: u }),
    onReason: (path, r) => setReasons({ ...reasons, [path]: r }),
  };
  const removeRow = (group: string, row: number) => {
    setTexts(withoutRow(texts, group, row));
    setUnits(withoutRow(units, group, row));
    setReasons(withoutRow(reasons, group, row));
    setRows({ ...rows, [group]: Math.max(0, (rows[group] ?? 0) - 1) });
  };

  const save = (reason?: string) => {
    setAsking(false);
    setServerError(null);
    formsApi.saveVisitForm(participantId, context.visit.id, form.id, { date, values, confirmations: reasons, ...(reason ? { reason } : {}) }).then(
      async (r) => {
        // The proposed or withdrawn events are named from the participant's list (the answer gives their ids).
        const named = r.proposedAdverseEvents.length + r.withdrawnAdverseEvents.length > 0 ? await api.adverseEvents(participantId).catch(() => []) : [];
        setStatus(formSaveStatus(form.title, r, named));
        onSaved();
      },
      (e: unknown) => {
        if (e instanceof ApiError && e.code === 'AUDIT_REASON_REQUIRED') setAsking(true);
        else setServerError(toApiError(e));
      },
    );
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setAttempted(true);
    setStatus(null);
    if (checked.issues.length === 0) save();
  };

  return (
    <>
      <form onSubmit={submit} noValidate aria-label={form.title}>
        <h3>{form.title}</h3>
        {form.source ? <p className="hint">Source: {form.source}</p> : null}
        {form.assumptions.map((a) => (
          <p key={a} className="hint">
            Assumption: {a}
          </p>
        ))}
        <TextField id={`${form.id}-date`} type="date" label="Date assessed" value={date} onChange={setDate} error={serverError?.path === 'date' ? serverError.message : undefined} />
        {entriesOf(form).map((item) => {
          if (hidden.has(item.id)) return null;
          if (item.type === 'group') {
            const count = rows[item.id] ?? 0;
            return (
              <FormRendererGroup
                key={item.id}
                formId={form.id}
                group={item}
                count={count}
                cells={cells}
                onAdd={() => setRows({ ...rows, [item.id]: count + 1 })}
                onRemove={(r) => removeRow(item.id, r)}
              />
            );
          }
          const id = `${form.id}-${item.id}`;
          if (item.type === 'calculated') {
            const v = checked.entries.find((e) => e.path === item.id)?.value;
            return (
              <p key={item.id} className="calculated" aria-live="polite">
                {item.label}: <output htmlFor={id}>{v === null || v === undefined ? '—' : String(v)}</output>
                {item.unit ? ` ${item.unit}` : ''}
              </p>
            );
          }
          return (
            <div key={item.id}>
              <FormRendererField
                id={id}
                item={item}
                text={texts[item.id] ?? ''}
                unit={units[item.id]}
                error={errorFor(item.id)}
                onText={(t) => setTexts({ ...texts, [item.id]: t })}
                onUnit={(u) => setUnits({ ...units, [item.id]: u })}
              />
              {soft(item.id) ? (
                <TextField
                  id={`${id}-confirm`}
                  label={`Why is ${item.label} right? (opens a data query)`}
                  value={reasons[item.id] ?? ''}
                  onChange={(r) => setReasons({ ...reasons, [item.id]: r })}
                  error={undefined}
                />
              ) : null}
            </div>
          );
        })}
        <FormActions error={serverError && !serverError.path?.startsWith('values.') ? serverError.message : undefined} status={status} submit={`Save ${form.title}`} />
      </form>
      {/* Outside the form: a form inside a form is not valid HTML, and the dialog's submit would reach both (saving once without the reason). */}
      <ReasonDialog open={asking} changes={[form.title]} onConfirm={save} onCancel={() => setAsking(false)} />
    </>
  );
}
