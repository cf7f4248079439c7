/**
 * Parser coverage on the development corpus (bench/fixtures/lct-dev-criteria.txt: 671 real
 * ClinicalTrials.gov eligibility sections). Prints the share of criterion lines that are computable
 * or partly computable, and with --sample N a seeded random sample of the computed lines, each with
 * its reading, for checking by hand.
 * Usage: npm run bench:criteria [-- --sample 50 --seed 1]
 */
import { readFileSync } from 'node:fs';
import { AppError } from '../src/errors/app-error.js';
import { formatExpr, type Computability } from '../src/eligibility/expression.js';
import { parseCriteriaText } from '../src/eligibility/parse-criteria.js';
import { seededRandom } from '../src/random/seeded-random.js';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const corpus = readFileSync(new URL('./fixtures/lct-dev-criteria.txt', import.meta.url), 'utf8');
const documents = corpus.split(/^### (NCT\d+)\n/m).slice(1);
const counts: Record<Computability, number> = { computable: 0, 'partly-computable': 0, attested: 0 };
const computed: string[] = [];
let unsplit = 0;
let unsplitLines = 0;
const started = process.hrtime.bigint();
for (let i = 0; i < documents.length; i += 2) {
  const [nct, text] = [documents[i]!, documents[i + 1]!];
  try {
    for (const c of parseCriteriaText(text).criteria) {
      counts[c.computability] += 1;
      if (c.computability !== 'attested') computed.push(`${nct} ${c.side} ${c.computability}\n    text: ${c.text}\n    read: ${formatExpr(c.expr)}`);
    }
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    // A section without the usual headings: its non-empty lines count as attested criteria.
    unsplit += 1;
    unsplitLines += text.split('\n').filter((l) => l.trim() !== '').length;
  }
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
counts.attested += unsplitLines;
const total = counts.computable + counts['partly-computable'] + counts.attested;
const pct = (n: number) => `${((100 * n) / total).toFixed(1)} %`;
console.log(`${documents.length / 2} sections, ${total} criterion lines, parsed in ${seconds.toFixed(2)} s`);
console.log(`  computable          ${String(counts.computable).padStart(5)}  ${pct(counts.computable)}`);
console.log(`  partly computable   ${String(counts['partly-computable']).padStart(5)}  ${pct(counts['partly-computable'])}`);
console.log(`  attested            ${String(counts.attested).padStart(5)}  ${pct(counts.attested)}  (of which ${unsplitLines} lines of ${unsplit} sections without headings)`);
console.log(`  computable or partly: ${pct(counts.computable + counts['partly-computable'])}`);
const sample = arg('--sample', 0);
if (sample > 0) {
  const rnd = seededRandom(arg('--seed', 1)).uniform;
  for (let i = computed.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [computed[i], computed[j]] = [computed[j]!, computed[i]!];
  }
  console.log(`\nsample of ${Math.min(sample, computed.length)} computed lines (seed ${arg('--seed', 1)}):`);
  computed.slice(0, sample).forEach((s, k) => console.log(`${k + 1}. ${s}`));
}
