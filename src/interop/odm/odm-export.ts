import type { Protocol } from '../../protocol/schema.js';
import type { Queryable } from '../../store/db.js';
import type { StagedFiles } from '../export-files/staged-files.js';
import { XmlStream } from '../export-files/xml-stream.js';
import type { ParticipantData } from '../sdtm/participant-data.js';
import { odmForms, type FoundKey } from './odm-metadata.js';
import type { ParticipantRecords } from './odm-records.js';
import { openClinicalData, openOdm, writeOdmStudy, writeOdmSubject, type OdmFileType, type OdmHeader } from './odm-writer.js';

export interface OdmSource {
  readonly studyId: string;
  readonly protocol: Protocol;
  readonly created: Date;
  readonly users: OdmHeader['users'];
  readonly sites: OdmHeader['sites'];
  readonly found: readonly FoundKey[];
  readonly visitForms: OdmHeader['visitForms'];
  readonly signatures: OdmHeader['signatures'];
  readonly importedSignatures: OdmHeader['importedSignatures'];
  /** Whether the reader is blinded: then no arm is written (the masking policy's answer). */
  readonly blinded: boolean;
  /** Each participant's records besides values (status, consents, randomization, doses, adverse events), by code, a page at a time. */
  readonly records?: (tx: Queryable, codes: readonly string[]) => Promise<ReadonlyMap<string, ParticipantRecords>>;
  /** Participants a page at a time, each value with its audit trail, with the page's transaction. */
  readonly pages: (onPage: (page: readonly ParticipantData[], tx: Queryable) => Promise<void>) => Promise<void>;
}

export const odmFileName = (studyId: string, type: OdmFileType) => `${studyId}-odm-${type.toLowerCase()}.xml`;

/** The study as two ODM 1.3.2 files, a snapshot and a transactional one; returns the ItemData each holds. */
export async function writeOdm(files: StagedFiles, src: OdmSource): Promise<Record<OdmFileType, number>> {
  const forms = odmForms(src.protocol, src.found);
  const items = { Snapshot: 0, Transactional: 0 };
  for (const fileType of ['Snapshot', 'Transactional'] as const) {
    const h: OdmHeader = {
      studyId: src.studyId,
      protocol: src.protocol,
      forms,
      fileType,
      created: src.created,
      users: src.users,
      sites: src.sites,
      visitForms: src.visitForms,
      signatures: src.signatures,
      importedSignatures: src.importedSignatures,
      blinded: src.blinded,
    };
    const out = files.open(odmFileName(src.studyId, fileType));
    const x = new XmlStream(out);
    openOdm(x, h);
    writeOdmStudy(x, h);
    openClinicalData(x, h);
    await src.pages(async (page, tx) => {
      const records = await src.records?.(
        tx,
        page.map((d) => d.code),
      );
      for (const d of page) items[fileType] += writeOdmSubject(x, h, d, records?.get(d.code));
      await x.flush();
    });
    x.close().close();
    await x.end();
    await out.close();
  }
  return items;
}
