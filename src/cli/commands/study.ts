import { AppError } from '../../errors/app-error.js';
import { listStudies } from '../../store/studies.js';
import { z } from 'zod';
import { activateStudy } from '../../use-cases/studies/activate-study.js';
import { amendStudy } from '../../use-cases/studies/amend-study.js';
import { createStudyFromProtocol } from '../../use-cases/studies/create-study.js';
import { action, formatTable, printJson } from '../output.js';
import type { Register } from '../program.js';
import { dataOption, optionValue, withOperator } from '../store-command.js';
import { readJsonFile } from './protocol.js';

interface Common {
  data: string;
  json?: boolean;
}

/** A protocol file's problem names the file as well as the field. */
function inFile<T>(file: string, fn: () => Promise<T>): Promise<T> {
  return fn().catch((e: unknown) => {
    if (e instanceof AppError && (e.code === 'PROTOCOL_INVALID_PROTOCOL' || e.code === 'PROTOCOL_UNKNOWN_ASSESSMENT')) throw new AppError(e.entry, `${file}: ${e.message}`, e.path);
    throw e;
  });
}

export const register: Register = (program) => {
  const study = program.command('study').description('Studies from protocol files: create (as a design), activate (live).');

  study
    .command('create')
    .description('Create a study from a protocol file; it starts as a design (the protocol may change, nothing is randomized).')
    .requiredOption('--protocol <file>', 'the protocol JSON file')
    .option(...dataOption)
    .option('--json', 'print the study as JSON')
    .action(
      action(async (opts: Common & { protocol: string }) => {
        const input = readJsonFile(opts.protocol);
        const s = await inFile(opts.protocol, () => withOperator(opts.data, 'study create', (c) => createStudyFromProtocol(c, input)));
        if (opts.json) printJson({ id: s.id, title: s.title, status: s.status, protocolVersion: s.protocolVersion });
        else process.stdout.write(`Created study ${s.id} (${s.title}), protocol version ${s.protocolVersion}, as a design: add sites and users, then \`il2trials study activate ${s.id}\`.\n`);
      }),
    );

  study
    .command('activate')
    .description('Run the start-up randomization and masking checks, seal the allocation list and take the study live.')
    .argument('<id>', 'the study id')
    .option(...dataOption)
    .option('--json', 'print the study as JSON')
    .action(
      action(async (id: string, opts: Common) => {
        const s = await withOperator(opts.data, 'study activate', (c) => activateStudy(c, id));
        if (opts.json) printJson({ id: s.id, status: s.status, allocationEntries: s.allocationEntries });
        else process.stdout.write(`Study ${s.id} is live${s.allocationEntries ? `; its allocation list (${s.allocationEntries} entries) is sealed` : ''}.\n`);
      }),
    );

  study
    .command('amend')
    .description('Give a study a new protocol version (after the first randomization, arms, allocation ratio and masking may not change); prints the difference.')
    .argument('<id>', 'the study id')
    .requiredOption('--protocol <file>', 'the new protocol JSON file (with a new version)')
    .requiredOption('--effective <YYYY-MM-DD>', 'the day the version takes effect')
    .requiredOption('--reason <text>', 'why the protocol changes')
    .option('--reconsent <version>', 'participants must consent again, to this consent document version')
    .option(...dataOption)
    .option('--json', 'print the amendment as JSON')
    .action(
      action(async (id: string, opts: Common & { protocol: string; effective: string; reason: string; reconsent?: string }) => {
        const input = { protocol: readJsonFile(opts.protocol), effectiveDate: optionValue(z.iso.date(), opts.effective, '--effective'), reason: opts.reason, reconsentVersion: opts.reconsent };
        const a = await inFile(opts.protocol, () => withOperator(opts.data, 'study amend', (c) => amendStudy(c, id, input)));
        if (opts.json) return printJson(a);
        const lines = a.changes.map((ch) => `  ${ch.kind === 'added' ? '+' : ch.kind === 'removed' ? '-' : '~'} ${ch.path}`);
        process.stdout.write(
          `Study ${a.studyId}: version ${a.fromVersion} → ${a.version}, in force from ${a.effectiveDate}${a.reconsentVersion ? `; re-consent to version ${a.reconsentVersion}` : ''}.\n${lines.join('\n')}\n`,
        );
      }),
    );

  study
    .command('list')
    .description('Every study with its status and protocol version.')
    .option(...dataOption)
    .option('--json', 'print the studies as JSON')
    .action(
      action(async (opts: Common) => {
        const studies = (await withOperator(opts.data, 'study list', (c) => listStudies(c.db))).map((s) => ({ id: s.id, title: s.title, status: s.status, protocolVersion: s.protocolVersion }));
        if (opts.json) printJson(studies);
        else
          process.stdout.write(
            formatTable(
              ['id', 'status', 'version', 'title'],
              studies.map((s) => [s.id, s.status, s.protocolVersion, s.title]),
            ),
          );
      }),
    );
};
