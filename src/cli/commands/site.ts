import { z } from 'zod';
import { slugSchema } from '../../protocol/schema.js';
import type { SiteRecord } from '../../store/sites.js';
import { addSite, closeSite, renameSite } from '../../use-cases/sites/site-changes.js';
import { action, printJson } from '../output.js';
import type { Register } from '../program.js';
import { dataOption, optionValue, withOperator } from '../store-command.js';

interface Common {
  data: string;
  json?: boolean;
}

function printSite(s: SiteRecord, opts: Common): void {
  if (opts.json) printJson(s);
  else process.stdout.write(`${s.studyId}/${s.id}: ${s.name}${s.closedOn ? ` (closed on ${s.closedOn})` : ''}\n`);
}

const nameOf = (v: string) => optionValue(z.string().trim().min(1).max(200), v, '--name');

export const register: Register = (program) => {
  const site = program.command('site').description("A study's sites: add, rename, close to recruitment.");

  site
    .command('add')
    .description('Add a site to a study.')
    .argument('<study>', 'the study id')
    .argument('<site>', 'the new site id (lower-case letters, digits and hyphens)')
    .requiredOption('--name <name>', 'the site name')
    .option(...dataOption)
    .option('--json', 'print the site as JSON')
    .action(
      action(async (studyId: string, siteId: string, opts: Common & { name: string }) => {
        const input = { studyId, siteId: optionValue(slugSchema, siteId, 'site'), name: nameOf(opts.name) };
        printSite(await withOperator(opts.data, 'site add', (c) => addSite(c, input)), opts);
      }),
    );

  site
    .command('rename')
    .description('Rename a site (its id stays).')
    .argument('<study>', 'the study id')
    .argument('<site>', 'the site id')
    .requiredOption('--name <name>', 'the new name')
    .option('--reason <text>', 'why (recorded in the audit trail)')
    .option(...dataOption)
    .option('--json', 'print the site as JSON')
    .action(
      action(async (studyId: string, siteId: string, opts: Common & { name: string; reason?: string }) =>
        printSite(await withOperator(opts.data, 'site rename', (c) => renameSite(c, { studyId, siteId, name: nameOf(opts.name), reason: opts.reason })), opts),
      ),
    );

  site
    .command('close')
    .description('Close a site to recruitment on a date; its participants stay in follow-up.')
    .argument('<study>', 'the study id')
    .argument('<site>', 'the site id')
    .requiredOption('--date <YYYY-MM-DD>', 'the closing date')
    .requiredOption('--reason <text>', 'why (recorded in the audit trail)')
    .option(...dataOption)
    .option('--json', 'print the site as JSON')
    .action(
      action(async (studyId: string, siteId: string, opts: Common & { date: string; reason: string }) => {
        const closedOn = optionValue(z.iso.date(), opts.date, '--date');
        printSite(await withOperator(opts.data, 'site close', (c) => closeSite(c, { studyId, siteId, closedOn, reason: opts.reason })), opts);
      }),
    );
};
