import { Command } from 'commander';

/** Each command file exports a `register` that adds its commands to the program. */
export type Register = (program: Command) => void;

export function createProgram(registers: readonly Register[]): Command {
  const program = new Command('il2trials')
    .description('Run low-dose IL-2 immunotherapy trials end to end.')
    .version('0.1.0')
    .showHelpAfterError()
    .configureOutput({ outputError: (str, write) => write(str) });
  for (const register of registers) register(program);
  return program;
}
