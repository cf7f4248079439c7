import { readFileSync } from 'node:fs';
import { Ajv2019 } from 'ajv/dist/2019.js';

/** The Dataset-JSON v1.1 schema compiled by Ajv (draft 2019-09), for tests of every Dataset-JSON writer. */
const schema = JSON.parse(readFileSync(new URL('./fixtures/dataset.schema.json', import.meta.url), 'utf8')) as object;
const validate = new Ajv2019({ allErrors: true, strict: false }).compile(schema);

/** The schema's errors for a document, as "path message" lines; empty when it validates. */
export function datasetJsonErrors(doc: unknown): string[] {
  return validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}
