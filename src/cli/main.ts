#!/usr/bin/env node
import { createProgram, type Register } from './program.js';
import { register as randomization } from './commands/randomization.js';

// One line per command file; each file registers its own commands.
const registers: Register[] = [
  randomization,
];

await createProgram(registers).parseAsync(process.argv);
