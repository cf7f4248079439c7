#!/usr/bin/env node
import { createProgram, type Register } from './program.js';

// One line per command file; each file registers its own commands.
const registers: Register[] = [
];

await createProgram(registers).parseAsync(process.argv);
