import { useState, type FormEvent } from 'react';
import { api, ApiError, toApiError, type DataQuery } from '../api.js';
import { answerErrorField, correctionIssue } from '../data-queries.js';
import { itemValuesFromText } from '../item-values.js';
import { FieldError, describedBy } from './field-error.js';
import { FormActions } from './form-actions.js';
import { Modal } from './modal.js';
import { TextField } from './text-field.js';

/**
 * The site's answer to a data query: an answer, or a corrected value whose reason is the answer (the
 * server saves the correction with it in the audit trail). `savedValue` shows what is on file now.
 */
export function AnswerQueryDialog({ query, savedValue, onAnswered, onCancel }: { query: DataQuery | null; savedValue?: string | undefined; onAnswered: () => void; onCancel: () => void }) {
  return (
    <Modal open={query !== null} titleId="answer-query-title" onCancel={onCancel}>
      {query ? <AnswerForm query={query} savedValue={savedValue} onAnswered={onAnswered} onCancel={onCancel} /> : null}
    </Modal>
  );
}

function AnswerForm({ query, savedValue, onAnswered, onCancel }: { query: DataQuery; savedValue: string | undefined; onAnswered: () => void; onCancel: () => void }) {
  const [text, setText] = useState('');
  const [correction, setCorrection] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const correcting = correction.trim() !== '';
  // Only a query on a visit's saved value can be corrected (the server refuses others).
  const correctable = query.visitId !== null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const value = itemValuesFromText({ correction })['correction'];
    if (correcting && typeof value !== 'number') {
      setError(new ApiError('NotANumber', `The corrected value must be a number, not "${correction.trim()}".`, 0, 'correction'));
      return;
    }
    const issue = typeof value === 'number' ? correctionIssue(query.field, value) : undefined;
    if (issue) {
      setError(new ApiError('CorrectionOutOfRange', issue, 0, 'correction'));
      return;
    }
    if (!text.trim()) {
      const message = correcting ? 'Give the reason for the correction: it goes into the audit trail.' : 'Give the answer to the query.';
      setError(new ApiError('AnswerRequired', message, 0, 'text'));
      return;
    }
    setError(null);
    api.answerQuery(query.id, { text: text.trim(), ...(typeof value === 'number' ? { correction: value } : {}) }).then(onAnswered, (err: unknown) => setError(toApiError(err)));
  };
  const placed = error ? answerErrorField(error.path, correcting) : undefined;
  const errorAt = (f: 'text' | 'correction') => (error && placed === f ? error.message : undefined);
  return (
    <form onSubmit={submit} noValidate>
      <h2 id="answer-query-title">Answer the data query</h2>
      <p>
        On <strong>{query.field}</strong>
        {query.visitId ? ` at ${query.visitId}` : ''}
        {savedValue ? (
          <>
            , saved as <strong>{savedValue}</strong>
          </>
        ) : null}
        : “{query.text}”
      </p>
      {correctable ? (
        <>
          <label htmlFor="answer-correction">Corrected value (leave empty to answer without a correction)</label>
          <input
            id="answer-correction"
            inputMode="decimal"
            size={10}
            value={correction}
            onChange={(e) => setCorrection(e.target.value)}
            aria-invalid={errorAt('correction') ? true : undefined}
            aria-describedby={describedBy('answer-correction', errorAt('correction'))}
          />
          <FieldError id="answer-correction" message={errorAt('correction')} />
        </>
      ) : null}
      <TextField id="answer-text" label={correcting ? 'Reason for the correction' : 'Answer'} multiline value={text} onChange={setText} error={errorAt('text')} />
      <FormActions error={error && !placed ? error.message : undefined} submit={correcting ? 'Correct and answer' : 'Send answer'} onCancel={onCancel} />
    </form>
  );
}
