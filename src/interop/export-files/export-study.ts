import { join } from 'node:path';
import { AppError } from '../../errors/app-error.js';
import type { Db } from '../../store/db.js';
import { forEachParticipantPage } from '../../store/export-pages.js';
import { studySignatures } from '../../store/signatures.js';
import { studyImportedSignatures } from '../../store/value-provenance.js';
import type { Study } from '../../store/studies.js';
import { writeCsv } from '../csv-export/csv-files.js';
import { writeDefine, type DefineSource } from '../define/define-writer.js';
import { questionnaireForms } from '../form-metadata/form-metadata.js';
import { odmFileName, writeOdm, type OdmSource } from '../odm/odm-export.js';
import { readParticipantRecords } from '../odm/odm-records.js';
import { observationGroups } from '../odm/odm-metadata.js';
import { collectSdtm, writeSdtm, type SdtmSource } from '../sdtm/sdtm-export.js';
import { fhirFileName, writeFhir } from '../fhir/fhir-export.js';
import { redcapFileNames, writeRedcap } from '../redcap-records/redcap-export.js';
import { ctgovResultsFileName, writeCtgovResults } from '../ctgov/results/results-export.js';
import { StagedFiles } from './staged-files.js';
import { XmlStream } from './xml-stream.js';
import { requestErrors } from '../../errors/request-errors.js';

