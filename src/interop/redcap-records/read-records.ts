import { parse } from 'csv-parse/sync';
import { AppError } from '../../errors/app-error.js';
import type { Item } from '../../forms/definition.js';
import { REGISTRATION, VISIT, type RecordField, type RecordInstrument, type RecordLayout } from './record-layout.js';
import { redcapRecordErrors } from './errors.js';

/** Where a value came from: the file's row (the header is row 1) and column. */
export interface Place {
  readonly row: number;
  readonly column: string;
}

export const placeText = (p: Place) => `REDCap records row ${p.row}, column "${p.column}"`;
const refuse = (p: Place, what: string) => new AppError(redcapRecordErrors.INVALID, `${placeText(p)}: ${what}.`, `row ${p.row}, column ${p.column}`);

export type FormValue = number | string | boolean | (number | string)[];

export interface PlannedVisit {
  readonly row: number;
  readonly visitId: string;
  readonly date: string;
  /** Scored instruments' items, by instrument (as the visit form sends them). */
  readonly instruments: Record<string, Record<string, number>>;
  /** Defined forms' values, by form; a repeating group as its list of rows. */
  readonly forms: Record<string, Record<string, FormValue | Record<string, FormValue>[]>>;
  /** The column each entry path (`values.<instrument>.<item>`, `values.<item>`, `values.<group>[n].<item>`) came from, by form or instrument. */
  readonly places: Map<string, Place>;
}

