import type { Protocol } from '../../protocol/schema.js';
import { XmlStream } from '../export-files/xml-stream.js';
import type { OdmDocument } from './odm-document.js';
import { odmForms } from './odm-metadata.js';
import { readOdm } from './odm-read.js';
import { openOdm, writeOdmStudy } from './odm-writer.js';

/**
 * A study's own metadata as the import compares a file's with: the Study element the export writes,
 * read back by the import's reader, so writer and reader cannot drift apart.
 */
export async function studyMetaData(studyId: string, protocol: Protocol): Promise<OdmDocument> {
  let xml = '';
  const x = new XmlStream({ write: async (s) => void (xml += s) });
  const h = { studyId, protocol, forms: odmForms(protocol, []), fileType: 'Snapshot' as const, created: new Date(0), users: [], sites: [] };
  openOdm(x, h);
  writeOdmStudy(x, h);
  x.close();
  await x.end();
  return readOdm(xml);
}
