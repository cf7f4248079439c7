import { readFileSync } from 'node:fs';
import { AppError } from '../../errors/app-error.js';
import { formDefinitionIssues, parseFormDefinition, type FormDefinition } from '../../forms/definition.js';
import { formJsonSchema } from '../../forms/json-schema.js';
import { action, printJson } from '../output.js';
import type { Register } from '../program.js';

/** A form definition file, parsed as JSON (not yet validated). */
export function readFormFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new AppError('FormDefinitionInvalid', `Form file ${file} cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'}).`, 400, file);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new AppError('FormDefinitionInvalid', `Form file ${file} is not valid JSON (${(e as Error).message}).`, 400, file);
  }
}

/** Read and validate a form definition file; an invalid one names the file and the field. */
export function readFormDefinitionFile(file: string): FormDefinition {
  try {
    return parseFormDefinition(readFormFile(file));
  } catch (e) {
    if (e instanceof AppError) throw new AppError(e.code, `${file}: ${e.message}`, e.status, e.path);
    throw e;
  }
}

export const register: Register = (program) => {
  const forms = program.command('forms').description('Form definitions: validate one, print their JSON Schema.');
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
    .command('schema')
    .description('Print the JSON Schema of a form definition file.')
    .option('--json', 'JSON output (the default and only format)')
    .action(action(() => printJson(formJsonSchema())));
};
