import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { formJsonSchema } from './json-schema.js';
import { sampleForm } from './test-sample-form.js';

describe('schema/form.schema.json', () => {
  it('is in sync with the zod form schema (regenerate: node --import tsx src/cli/main.ts forms schema > schema/form.schema.json)', () => {
    const file = JSON.parse(readFileSync(new URL('../../schema/form.schema.json', import.meta.url), 'utf8')) as unknown;
    expect(file).toEqual(formJsonSchema());
  });

  it('accepts the sample form and refuses an item type the language does not have', () => {
    const validate = new Ajv2020({ strict: false }).compile(formJsonSchema());
    expect(validate(sampleForm)).toBe(true);
    expect(validate({ ...sampleForm, items: [{ id: 'a', type: 'slider', label: 'A' }] })).toBe(false);
    expect(JSON.stringify(formJsonSchema())).toContain('"const":"multiple-choice"');
  });
});
