import { createWriteStream } from 'node:fs';
import { criteriaColumns } from '../src/eligibility/columns.js';
import type { Criterion, Expr } from '../src/eligibility/expression.js';
import { findFact } from '../src/eligibility/facts.js';
import { seededRandom } from '../src/random/seeded-random.js';

/**
 * A generated screening population for one protocol, written as the CSV the protocol reads: facts
 * drawn from ranges typical of referred patients (most labs normal, few pregnant, the target
 * diagnosis usually present, exclusion diagnoses rare, attestations mostly favourable), 0.5 % of
 * cells missing, so that a realistic share is eligible rather than none or all.
 */
const RANGES: Readonly<Record<string, readonly [number, number]>> = {
  age: [16, 78],
  weight: [42, 100],
  essdai: [2, 20],
  sledai: [4, 20],
  alt_uln: [0.3, 2],
  ast_uln: [0.3, 2],
  prednisone_dose: [0, 10],
  steroid_pulse_dose: [0, 150],
  leukocytes: [2.5, 11],
  lymphocytes: [0.5, 3.5],
  platelets: [90, 400],
  creatinine_clearance: [25, 140],
  alt: [10, 230],
  ast: [10, 230],
  proteinuria: [0, 1.5],
  immunoglobulin: [8, 25],
  ppd_induration: [0, 14],
};
// Consent is on record for nearly everyone a site screens; other yes/no facts are rare (4 %).
const POSITIVE: Readonly<Record<string, number>> = { anti_dsdna_positive: 0.6, c3_decreased: 0.4, c4_decreased: 0.4, informed_consent: 0.97 };

/** Codes an inclusion looks for (usually present) and an exclusion looks for (rarely present). */
function codeShares(criteria: readonly Criterion[]): Map<string, number> {
  const share = new Map<string, number>();
  const walk = (e: Expr, p: number): void => {
    if (e.kind === 'has') share.set(`${e.fact}#${e.code}`, Math.max(share.get(`${e.fact}#${e.code}`) ?? 0, p));
    else if (e.kind === 'all' || e.kind === 'any') e.of.forEach((x) => walk(x, e.kind === 'any' && p > 0.5 ? p / e.of.length : p));
    else if (e.kind === 'not') walk(e.of, p);
  };
  for (const c of criteria) walk(c.expr, c.side === 'inclusion' ? 0.9 : 0.03);
  return share;
}

export async function writePopulation(file: string, criteria: readonly Criterion[], rows: number, seed: number): Promise<string[]> {
  const rnd = seededRandom(seed).uniform;
  const header = criteriaColumns(criteria).map((c) => c.name);
  const shares = codeShares(criteria);
  const sideOf = new Map(criteria.map((c) => [`attested.${c.id}`, c.side]));
  const day0 = Date.UTC(2022, 5, 1);
  const cell = (name: string): string => {
    if (rnd() < 0.005) return '';
    if (name.startsWith('attested.')) return rnd() < 0.95 === (sideOf.get(name) === 'inclusion') ? 'yes|Dr Bench|2024-05-30' : 'no|Dr Bench|2024-05-30';
    const def = findFact(name)!;
    switch (def.type) {
      case 'number': {
        if (name === 'nyha_class') return String(rnd() < 0.85 ? 0 : 1 + Math.floor(rnd() * 4));
        if (name === 'ana_titre') return String([0, 80, 160, 320, 640, 1280][Math.floor(rnd() * 6)]);
        const [lo, hi] = RANGES[name] ?? [0, 10];
        return (lo + rnd() * (hi - lo)).toFixed(1);
      }
      case 'boolean':
        return rnd() < (POSITIVE[name] ?? 0.04) ? 'yes' : 'no';
      case 'code':
        return rnd() < 0.5 ? 'female' : 'male';
      case 'date':
        return rnd() < 0.85 ? 'never' : new Date(day0 + Math.floor(rnd() * 730) * 86_400_000).toISOString().slice(0, 10);
      case 'codes': {
        const codes = [...shares].filter(([k, p]) => k.startsWith(`${name}#`) && rnd() < p).map(([k]) => k.slice(name.length + 1));
        return codes.length === 0 ? 'none' : codes.join(';');
      }
    }
  };
  const out = createWriteStream(file);
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  await write(header.join(',') + '\n');
  let chunk = '';
  for (let i = 1; i <= rows; i++) {
    chunk += header.map((h) => (h === 'patient_id' ? `p${i}` : cell(h))).join(',') + '\n';
    if (i % 5000 === 0) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  await new Promise<void>((r) => out.end(() => r()));
  return header;
}
