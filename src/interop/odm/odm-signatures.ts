import { contentHash, showSignature, SIGNATURE_MEANING, signedContent, signedRecordOf, type Signature } from '../../signatures/signature.js';
import type { XmlStream } from '../export-files/xml-stream.js';
import type { ParticipantData } from '../sdtm/participant-data.js';

/** An electronic signature an imported ODM file carried, kept as a provenance record (not a signature of this system). */
export interface ImportedSignatureRecord {
  readonly visitId: string | null;
  readonly userOid: string;
  readonly locationOid: string;
  readonly signatureOid: string;
  readonly dateTimeStamp: string;
  /** The hash of the signed record as imported (src/signatures): the record still is as signed while it matches. */
  readonly contentHash: string;
}

/** The one SignatureDef (ODM 1.3.2 AdminData): the meaning every signature of the platform carries. */
export const signatureDefOid = 'SD.reviewed-and-approved';

export function writeSignatureDef(x: XmlStream): void {
  x.el('SignatureDef', { OID: signatureDefOid, Methodology: 'Electronic' }, () =>
    x.text('Meaning', SIGNATURE_MEANING).text('LegalReason', 'Electronic signature under 21 CFR Part 11: the investigator re-entered the password to sign.'),
  );
}

/**
 * The Signature of a visit (its StudyEventData) or of the casebook (SubjectData): the newest one of
 * this system that is still valid, since a signature a later change invalidated no longer speaks for
 * the data exported; else the newest signature record an imported file carried that still matches the
 * record (written with its source's UserRef, LocationRef and SignatureRef).
 */
export function writeSignature(
  x: XmlStream,
  own: readonly Signature[],
  imported: readonly ImportedSignatureRecord[],
  d: ParticipantData,
  visitId: string | null,
  userOid: (login: string) => string,
  locationOid: string,
): void {
  const valid = own.filter((s) => s.visitId === visitId && showSignature(s, d).status === 'valid').at(-1);
  const kept = valid ? undefined : imported.filter((s) => s.visitId === visitId && s.contentHash === contentHash(signedContent(d, signedRecordOf(visitId)))).at(-1);
  const written = valid
    ? { user: userOid(valid.signerUsername), location: locationOid, def: signatureDefOid, at: valid.signedAt }
    : kept && { user: kept.userOid, location: kept.locationOid, def: kept.signatureOid, at: kept.dateTimeStamp };
  if (!written) return;
  x.el('Signature', {}, () => {
    x.el('UserRef', { UserOID: written.user });
    x.el('LocationRef', { LocationOID: written.location });
    x.el('SignatureRef', { SignatureOID: written.def });
    x.text('DateTimeStamp', written.at);
  });
}
