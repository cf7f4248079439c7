import { Option } from 'commander';
import { z } from 'zod';
import { roles } from '../../access/index.js';
import { usernameSchema } from '../../accounts/username.js';
import { listUsers, type UserAccount } from '../../store/users.js';
import { addUser } from '../../use-cases/accounts/add-user.js';
import { disableUser } from '../../use-cases/accounts/disable-user.js';
import { resetPassword } from '../../use-cases/accounts/reset-password.js';
import { grantRole, revokeRole } from '../../use-cases/accounts/role-changes.js';
import { action, formatTable, printJson } from '../output.js';
import type { Register } from '../program.js';
import { dataOption, optionValue, withOperator } from '../store-command.js';

interface Common {
  data: string;
  json?: boolean;
}
interface RoleOptions extends Common {
  role: (typeof roles)[number];
  study?: string;
  site?: string;
  reason?: string;
}

const rolesText = (u: UserAccount) => u.roles.map((r) => `${r.role}${r.studyId ? `@${r.studyId}` : ''}${r.siteId ? `/${r.siteId}` : ''}`).join(', ') || '(no role)';

function printUser(u: UserAccount, opts: Common, extra: Record<string, unknown> = {}, line = ''): void {
  if (opts.json) printJson({ user: u, ...extra });
  else process.stdout.write(`${u.username} (${u.displayName}${u.email ? `, ${u.email}` : ''})${u.disabled ? ' [disabled]' : ''}: ${rolesText(u)}\n${line}`);
}

const roleOption = () => new Option('--role <role>', 'the role').choices(roles).makeOptionMandatory();

export const register: Register = (program) => {
  const user = program.command('user').description('User accounts and their roles per study and site (run by the operator who holds the database).');

  user
    .command('add')
    .description('Create an account; its first password is printed once and must be changed at the first sign-in.')
    .argument('<username>', 'the sign-in name (lower case)')
    .requiredOption('--name <display name>', 'the name shown to others')
    .requiredOption('--email <address>', 'e-mail address')
    .option(...dataOption)
    .option('--json', 'print the account and its first password as JSON')
    .action(
      action(async (username: string, opts: Common & { name: string; email: string }) => {
        const input = {
          username: optionValue(usernameSchema, username, 'username'),
          displayName: optionValue(z.string().trim().min(1), opts.name, '--name'),
          email: optionValue(z.email(), opts.email, '--email'),
        };
        const { user: u, password } = await withOperator(opts.data, 'user add', (c) => addUser(c, input));
        printUser(u, opts, { password }, `First password (shown only this once): ${password}\n`);
      }),
    );

  for (const [name, what] of [
    ['grant', 'Grant a role in a study (and one site, or every site); --study is left out only for the administrator of every study.'],
    ['revoke', 'Revoke a role the user holds in a study and site.'],
  ] as const) {
    user
      .command(name)
      .description(what)
      .argument('<username>', 'the account')
      .addOption(roleOption())
      .option('--study <id>', 'the study')
      .option('--site <id>', 'the site (default: every site of the study)')
      .option('--reason <text>', 'why (recorded in the audit trail)')
      .option(...dataOption)
      .option('--json', 'print the account as JSON')
      .action(
        action(async (username: string, opts: RoleOptions) => {
          const change = { username, role: opts.role, studyId: opts.study, siteId: opts.site, reason: opts.reason };
          printUser(await withOperator(opts.data, `user ${name}`, (c) => (name === 'grant' ? grantRole(c, change) : revokeRole(c, change))), opts);
        }),
      );
  }

  user
    .command('disable')
    .description('Disable an account (never deleted): its sessions and API tokens stop working at once.')
    .argument('<username>', 'the account')
    .requiredOption('--reason <text>', 'why (recorded in the audit trail)')
    .option(...dataOption)
    .option('--json', 'print the account as JSON')
    .action(
      action(async (username: string, opts: Common & { reason: string }) => printUser(await withOperator(opts.data, 'user disable', (c) => disableUser(c, { username, reason: opts.reason })), opts)),
    );

  user
    .command('reset-password')
    .description('Give the user a new password, printed once; they must change it at the next sign-in.')
    .argument('<username>', 'the account')
    .option(...dataOption)
    .option('--json', 'print the new password as JSON')
    .action(
      action(async (username: string, opts: Common) => {
        const r = await withOperator(opts.data, 'user reset-password', (c) => resetPassword(c, { username }));
        if (opts.json) printJson(r);
        else process.stdout.write(`New password of ${r.username} (shown only this once; to be changed at the next sign-in): ${r.password}\n`);
      }),
    );

  user
    .command('list')
    .description('Every account with its roles.')
    .option(...dataOption)
    .option('--json', 'print the accounts as JSON')
    .action(
      action(async (opts: Common) => {
        const users = await withOperator(opts.data, 'user list', (c) => listUsers(c.db));
        if (opts.json) printJson(users);
        else
          process.stdout.write(
            formatTable(
              ['username', 'name', 'e-mail', 'status', 'roles'],
              users.map((u) => [u.username, u.displayName, u.email, u.disabled ? 'disabled' : 'enabled', rolesText(u)]),
            ),
          );
      }),
    );
};
