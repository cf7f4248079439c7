import { formsApi } from '../api/forms.js';
import { savedItemTexts } from '../forms/saved-item-texts.js';
import { useLoad } from '../use-load.js';
import type { VisitContext } from '../visit-context.js';
import type { Aside } from '../visit-part.js';
import { Loaded } from './loaded.js';

/**
 * A defined form's saved values at a visit, read-only, for those who review the data rather than
 * enter it: each item with its value under the version it was entered with, and what goes under it
 * (its data queries, the action to raise one). `refresh` changes when a query's correction may have changed them.
 */
export function DefinedFormValues({ participantId, context, formId, aside, refresh }: { participantId: string; context: VisitContext; formId: string; aside: Aside; refresh: number }) {
  const [state] = useLoad(() => formsApi.visitForm(participantId, context.visit.id, formId), `${participantId}/${context.visit.id}/${formId}/${refresh}`);
  return (
    <Loaded state={state} what={`the ${formId} form`}>
      {({ form, saved }) => (
        <section aria-label={form.title}>
          <h3>{form.title}</h3>
          {saved ? (
            <>
              <p>
                Assessed on {saved.date} (form version {saved.formVersion}).
              </p>
              <dl className="items">
                {savedItemTexts(saved.form, saved.entries).map(({ field, label, text, calculated }) => (
                  <div className="item" key={field} data-field={field}>
                    <dt>{label}</dt>
                    <dd>
                      {text === undefined ? <span className="muted">not entered</span> : <strong>{text}</strong>}
                      {text === undefined || calculated ? null : aside(field, label, text)}
                    </dd>
                  </div>
                ))}
              </dl>
            </>
          ) : (
            <p className="muted">Nothing saved.</p>
          )}
        </section>
      )}
    </Loaded>
  );
}
