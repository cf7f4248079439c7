import { showSignature, SIGNATURE_MEANING, type Signature } from '../../signatures/signature.js';
import type { XmlStream } from '../export-files/xml-stream.js';
import type { ParticipantData } from '../sdtm/participant-data.js';

/** The one SignatureDef (ODM 1.3.2 AdminData): the meaning every signature of the platform carries. */
export const signatureDefOid = 'SD.reviewed-and-approved';

export function writeSignatureDef(x: XmlStream): void {
  x.el('SignatureDef', { OID: signatureDefOid, Methodology: 'Electronic' }, () =>
    x.text('Meaning', SIGNATURE_MEANING).text('LegalReason', 'Electronic signature under 21 CFR Part 11: the investigator re-entered the password to sign.'),
  );
}

/**
 * The Signature of a visit (its StudyEventData) or of the casebook (SubjectData): the newest one that
 * is still valid, since a signature a later change invalidated no longer speaks for the data exported.
 */
export function writeSignature(x: XmlStream, signatures: readonly Signature[], d: ParticipantData, visitId: string | null, userOid: (login: string) => string, locationOid: string): void {
  const valid = signatures.filter((s) => s.visitId === visitId && showSignature(s, d).status === 'valid').at(-1);
  if (!valid) return;
  x.el('Signature', {}, () => {
    x.el('UserRef', { UserOID: userOid(valid.signerUsername) });
    x.el('LocationRef', { LocationOID: locationOid });
    x.el('SignatureRef', { SignatureOID: signatureDefOid });
    x.text('DateTimeStamp', valid.signedAt);
  });
}
