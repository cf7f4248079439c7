import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { exportRedcapDictionary } from '../../forms/redcap/export-redcap.js';
import type { Protocol } from '../../protocol/schema.js';
import type { StagedFiles } from '../export-files/staged-files.js';
import type { ParticipantData } from '../sdtm/participant-data.js';
import { recordLayout, type RecordLayout } from './record-layout.js';
import { recordRows } from './record-rows.js';

export interface RedcapSource {
  readonly studyId: string;
  readonly protocol: Protocol;
  readonly pages: (onPage: (page: readonly ParticipantData[]) => Promise<void>) => Promise<void>;
}

export const redcapFileNames = (studyId: string) => ({
  records: `${studyId}-redcap-records.csv`,
  dictionary: `${studyId}-redcap-dictionary.csv`,
  events: `${studyId}-redcap-events.csv`,
  mapping: `${studyId}-redcap-instrument-events.csv`,
  repeating: `${studyId}-redcap-repeating-instruments.csv`,
});

/** The flat file's lines for some rows, every column in the layout's order. */
export function recordLines(layout: RecordLayout, rows: readonly Readonly<Record<string, string>>[]): string {
  return rows.length === 0 ? '' : stringify(rows.map((r) => layout.columns.map((c) => r[c] ?? '')));
}

/**
 * The study's data as a REDCap project would export it (raw, flat, CSV): the records file (one row per
 * record × event, and per instance of a repeating instrument), written a page of participants at a
 * time, beside the project's definition: the data dictionary, the events (as REDCap's event export),
 * the instrument–event mapping and the repeating instruments. Returns the rows of each file.
 */
export async function writeRedcap(files: StagedFiles, src: RedcapSource): Promise<Record<keyof ReturnType<typeof redcapFileNames>, number>> {
  const layout = recordLayout(src.protocol);
  const names = redcapFileNames(src.studyId);
  // The layout's forms are already named by their variables.
  const dictionary = exportRedcapDictionary(
    layout.instruments.map((i) => i.form),
    (_formId, itemId) => itemId,
  );
  const small = async (name: string, lines: string[][]) => {
    const out = files.open(name);
    await out.write(stringify(lines));
    await out.close();
    return lines.length - 1;
  };
  const counts = {
    dictionary: await small(names.dictionary, parse(dictionary) as string[][]),
    events: await small(names.events, [['event_name', 'arm_num', 'unique_event_name', 'custom_event_label'], ...layout.events.map((e) => [e.label, '1', e.name, ''])]),
    mapping: await small(names.mapping, [['arm_num', 'unique_event_name', 'form'], ...layout.events.flatMap((e) => e.instruments.map((i) => ['1', e.name, i]))]),
    repeating: await small(names.repeating, [
      ['event_name', 'form_name', 'custom_form_label'],
      ...layout.events.flatMap((e) => e.instruments.filter((i) => layout.instruments.find((x) => x.name === i)?.repeating).map((i) => [e.name, i, ''])),
    ]),
    records: 0,
  };
  const out = files.open(names.records);
  await out.write(stringify([layout.columns as string[]]));
  await src.pages(async (page) => {
    const rows = page.flatMap((d) => recordRows(layout, d));
    counts.records += rows.length;
    await out.write(recordLines(layout, rows));
  });
  await out.close();
  return counts;
}
