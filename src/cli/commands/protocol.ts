import { readFileSync } from 'node:fs';
import { AppError } from '../../errors/app-error.js';
import { builtinProtocols, getBuiltinProtocol } from '../../protocol/builtin/index.js';
import { unknownAssessments } from '../../instruments/visit-forms/known-assessments.js';
import { protocolJsonSchema } from '../../protocol/json-schema.js';
import { parseProtocol, protocolIssues } from '../../protocol/parse-protocol.js';
import type { Protocol } from '../../protocol/schema.js';
import { action, formatTable, printJson } from '../output.js';
import type { Register } from '../program.js';
import { protocolErrors } from '../../protocol/errors.js';

/** A ClinicalTrials.gov API v2 study record (its top-level `protocolSection`) is a source for a protocol, not a protocol. */
function refuseRegistryRecord(input: unknown, file: string): void {
  if (typeof input === 'object' && input !== null && 'protocolSection' in input) {
    throw new AppError(
      protocolErrors.INVALID_PROTOCOL,
      `${file} is a ClinicalTrials.gov study record, not a protocol: run "il2trials import ctgov ${file}" for a protocol draft and a report of what to confirm.`,
      'protocolSection',
    );
  }
}

/** The parsed JSON of a protocol file, before validation; a registry record is refused here, for every command that reads one. */
export function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new AppError(protocolErrors.FILE_UNREADABLE, `Protocol file ${file} cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'}).`, file);
  }
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (e) {
    throw new AppError(protocolErrors.FILE_UNREADABLE, `Protocol file ${file} is not valid JSON (${(e as Error).message}).`, file);
  }
  refuseRegistryRecord(input, file);
  return input;
}

/** Read and validate a protocol file; an invalid one throws `PROTOCOL_INVALID_PROTOCOL` naming the file and field. */
export function readProtocolFile(file: string): Protocol {
  const input = readJsonFile(file);
  try {
    return parseProtocol(input);
  } catch (e) {
    if (e instanceof AppError) throw new AppError(e.entry, `${file}: ${e.message}`, e.path);
    throw e;
  }
}

/** "phase2 · randomized 1:1 · parallel · quadruple masking". */
export function describeDesign(p: Protocol): string {
  const ratio = p.arms.length > 1 ? ` ${p.arms.map((a) => a.ratio).join(':')}` : '';
  const masking = p.design.masking.level === 'none' ? 'open label' : `${p.design.masking.level} masking`;
  return [p.phase, `${p.design.allocation}${ratio}`, p.design.interventionModel, masking].join(' · ');
}