/** The export formats, stable names (DESIGN.md "Contract of the command line"). */
export const exportFormats = ['csv', 'odm', 'sdtm', 'define', 'fhir', 'redcap', 'ctgov-results'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export function exportFormatOf(name: string): ExportFormat {
  const f = exportFormats.find((x) => x === name);
  if (!f) throw new AppError(requestErrors.INVALID_OPTION, `Export format "${name}" is not one of: ${exportFormats.join(', ')}.`, 'format');
  return f;
}

export interface ExportRequest {
  readonly study: Study;
  readonly format: ExportFormat;
  readonly dir: string;
  readonly blinded: boolean;
  /** When this export is made (the adapter's clock). */
  readonly at: Date;
  /** Participants read per page: what memory holds at once. */
  readonly pageSize?: number;
}

export interface ExportedFile {
  readonly name: string;
  readonly path: string;
  readonly rows: number;
}

/** Participants read per page: memory holds one page of their data (the bench measures the peak). */
export const EXPORT_PAGE_SIZE = 200;
/** ODM pages carry every value's audit trail (several rows a value): half the page keeps the 10,000-participant peak well under 300 MB (bench:export). */
export const ODM_PAGE_SIZE = 100;

/** When the study's data last changed: its newest audit record (or its creation). */
async function lastModified(db: Db, study: Study): Promise<Date> {
  const [row] = await db.query<{ at: Date | string }>('SELECT coalesce((SELECT max(at) FROM audit WHERE study_id = $1), (SELECT created_at FROM studies WHERE id = $1)) AS at', [study.id]);
  return new Date(row!.at);
}

/** What ODM's AdminData and metadata need besides the participants: users (and every actor of the audit trail), sites, the keys stored. */
async function odmSource(db: Db, req: ExportRequest): Promise<OdmSource> {
  // Users, every other actor of the audit trail, and the users an imported file's AuditRecords name (under their own OIDs).
  const users = await db.query<{ login: string; name: string; oid: string | null }>(
    `SELECT username AS login, display_name AS name, NULL AS oid FROM users
      UNION SELECT DISTINCT actor, actor, NULL FROM audit WHERE study_id = $1 AND actor NOT IN (SELECT username FROM users) AND actor NOT IN (SELECT login FROM imported_users WHERE study_id = $1)
      UNION SELECT login, display_name, oid FROM imported_users WHERE study_id = $1 ORDER BY 1`,
    [req.study.id],
  );
  const sites = await db.query<{ id: string; name: string }>('SELECT id, name FROM sites WHERE study_id = $1 ORDER BY id', [req.study.id]);
  const found = await db.query<{ kind: string; key: string; unit: string | null; numeric: boolean }>(
    `SELECT o.kind, o.key, min(o.unit) AS unit, bool_and(o.value_num IS NOT NULL) AS numeric
       FROM observations o JOIN participants p ON p.id = o.participant_id WHERE p.study_id = $1 GROUP BY o.kind, o.key ORDER BY o.kind, o.key`,
    [req.study.id],
  );
  // Which form each stored value is in, per visit: a defined form's values and an instrument's items and total are its form, other kinds their group's.
  const atVisits = await db.query<{ visitId: string; kind: string; form: string | null; instrument: string }>(
    `SELECT DISTINCT v.visit_id AS "visitId", o.kind, o.form_id AS form, split_part(o.key, '.', 1) AS instrument
       FROM observations o JOIN visits v ON v.id = o.visit_row_id JOIN participants p ON p.id = o.participant_id WHERE p.study_id = $1`,
    [req.study.id],
  );
  const visitForms = atVisits.map((r) => ({ visitId: r.visitId, assessment: r.form ?? (r.kind === 'item' || r.kind === 'score' ? r.instrument : (observationGroups[r.kind]?.assessment ?? r.kind)) }));
  const audited: OdmSource['pages'] = (onPage) => forEachParticipantPage(db, req.study.id, req.pageSize ?? ODM_PAGE_SIZE, onPage, { audit: true });
  return {
    studyId: req.study.id,
    protocol: req.study.protocol,
    created: req.at,
    users: users.map(({ oid, ...u }) => (oid === null ? u : { ...u, oid })),
    sites,
    found,
    visitForms,
    signatures: await studySignatures(db, req.study.id),
    importedSignatures: await studyImportedSignatures(db, req.study.id),
    pages: audited,
    blinded: req.blinded,
    records: (tx, codes) => readParticipantRecords(tx, req.study.id, codes),
  };
}

async function defineFile(files: StagedFiles, src: SdtmSource, datasets: DefineSource['datasets']): Promise<void> {
  const out = files.open('define.xml');
  const xml = new XmlStream(out);
  writeDefine(xml, { studyId: src.studyId, protocol: src.protocol, forms: questionnaireForms(src.protocol), datasets, created: src.created });
  await xml.end();
  await out.close();
}

/** Write one format of a study's export into `dir`, all files or none. */
export async function exportStudy(db: Db, req: ExportRequest): Promise<ExportedFile[]> {
  const pages = (onPage: Parameters<typeof forEachParticipantPage>[3]) => forEachParticipantPage(db, req.study.id, req.pageSize ?? EXPORT_PAGE_SIZE, onPage);
  const dbLastModified = await lastModified(db, req.study);
  const sdtm: SdtmSource = { studyId: req.study.id, protocol: req.study.protocol, blinded: req.blinded, dbLastModified, created: req.at, pages };
  const { result } = await StagedFiles.write(req.dir, async (files): Promise<ExportedFile[]> => {
    switch (req.format) {
      case 'csv':
        return (await writeCsv(files, req.study.id, req.study.protocol, { blinded: req.blinded }, pages)).map((t) => ({ name: t.table, path: t.path, rows: t.rows }));
      case 'odm': {
        const items = await writeOdm(files, await odmSource(db, req));
        return (['Snapshot', 'Transactional'] as const).map((t) => ({ name: odmFileName(req.study.id, t), path: join(files.dir, odmFileName(req.study.id, t)), rows: items[t] }));
      }
      case 'sdtm': {
        const written = await writeSdtm(files, sdtm);
        await defineFile(
          files,
          sdtm,
          written.map((w) => ({ spec: w.spec, columns: w.meta.columns })),
        );
        return [
          ...written.flatMap((w) => ['json', 'xpt'].map((ext) => ({ name: `${w.spec.name.toLowerCase()}.${ext}`, path: join(files.dir, `${w.spec.name.toLowerCase()}.${ext}`), rows: w.records }))),
          { name: 'define.xml', path: join(files.dir, 'define.xml'), rows: written.length },
        ];
      }
      case 'define': {
        // The lengths Define-XML states are the longest values, so the datasets are made (as scratch files) first.
        const written = (await collectSdtm(files, sdtm)).map((c) => ({ spec: c.spec, columns: c.columns() }));
        await defineFile(files, sdtm, written);
        return [{ name: 'define.xml', path: join(files.dir, 'define.xml'), rows: written.length }];
      }
      case 'fhir': {
        const resources = await writeFhir(files, { studyId: req.study.id, protocol: req.study.protocol, blinded: req.blinded, created: req.at, pages });
        return [{ name: fhirFileName(req.study.id), path: join(files.dir, fhirFileName(req.study.id)), rows: resources }];
      }
      case 'redcap': {
        const rows = await writeRedcap(files, { studyId: req.study.id, protocol: req.study.protocol, pages });
        const names = redcapFileNames(req.study.id);
        return (['records', 'dictionary', 'events', 'mapping', 'repeating'] as const).map((k) => ({ name: names[k], path: join(files.dir, names[k]), rows: rows[k] }));
      }
      case 'ctgov-results': {
        const rows = await writeCtgovResults(db, files, { study: req.study, blinded: req.blinded, at: req.at });
        return [{ name: ctgovResultsFileName(req.study.id), path: join(files.dir, ctgovResultsFileName(req.study.id)), rows }];
      }
    }
  });
  return result;
}
