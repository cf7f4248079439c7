import { createHash } from 'node:crypto';

/** A FHIR R4 resource as JSON: its type, its id and its elements. */
export interface FhirResource {
  readonly resourceType: string;
  readonly id: string;
  readonly [element: string]: unknown;
}

/** A FHIR id: letters, digits, `-` and `.`, at most 64 characters (R4 datatypes, id). */
export function fhirId(...parts: readonly string[]): string {
  const text = parts.join('.').replace(/[^A-Za-z0-9.-]/g, '-');
  return text.length <= 64 ? text : `${text.slice(0, 47)}.${createHash('sha256').update(text).digest('hex').slice(0, 16)}`;
}

/**
 * The Bundle entry's fullUrl of a resource: a name-based UUID (RFC 4122 §4.3 layout, SHA-256 here),
 * the same on every export of the study, so references between entries resolve inside the Bundle.
 */
export function fullUrlOf(studyId: string, resourceType: string, id: string): string {
  const h = createHash('sha256').update(`${studyId}/${resourceType}/${id}`).digest('hex');
  const variant = ((Number.parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Where the study's resources live: each reference is its target's fullUrl. */
export interface FhirRefs {
  readonly studyId: string;
  ref(resourceType: string, id: string, display?: string): { reference: string; display?: string };
}

export function fhirRefs(studyId: string): FhirRefs {
  return {
    studyId,
    ref: (resourceType, id, display) => ({ reference: fullUrlOf(studyId, resourceType, id), ...(display === undefined ? {} : { display }) }),
  };
}
