import type { ObservationData, ParticipantData } from '../sdtm/participant-data.js';
import { eventName, REGISTRATION, VISIT, type FieldSource, type RecordField, type RecordInstrument, type RecordLayout } from './record-layout.js';

/** One row of the flat file, by column; a column left out is an empty cell. */
export type RecordRow = Readonly<Record<string, string>>;

type Stored = number | string;

/** The stored key of a form value (`observations.key`), and its kind. */
export function storedKey(s: Extract<FieldSource, { kind: 'value' }>, row: number | undefined): { kind: string; key: string } {
  if (s.total) return { kind: 'score', key: s.formId };
  const path = s.group === undefined ? s.item.id : `${s.group}[${row}].${s.item.id}`;
  return { kind: s.scored ? 'item' : 'other', key: `${s.formId}.${path}` };
}

/** A stored value as REDCap writes it raw: codes, yes/no as 1/0, numbers as written, text as is. */
function cells(f: RecordField, value: Stored | undefined): Record<string, string> {
  if (f.checkboxes) {
    // A multiple choice never shown (nothing stored) leaves every checkbox column empty, not 0 (REDCapR #420).
    const chosen = value === undefined ? undefined : new Set((JSON.parse(String(value)) as unknown[]).map(String));
    return Object.fromEntries([...f.checkboxes].map(([column, code]) => [column, chosen === undefined ? '' : chosen.has(String(code)) ? '1' : '0']));
  }
  return { [f.variable]: value === undefined ? '' : String(value) };
}

function instrumentCells(i: RecordInstrument, values: ReadonlyMap<string, Stored>, row: number | undefined): Record<string, string> | null {
  const out: Record<string, string> = {};
  let any = false;
  for (const f of i.fields) {
    if (f.source.kind !== 'value') continue;
    const k = storedKey(f.source, row);
    const v = values.get(`${k.kind}/${k.key}`);
    if (v !== undefined) any = true;
    Object.assign(out, cells(f, v));
  }
  // `_complete` 2 (Complete) where il2trials holds the form's values: a saved form passed its checks.
  return any ? { ...out, [`${i.name}_complete`]: '2' } : null;
}

/** The repeating group rows stored for a group (`form.group[n].item` keys), in order. */
function groupRows(i: RecordInstrument, observations: readonly ObservationData[]): number[] {
  const first = i.fields[0]!.source;
  if (first.kind !== 'value' || first.group === undefined) return [];
  const prefix = `${first.formId}.${first.group}[`;
  const rows = new Set(observations.flatMap((o) => (o.kind === 'other' && o.key.startsWith(prefix) ? [Number(o.key.slice(prefix.length, o.key.indexOf(']', prefix.length)))] : [])));
  return [...rows].sort((a, b) => a - b);
}

/**
 * A participant's rows of the flat file: the registration row, then for each visit holding form
 * values one row with the visit date and its instruments, followed by a row per instance of each
 * repeating instrument (`redcap_repeat_instrument`, `redcap_repeat_instance` 1, 2, …).
 */
export function recordRows(layout: RecordLayout, d: ParticipantData): RecordRow[] {
  const record = { record_id: d.code };
  const rows: RecordRow[] = [{ ...record, redcap_event_name: eventName(REGISTRATION), site_id: d.siteId, sex: d.sex, birth_date: d.birthDate, [`${REGISTRATION}_complete`]: '2' }];
  const instruments = new Map(layout.instruments.map((i) => [i.name, i]));
  for (const event of layout.events) {
    if (event.visitId === null) continue;
    const visit = d.visits.find((v) => v.visitId === event.visitId);
    if (!visit) continue;
    const observations = d.observations.filter((o) => o.visitId === event.visitId);
    const values = new Map(observations.flatMap((o): [string, Stored][] => ((o.valueNum ?? o.valueText) === null ? [] : [[`${o.kind}/${o.key}`, (o.valueNum ?? o.valueText)!]])));
    const main: Record<string, string> = {};
    const repeats: RecordRow[] = [];
    for (const name of event.instruments) {
      const i = instruments.get(name)!;
      if (name === VISIT) continue;
      if (!i.repeating) Object.assign(main, instrumentCells(i, values, undefined) ?? {});
      else
        groupRows(i, observations).forEach((n, k) => {
          const c = instrumentCells(i, values, n);
          if (c) repeats.push({ ...record, redcap_event_name: event.name, redcap_repeat_instrument: i.name, redcap_repeat_instance: String(k + 1), ...c });
        });
    }
    if (Object.keys(main).length === 0 && repeats.length === 0) continue;
    rows.push({ ...record, redcap_event_name: event.name, visit_date: visit.date, [`${VISIT}_complete`]: '2', ...main }, ...repeats);
  }
  return rows;
}
