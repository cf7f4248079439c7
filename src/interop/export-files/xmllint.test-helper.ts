import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const schemas = fileURLToPath(new URL('../fixtures/xml-schema/', import.meta.url));
export const defineSchema = `${schemas}cdisc-define-2.1/define2-1-0.xsd`;
export const odmSchema = `${schemas}cdisc-odm-1.3.2/ODM1-3-2.xsd`;
/** ODM 1.3.2 with the il2trials extension attributes (what the ODM export writes). */
export const odmIl2Schema = `${schemas}il2trials-odm/ODM1-3-2-il2trials.xsd`;

/** The document without the il2trials extension (its namespace declaration, attributes and il2:Records elements): ODM's rule is that what remains is valid ODM. */
export const withoutIl2Extension = (xml: string) =>
  xml
    .replace(/ xmlns:il2="[^"]*"/, '')
    .replace(/\n *<il2:Records\b[^>]*?(\/>|>[^]*?<\/il2:Records>)/g, '')
    .replace(/ il2:[A-Za-z]+="[^"]*"/g, '');

/** xmllint's schema errors for a file (Debian libxml2-utils); empty when it validates. */
export function schemaErrors(file: string, schema: string): string[] {
  const r = spawnSync('xmllint', ['--noout', '--schema', schema, file], { encoding: 'utf8' });
  if (r.error) throw r.error;
  // The schemas import xml.xsd twice by design; xmllint warns "Skipping import", which is not an error.
  return r.status === 0 ? [] : r.stderr.split('\n').filter((l) => l && !/Skipping import|validates$/.test(l));
}
