import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { protocolJsonSchema } from './json-schema.js';

describe('schema/protocol.schema.json', () => {
  it('is in sync with the zod protocol schema (regenerate: node --import tsx src/cli/main.ts protocol schema > schema/protocol.schema.json)', () => {
    const file = JSON.parse(readFileSync(new URL('../../schema/protocol.schema.json', import.meta.url), 'utf8')) as unknown;
    expect(file).toEqual(protocolJsonSchema());
  });

  it('requires what a protocol file cannot leave out, and names the dose units', () => {
    const schema = protocolJsonSchema() as { required: string[]; $defs: Record<string, unknown> };
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'arms', 'visits', 'eligibility', 'design']));
    expect(schema.required).not.toContain('notes');
    expect(JSON.stringify(schema)).toContain('"enum":["MIU","MIU/m2","mg","mg/kg","IU"]');
  });
});

describe('the protocol JSON Schema against the shipped example', () => {
  it('accepts examples/df-il2.json, whose placebo regimen is "matching placebo", and refuses another text there', async () => {
    const { Ajv2020 } = await import('ajv/dist/2020.js');
    const validate = new Ajv2020({ strict: false, logger: false }).compile(protocolJsonSchema());
    const example = JSON.parse(readFileSync(new URL('../../examples/df-il2.json', import.meta.url), 'utf8')) as { arms: { interventions: { regimen: unknown }[] }[] };
    expect(validate(example), JSON.stringify(validate.errors)).toBe(true);
    example.arms[0]!.interventions[0]!.regimen = 'like the others';
    expect(validate(example)).toBe(false);
  });
});
