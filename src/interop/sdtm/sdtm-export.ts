import type { Protocol } from '../../protocol/schema.js';
import type { DatasetCell, DatasetMetadata } from '../dataset-json/dataset-column.js';
import { datasetJsonFile } from '../dataset-json/dataset-json-writer.js';
import type { StagedFiles } from '../export-files/staged-files.js';
import { questionnaireForms } from '../form-metadata/form-metadata.js';
import { xptDatasetOf, xptValues } from '../xpt/from-columns.js';
import { xptFile } from '../xpt/xpt-writer.js';
import { blinding } from './blinding.js';
import { DatasetCollector } from './dataset-collector.js';
import type { DomainSpec } from './domain-spec.js';
import type { ParticipantData } from './participant-data.js';
import { subjectRecords, type SubjectDomain } from './participant-records.js';
import { ae, dm, ds, ex, lb, qs, sv } from './subject-domains.js';
import { ta, te, ti, ts, tv } from './trial-design-domains.js';
import { taRows, teRows, tiRows, tsRows, tvRows } from './trial-design-records.js';

/** What an SDTM export is made from; `pages` hands over the participants a page at a time. */
export interface SdtmSource {
  readonly studyId: string;
  readonly protocol: Protocol;
  readonly blinded: boolean;
  /** When the study's data last changed and when this export is made (Dataset-JSON and XPT headers). */
  readonly dbLastModified: Date;
  readonly created: Date;
  readonly pages: (onPage: (page: readonly ParticipantData[]) => Promise<void>) => Promise<void>;
}

/** One dataset written: its spec and the columns with the lengths found (what Define-XML describes). */
export interface WrittenDataset {
  readonly spec: DomainSpec;
  readonly meta: DatasetMetadata;
  readonly records: number;
}

export const subjectDomains: Readonly<Record<SubjectDomain, DomainSpec>> = { DM: dm, EX: ex, AE: ae, DS: ds, SV: sv, LB: lb, QS: qs };
export const trialDesignDomains: readonly DomainSpec[] = [ts, ta, te, tv, ti];

export const metaDataVersionOID = (studyId: string) => `MDV.${studyId}.SDTMIG.3.4`;

/** Collect every SDTM dataset of the study into scratch files, a page of participants at a time. */
export async function collectSdtm(files: StagedFiles, src: SdtmSource): Promise<DatasetCollector[]> {
  const b = blinding(src.blinded, src.protocol);
  const ctx = { studyId: src.studyId, protocol: src.protocol, forms: questionnaireForms(src.protocol), blinding: b };
  const subject = Object.fromEntries(Object.entries(subjectDomains).map(([k, spec]) => [k, new DatasetCollector(spec, files)])) as Record<SubjectDomain, DatasetCollector>;
  await src.pages(async (page) => {
    const batch = new Map<SubjectDomain, DatasetCell[][]>();
    for (const d of page) {
      for (const [k, rows] of Object.entries(subjectRecords(ctx, d)) as [SubjectDomain, DatasetCell[][]][]) (batch.get(k) ?? batch.set(k, []).get(k)!).push(...rows);
    }
    for (const [k, rows] of batch) await subject[k].add(rows);
  });
  const p = src.protocol;
  const design: [DomainSpec, DatasetCell[][]][] = [
    [ts, tsRows(p, src.studyId, b)],
    [ta, taRows(p, src.studyId, b)],
    [te, teRows(p, src.studyId)],
    [tv, tvRows(p, src.studyId)],
    [ti, tiRows(p, src.studyId)],
  ];
  const collectors = [...Object.values(subject)];
  for (const [spec, rows] of design) {
    const c = new DatasetCollector(spec, files);
    await c.add(rows);
    collectors.push(c);
  }
  for (const c of collectors) await c.close();
  return collectors;
}

/** The study's SDTM datasets, each as Dataset-JSON v1.1 (`dm.json`) and SAS transport v5 (`dm.xpt`). */
export async function writeSdtm(files: StagedFiles, src: SdtmSource): Promise<WrittenDataset[]> {
  const written: WrittenDataset[] = [];
  for (const c of await collectSdtm(files, src)) {
    const meta: DatasetMetadata = {
      dbLastModified: src.dbLastModified,
      created: src.created,
      studyOID: src.studyId,
      metaDataVersionOID: metaDataVersionOID(src.studyId),
      originator: 'il2trials',
      name: c.spec.name,
      label: c.spec.label,
      itemGroupOID: `IG.${c.spec.name}`,
      columns: c.columns(),
    };
    const base = c.spec.name.toLowerCase();
    const json = files.open(`${base}.json`);
    await json.writeAll(datasetJsonFile(meta, c.records, c.rows()));
    await json.close();
    const xpt = files.open(`${base}.xpt`);
    await xpt.writeAll(xptFile(xptDatasetOf(meta), mapRows(c.rows())));
    await xpt.close();
    written.push({ spec: c.spec, meta, records: c.records });
  }
  return written;
}

async function* mapRows(rows: AsyncIterable<Parameters<typeof xptValues>[0]>) {
  for await (const r of rows) yield xptValues(r);
}