export interface PlannedRecord {
  readonly code: string;
  readonly row: number;
  readonly siteId: string;
  readonly sex: 'female' | 'male';
  readonly birthDate: string;
  readonly visits: PlannedVisit[];
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** A cell as the item's value; undefined when empty. Calculated items are not read: il2trials computes them. */
function cellValue(item: Item, f: RecordField, cell: (column: string) => string, place: (column: string) => Place): FormValue | undefined {
  if (f.checkboxes) {
    const marks = [...f.checkboxes].map(([column, code]) => {
      const v = cell(column);
      if (v !== '' && v !== '0' && v !== '1') throw refuse(place(column), `a checkbox column holds 1, 0 or nothing, not "${v}"`);
      return [v, code] as const;
    });
    return marks.every(([v]) => v === '') ? undefined : marks.filter(([v]) => v === '1').map(([, code]) => code);
  }
  const text = cell(f.variable);
  if (text === '') return undefined;
  const at = place(f.variable);
  switch (item.type) {
    case 'integer':
      if (!/^-?\d+$/.test(text)) throw refuse(at, `"${text}" is not a whole number`);
      return Number(text);
    case 'decimal':
      if (!Number.isFinite(Number(text))) throw refuse(at, `"${text}" is not a number`);
      return Number(text);
    case 'single-choice': {
      const c = item.choices.find((x) => String(x.code) === text);
      if (!c) throw refuse(at, `"${text}" is not one of the codes ${item.choices.map((x) => x.code).join(', ')}`);
      return c.code;
    }
    case 'yes-no':
      if (text !== '1' && text !== '0') throw refuse(at, `a yes/no field holds 1 or 0, not "${text}"`);
      return text === '1';
    case 'date':
      if (!isoDate.test(text)) throw refuse(at, `"${text}" is not a date written YYYY-MM-DD`);
      return text;
    case 'time':
      if (!/^\d{2}:\d{2}(:\d{2})?$/.test(text)) throw refuse(at, `"${text}" is not a time written HH:MM`);
      return text;
    default:
      return text;
  }
}

/**
 * Read a REDCap flat records CSV against the study's layout: every column must be a field of the
 * project (an unknown one refuses the whole file), every row's event and repeating instrument one of
 * the project's, every value of the row's instruments only, and every value of its field's type.
 * Checked whole, before anything is written.
 */
export function readRecords(csv: string, layout: RecordLayout, siteIds: readonly string[]): PlannedRecord[] {
  let table: string[][];
  try {
    table = parse(csv, { bom: true, relax_column_count: false, skip_empty_lines: true }) as string[][];
  } catch (e) {
    throw new AppError(redcapRecordErrors.INVALID, `REDCap records CSV line ${(e as { lines?: number }).lines ?? '?'}: ${(e as Error).message.replace(/\.$/, '')}.`, 'file');
  }
  const [header, ...body] = table;
  if (!header) throw refuse({ row: 1, column: 'record_id' }, 'the file is empty; its header starts with record_id');
  const known = new Set(layout.columns);
  header.forEach((c) => {
    if (!known.has(c)) throw refuse({ row: 1, column: c }, "no field of that name is in the study's data dictionary (nothing was imported)");
  });
  for (const c of ['record_id', 'redcap_event_name'] as const) if (!header.includes(c)) throw refuse({ row: 1, column: c }, 'the column is missing');
  const instruments = new Map(layout.instruments.map((i) => [i.name, i]));
  const events = new Map(layout.events.map((e) => [e.name, e]));
  const byColumn = new Map<string, RecordInstrument>();
  for (const i of layout.instruments) for (const c of [...i.fields.flatMap((f) => (f.checkboxes ? [...f.checkboxes.keys()] : [f.variable])), `${i.name}_complete`]) byColumn.set(c, i);
  const records = new Map<string, PlannedRecord>();
  const visits = new Map<string, PlannedVisit>();
  const seen = new Set<string>();
  const pending: { row: number; cells: (c: string) => string; code: string; event: string; repeat: RecordInstrument; instance: number }[] = [];

  body.forEach((values, k) => {
    const row = k + 2;
    const cell = (c: string) => {
      const i = header.indexOf(c);
      return i < 0 ? '' : (values[i] ?? '').trim();
    };
    const place = (column: string): Place => ({ row, column });
    const code = cell('record_id');
    if (code === '') throw refuse(place('record_id'), 'the record id is empty');
    const event = events.get(cell('redcap_event_name'));
    if (!event) throw refuse(place('redcap_event_name'), `"${cell('redcap_event_name')}" is not an event of the project (${[...events.keys()].join(', ')})`);
    const repeatName = cell('redcap_repeat_instrument');
    const repeat = repeatName === '' ? undefined : instruments.get(repeatName);
    if (repeatName !== '' && (!repeat?.repeating || !event.instruments.includes(repeatName)))
      throw refuse(place('redcap_repeat_instrument'), `"${repeatName}" is not a repeating instrument of event ${event.name}`);
    const instance = cell('redcap_repeat_instance');
    if (repeat && !/^[1-9]\d*$/.test(instance)) throw refuse(place('redcap_repeat_instance'), `a repeating instrument's row needs its instance number 1, 2, …, not "${instance}"`);
    if (!repeat && instance !== '') throw refuse(place('redcap_repeat_instance'), 'a row of no repeating instrument has no instance number');
    const key = `${code}/${event.name}/${repeatName}/${instance}`;
    if (seen.has(key)) throw refuse(place('record_id'), `record ${code} already has a row for event ${event.name}${repeat ? ` instance ${instance} of ${repeatName}` : ''}`);
    seen.add(key);
    // A value in a field of an instrument the row does not hold.
    const mine = new Set(repeat ? [repeat.name] : event.instruments.filter((n) => !instruments.get(n)!.repeating));
    header.forEach((c, i) => {
      const owner = byColumn.get(c);
      if (owner && !mine.has(owner.name) && (values[i] ?? '').trim() !== '')
        throw refuse(place(c), `the field belongs to instrument ${owner.name}, which this row (event ${event.name}${repeat ? `, ${repeat.name}` : ''}) does not hold`);
    });
    if (event.visitId === null) {
      const siteId = cell('site_id');
      if (!siteIds.includes(siteId)) throw refuse(place('site_id'), `"${siteId}" is not a site of the study (${siteIds.join(', ')})`);
      const sex = cell('sex');
      if (sex !== 'female' && sex !== 'male') throw refuse(place('sex'), `"${sex}" is not female or male`);
      const birthDate = cell('birth_date');
      if (!isoDate.test(birthDate)) throw refuse(place('birth_date'), `"${birthDate}" is not a date written YYYY-MM-DD`);
      records.set(code, { code, row, siteId, sex, birthDate, visits: records.get(code)?.visits ?? [] });
      return;
    }
    if (repeat) {
      pending.push({ row, cells: cell, code, event: event.name, repeat, instance: Number(instance) });
      return;
    }
    const date = cell('visit_date');
    if (!isoDate.test(date)) throw refuse(place('visit_date'), `"${date}" is not a visit date written YYYY-MM-DD`);
    const visit: PlannedVisit = { row, visitId: event.visitId, date, instruments: {}, forms: {}, places: new Map() };
    for (const name of mine) {
      if (name === VISIT || name === REGISTRATION) continue;
      for (const f of instruments.get(name)!.fields) read(visit, f, cell, place);
    }
    visits.set(`${code}/${event.name}`, visit);
    (records.get(code) ?? pendingRecords(code, row)).visits.push(visit);
  });

  // Repeating instruments' rows join their record's visit row, in instance order.
  for (const r of pending.sort((a, b) => a.instance - b.instance)) {
    const visit = visits.get(`${r.code}/${r.event}`);
    if (!visit) throw refuse({ row: r.row, column: 'redcap_event_name' }, `record ${r.code} has no row of event ${r.event} with its visit date`);
    for (const f of r.repeat.fields) read(visit, f, r.cells, (column) => ({ row: r.row, column }), r.instance - 1);
  }
  for (const [code, r] of records)
    if (r.row < 0) throw refuse({ row: r.visits[0]!.row, column: 'record_id' }, `record ${code} has no row of event ${layout.events[0]!.name} (its site, sex and date of birth)`);
  return [...records.values()];

  function pendingRecords(code: string, row: number): PlannedRecord {
    const r: PlannedRecord = { code, row: -row, siteId: '', sex: 'female', birthDate: '', visits: [] };
    records.set(code, r);
    return r;
  }
}

/** One field's cell into the visit's planned values (instance: the repeating group's row, from 0). */
function read(visit: PlannedVisit, f: RecordField, cell: (c: string) => string, place: (c: string) => Place, instance?: number): void {
  const s = f.source;
  if (s.kind !== 'value' || s.item.type === 'calculated') return;
  const v = cellValue(s.item, f, cell, place);
  if (v === undefined) return;
  const column = f.checkboxes ? [...f.checkboxes.keys()][0]! : f.variable;
  if (s.scored) {
    (visit.instruments[s.formId] ??= {})[s.item.id] = v as number;
    visit.places.set(`${s.formId}:values.${s.formId}.${s.item.id}`, place(column));
    return;
  }
  const form = (visit.forms[s.formId] ??= {});
  if (s.group === undefined) {
    form[s.item.id] = v;
    visit.places.set(`${s.formId}:values.${s.item.id}`, place(column));
    return;
  }
  const rows = (form[s.group] ??= []) as Record<string, FormValue>[];
  (rows[instance!] ??= {})[s.item.id] = v;
  visit.places.set(`${s.formId}:values.${s.group}[${instance}].${s.item.id}`, place(column));
}
