import type { Command } from 'commander';

/**
 * The `import` command group, created by whichever import command registers first: each
 * `import <format>` lives in its own file and adds itself here.
 */
export function importGroup(program: Command): Command {
  return program.commands.find((c) => c.name() === 'import') ?? program.command('import').description("Bring a study or its data in from another system's file: odm, ctgov, redcap.");
}
