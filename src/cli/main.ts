#!/usr/bin/env node
import { createProgram, type Register } from './program.js';
import { register as calendar } from './commands/calendar.js';
import { register as evidence } from './commands/evidence.js';
import { register as sampleSize } from './commands/sample-size.js';
import { register as protocol } from './commands/protocol.js';
import { register as randomization } from './commands/randomization.js';
import { register as eligibility } from './commands/eligibility.js';
import { register as screen } from './commands/screen.js';
import { register as stats } from './commands/stats.js';
import { register as score } from './commands/score.js';
import { register as serve } from './commands/serve.js';
import { register as audit } from './commands/audit.js';
import { register as report } from './commands/report.js';
import { register as exportData } from './commands/export.js';
import { register as user } from './commands/user.js';
import { register as site } from './commands/site.js';
import { register as study } from './commands/study.js';
import { register as backup } from './commands/backup.js';
import { register as ctcae } from './commands/ctcae.js';
import { register as forms } from './commands/forms.js';
import { register as importData } from './commands/import.js';
import { register as importCtgov } from './commands/import-ctgov.js';
import { register as importRedcap } from './commands/import-redcap.js';

// One line per command file; each file registers its own commands.
const registers: Register[] = [
  protocol,
  calendar,
  evidence,
  sampleSize,
  randomization,
  eligibility,
  screen,
  stats,
  score,
  serve,
  audit,
  report,
  exportData,
  user,
  site,
  study,
  backup,
  ctcae,
  forms,
  importData,
  importCtgov,
  importRedcap,
];

await createProgram(registers).parseAsync(process.argv);
