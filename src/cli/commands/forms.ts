import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../errors/app-error.js';
import { builtinForm } from '../../forms/builtin/index.js';
import { formDefinitionIssues, parseFormDefinition, type FormDefinition } from '../../forms/definition.js';
import { formJsonSchema } from '../../forms/json-schema.js';
import { exportRedcapDictionary } from '../../forms/redcap/export-redcap.js';
import { importRedcapDictionary } from '../../forms/redcap/import-redcap.js';
import { instrumentForms, isInstrumentId } from '../../instruments/index.js';
import { action, printJson } from '../output.js';
import type { Register } from '../program.js';
import { formsErrors } from '../../forms/errors.js';

/** A form definition file, parsed as JSON (not yet validated). */
export function readFormFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new AppError(formsErrors.DEFINITION_INVALID, `Form file ${file} cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'}).`, file);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new AppError(formsErrors.DEFINITION_INVALID, `Form file ${file} is not valid JSON (${(e as Error).message}).`, file);
  }
}

/** Read and validate a form definition file; an invalid one names the file and the field. */
export function readFormDefinitionFile(file: string): FormDefinition {
  try {
    return parseFormDefinition(readFormFile(file));
  } catch (e) {
    if (e instanceof AppError) throw new AppError(e.entry, `${file}: ${e.message}`, e.path);
    throw e;
  }
}

/** A built-in form or instrument by id, or a form definition file. */
function formNamed(name: string): FormDefinition {
  if (isInstrumentId(name)) return instrumentForms[name];
  return builtinForm(name) ?? readFormDefinitionFile(name);
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new AppError(formsErrors.REDCAP_DICTIONARY_INVALID, `REDCap dictionary ${file} cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'}).`, file);
  }
}

export const register: Register = (program) => {
  const forms = program.command('forms').description('Form definitions: validate one, print their JSON Schema, REDCap data dictionaries in and out.');
  forms
    .command('validate')
    .description('Check a form definition file: fields, ids, expressions, circular calculations.')
    .argument('<file>', 'form definition (JSON)')
    .option('--json', 'machine-readable output')
    .action(
      action((file: string, opts: { json?: boolean }) => {
        if (opts.json) {
          const issues = formDefinitionIssues(readFormFile(file));
          printJson({ valid: issues.length === 0, issues });
          if (issues.length > 0) process.exitCode = 1;
          return;
        }
        const form = readFormDefinitionFile(file);
        process.stdout.write(`valid: ${file} (form ${form.id}, version ${form.version})\n`);
      }),
    );
  forms
    .command('import-redcap')
    .description('Read a REDCap data dictionary CSV as form definitions, one per instrument.')
    .argument('<file>', 'REDCap data dictionary (CSV)')
    .option('--out <dir>', 'write each form to DIR/<form id>.json')
    .option('--json', 'print the forms as JSON')
    .action(
      action((file: string, opts: { out?: string; json?: boolean }) => {
        const imported = importRedcapDictionary(readText(file));
        if (opts.out) {
          mkdirSync(opts.out, { recursive: true });
          for (const f of imported) writeFileSync(join(opts.out, `${f.id}.json`), JSON.stringify(f, null, 2) + '\n');
        }
        if (opts.json) return printJson(imported);
        for (const f of imported) process.stdout.write(`${f.id}: ${f.items.length} items${opts.out ? ` → ${join(opts.out, `${f.id}.json`)}` : ''}\n`);
      }),
    );
  forms
    .command('export-redcap')
    .description('Write forms (built-in form or instrument ids, or form files) as one REDCap data dictionary CSV.')
    .argument('<forms...>', 'form ids (nfl, roads, alsfrs-r, …) or form definition files')
    .option('--out <file>', 'write the CSV here instead of standard output')
    .option('--json', 'print { forms, fields, csv } as JSON')
    .action(
      action((names: string[], opts: { out?: string; json?: boolean }) => {
        const chosen = names.map(formNamed);
        const csv = exportRedcapDictionary(chosen);
        if (opts.out) writeFileSync(opts.out, csv);
        if (opts.json) return printJson({ forms: chosen.map((f) => f.id), fields: csv.trimEnd().split('\n').length - 1, ...(opts.out ? { file: opts.out } : { csv }) });
        if (!opts.out) process.stdout.write(csv);
      }),
    );
  forms
    .command('schema')
    .description('Print the JSON Schema of a form definition file.')
    .option('--json', 'JSON output (the default and only format)')
    .action(action(() => printJson(formJsonSchema())));
};