function summary(p: Protocol): string {
  const lines: string[] = [];
  const section = (title: string) => lines.push('', `${title}:`);
  lines.push(`${p.id} — ${p.title}`);
  if (p.officialTitle) lines.push(`Official title: ${p.officialTitle}`);
  const ids = [p.identifiers.registryId, p.identifiers.orgStudyId && `org id ${p.identifiers.orgStudyId}`].filter(Boolean).join(', ');
  lines.push(`Identifiers: ${ids || '(none in the record)'}`);
  lines.push(`Conditions: ${p.conditions.join('; ')}`);
  lines.push(`Status: ${p.status}${p.sponsor ? ` · sponsor ${p.sponsor}` : ''}`);
  const dates = (['start', 'primaryCompletion', 'completion'] as const).flatMap((k) => (p.dates[k] ? [`${k} ${p.dates[k].date} (${p.dates[k].kind})`] : [])).join(', ');
  lines.push(`Dates: ${dates || '(none in the record)'}`);
  lines.push(`Enrolment: ${p.enrolment.target} (${p.enrolment.kind})`);
  lines.push(`Design: ${describeDesign(p)}; ${p.design.primaryPurpose}; study ends on day ${p.design.durationDays}`);
  if (p.design.masking.masked.length > 0) lines.push(`Masked: ${p.design.masking.masked.join(', ')}`);
  if (p.design.randomization) lines.push(`Randomization: ${JSON.stringify(p.design.randomization)}`);
  section('Arms');
  for (const a of p.arms) {
    lines.push(`  ${a.id} (${a.type}, ratio ${a.ratio}): ${a.label}`);
    for (const i of a.interventions) {
      lines.push(`    ${i.drug}${i.placebo ? ' [placebo]' : ''}, ${i.route}: ${i.regimen.description} (held doses: ${i.regimen.holdRule})`);
    }
  }
  section('Visits');
  lines.push(
    ...formatTable(
      ['id', 'day', 'window', 'assessments'],
      p.visits.map((v) => [v.id, v.day, `-${v.windowBefore}/+${v.windowAfter}`, v.assessments.join(', ')]),
    )
      .trimEnd()
      .split('\n')
      .map((l) => `  ${l}`),
  );
  section('Outcomes');
  for (const o of p.outcomes) lines.push(`  [${o.kind}] ${o.measure} — ${o.timeFrame}${o.description ? `: ${o.description}` : ''}`);
  const age = (a: typeof p.eligibility.minAge) => (a ? `${a.value} ${a.unit}` : '–');
  section(`Eligibility (ages ${age(p.eligibility.minAge)} to ${age(p.eligibility.maxAge)}, sex ${p.eligibility.sex}, healthy volunteers ${p.eligibility.healthyVolunteers ? 'yes' : 'no'})`);
  for (const c of [...p.eligibility.inclusion, ...p.eligibility.exclusion]) lines.push(`  ${c.id}: ${c.text}`);
  section('Sites');
  for (const s of p.sites) lines.push(`  ${s.name}${[s.city, s.country].some(Boolean) ? ` (${[s.city, s.country].filter(Boolean).join(', ')})` : ''}`);
  for (const c of p.contacts) lines.push(`  ${c.role}: ${[c.name, c.affiliation, c.phone, c.email].filter(Boolean).join(', ')}`);
  section('Notes');
  for (const n of p.notes) lines.push(`  [${n.kind}] ${n.field}: ${n.text}`);
  return lines.join('\n') + '\n';
}

export const register: Register = (program) => {
  program
    .command('protocols')
    .description('List the built-in protocols.')
    .option('--json', 'machine-readable output')
    .action(
      action((opts: { json?: boolean }) => {
        const rows = builtinProtocols.map((p) => ({
          id: p.id,
          registryId: p.identifiers.registryId ?? null,
          title: p.title,
          design: describeDesign(p),
          n: p.enrolment.target,
        }));
        if (opts.json) return printJson(rows);
        process.stdout.write(
          formatTable(
            ['id', 'registry id', 'title', 'design', 'n'],
            rows.map((r) => [r.id, r.registryId ?? '–', r.title, r.design, r.n]),
          ),
        );
      }),
    );

  const protocol = program.command('protocol').description('Show, validate and describe protocols.');
  protocol
    .command('show')
    .description('Show a built-in protocol, with the notes on what its record leaves open.')
    .argument('<id>', 'built-in protocol id')
    .option('--json', 'the protocol as JSON')
    .action(
      action((id: string, opts: { json?: boolean }) => {
        const p = getBuiltinProtocol(id);
        if (opts.json) return printJson(p);
        process.stdout.write(summary(p));
      }),
    );
  protocol
    .command('validate')
    .description('Validate a protocol file (JSON).')
    .argument('<file>', 'protocol file')
    .option('--json', 'every problem, each with its path')
    .action(
      action((file: string, opts: { json?: boolean }) => {
        // A study can run only what it can record: unknown assessments are problems too.
        if (opts.json) {
          const input = readJsonFile(file);
          const invalid = protocolIssues(input);
          const issues = invalid.length ? invalid : unknownAssessments(parseProtocol(input));
          printJson({ valid: issues.length === 0, issues });
          if (issues.length > 0) process.exitCode = 1;
          return;
        }
        const p = readProtocolFile(file);
        const [unknown] = unknownAssessments(p);
        if (unknown) throw new AppError(protocolErrors.UNKNOWN_ASSESSMENT, `${file}: ${unknown.path}: ${unknown.message}.`, unknown.path);
        process.stdout.write(`valid: ${file} (protocol ${p.id})\n`);
      }),
    );
  protocol
    .command('schema')
    .description('Print the JSON Schema of a protocol file.')
    .option('--json', 'JSON output (the default and only format)')
    .action(action(() => printJson(protocolJsonSchema())));
};
