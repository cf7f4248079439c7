import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from '../store/drivers/pglite/pglite-db.js';
import { codesOf, criteriaColumns } from './columns.js';
import { evaluateEligibility } from './evaluate.js';
import type { Criterion } from './expression.js';
import { parseCriteriaText } from './parse-criteria.js';
import { readFacts } from './patient-facts.js';
import { screenCsv, type ScreenResult, type ScreenRowError } from './screen.js';
import { sqlColumnType, toSql } from './to-sql.js';

/**
 * Studies of several groups screened end to end: the criteria text parsed, a CSV with a study_group
 * column screened (columnar), each patient evaluated alone and in SQL. study_group is a code fact
 * whose values are the codes the criteria name; a code they do not name is another group.
 * Each patient's outcome is worked out by hand. Every CSV has the columns patient_id, study_group,
 * age, pregnant; the last row of each is a bad one, and the one before it is incomplete for want of
 * study_group.
 */
const REF = { screening: '2024-06-01' };
const HEADER = ['patient_id', 'study_group', 'age', 'pregnant'];
type Expected = readonly [string, readonly string[]];

function screensAsWorkedOut(criteria: readonly Criterion[], rows: readonly string[][], expected: readonly Expected[]): void {
  const good = rows.length - 1;
  it('the CSV screener decides each patient as worked out by hand, and as the one-patient evaluator does', () => {
    const out: (ScreenResult | ScreenRowError)[] = [];
    for (const capacity of [undefined, 3]) {
      out.length = 0;
      const s = screenCsv(criteria, REF, { onResult: (r) => out.push(r), ...(capacity ? { capacity } : {}) });
      s.push(new TextEncoder().encode(`${[HEADER, ...rows].map((r) => r.join(',')).join('\n')}\n`));
      s.end();
      expect(out.slice(0, good).map((r) => (r.kind === 'result' ? [r.status, r.failed] : r.kind))).toEqual(expected);
      expect(out[good - 1]).toMatchObject({ missing: ['study_group'] });
      expect(out[good]).toMatchObject({ kind: 'error', problems: [expect.stringMatching(/^row \d+, column "study_group": "[^"]+" is not a code/)] });
    }
    rows.slice(0, good).forEach((row, i) => {
      const facts = readFacts(Object.fromEntries(HEADER.slice(1).map((h, k) => [h, row[k + 1]!.replace(/"/g, '')])));
      const one = evaluateEligibility(criteria, facts, REF);
      expect([one.status, one.failed], row[0]).toEqual(expected[i]);
      expect(out[i]).toMatchObject({ status: one.status, failed: one.failed, missing: one.status === 'incomplete' ? one.missing : [] });
    });
  });

  describe('in SQL', () => {
    const opened = openPglite();
    afterAll(async () => (await opened).close());
    it('the query decides each patient as the CSV screener does', async () => {
      const db = await opened;
      const sql = toSql(criteria, REF);
      expect(sqlColumnType('study_group')).toBe('text');
      await db.exec(sql.createTable('candidates'));
      // The table holds each code as the CSV path reads it: trimmed, in lower case.
      for (const row of rows.slice(0, good)) {
        const cells = sql.facts.map((f) => {
          const cell = row[HEADER.indexOf(f)]!.replace(/"/g, '').toLowerCase();
          return cell === '' ? null : f === 'age' ? Number(cell) : f === 'pregnant' ? cell === 'yes' : cell;
        });
        await db.query(`INSERT INTO candidates (patient_id, ${sql.facts.join(', ')}) VALUES (${[row[0], ...cells].map((_, k) => `$${k + 1}`).join(', ')})`, [row[0], ...cells]);
      }
      const rows2 = await db.query<{ patient_id: string; s: string }>(`SELECT patient_id, ${sql.status} AS s FROM candidates ORDER BY patient_id`);
      expect(rows2.map((r) => r.s)).toEqual(expected.map((e) => e[0]));
    });
  });
}

describe('screening a study of two groups on study_group', () => {
  /*
   *   inc-1  not (study_group = patients) or age ≥ 18 years
   *   inc-2  not (study_group = healthy-volunteers) or age ≥ 21 years
   *   exc-1  study_group = healthy-volunteers and pregnant
   */
  const { criteria } = parseCriteriaText(
    'Inclusion Criteria for Patients:\n  -  Age ≥ 18 years\nInclusion Criteria for Healthy volunteers:\n  -  Age ≥ 21 years\nExclusion Criteria for Healthy volunteers:\n  -  Pregnancy',
  );
  it('the criteria read study_group, and its column lists the codes they name', () => {
    expect(criteria.map((c) => c.computability)).toEqual(['computable', 'computable', 'computable']);
    expect(criteriaColumns(criteria).find((c) => c.name === 'study_group')).toMatchObject({
      type: 'code',
      description: expect.stringContaining('one code (this protocol names: patients, healthy-volunteers).'),
    });
    // The codes the web's screening page offers for study_group, which has no fixed values.
    expect([...(codesOf(criteria).get('study_group') ?? [])]).toEqual(['patients', 'healthy-volunteers']);
  });
  screensAsWorkedOut(
    criteria,
    [
      ['p1', 'patients', '19', 'yes'], // a patient of 19: eligible (the volunteers' exclusion is not theirs)
      ['p2', 'healthy-volunteers', '19', 'no'], // a volunteer under 21: inc-2
      ['p3', 'healthy-volunteers', '30', 'yes'], // a pregnant volunteer: exc-1
      ['p4', 'Healthy-Volunteers', '30', 'no'], // any case: eligible
      ['p5', 'caregivers', '15', 'yes'], // a group the criteria do not name: none of them holds for it, eligible
      ['p6', '', '30', 'no'], // group unknown, but old enough for either group and not pregnant: eligible
      ['p8', '"patients"', '16', 'no'], // quoted: a patient under 18, inc-1
      ['p9', '', '17', 'no'], // group unknown, too young for either: incomplete, study_group missing
      ['p10', 'healthy volunteers', '30', 'no'], // not a code: a bad row
    ],
    [
      ['eligible', []],
      ['ineligible', ['inc-2']],
      ['ineligible', ['exc-1']],
      ['eligible', []],
      ['eligible', []],
      ['eligible', []],
      ['ineligible', ['inc-1']],
      ['incomplete', []],
    ],
  );
});

describe('screening a study whose headings name two cohorts at once', () => {
  /*
   * Written here in the form of NCT03929705 ("Inclusion Criteria: Cohort 1a and 1b"):
   *   inc-1  not (study_group = cohort-1a or study_group = cohort-1b) or age ≥ 18 years
   *   inc-2  not (study_group = cohort-2) or age ≥ 21 years
   *   exc-1  (study_group = cohort-1a or study_group = cohort-1b) and pregnant
   */
  const { criteria } = parseCriteriaText(
    'Inclusion Criteria: Cohort 1a and 1b\n  -  Age ≥ 18 years\nInclusion Criteria: Cohort 2\n  -  Age ≥ 21 years\nExclusion Criteria: Cohort 1a and 1b\n  -  Pregnancy',
  );
  it('each cohort of the heading is a code of its own', () => {
    expect(criteria.map((c) => c.computability)).toEqual(['computable', 'computable', 'computable']);
    expect([...(codesOf(criteria).get('study_group') ?? [])]).toEqual(['cohort-1a', 'cohort-1b', 'cohort-2']);
  });
  screensAsWorkedOut(
    criteria,
    [
      ['p1', 'cohort-1a', '17', 'no'], // cohort 1a under 18: inc-1
      ['p2', 'cohort-1b', '17', 'no'], // cohort 1b under 18: inc-1 too
      ['p3', 'cohort-1b', '19', 'yes'], // pregnant in cohort 1b: exc-1
      ['p4', 'cohort-2', '19', 'yes'], // cohort 2 under 21: inc-2 (pregnancy is no exclusion of cohort 2)
      ['p5', 'cohort-2', '25', 'yes'], // cohort 2, 25 and pregnant: eligible
      ['p6', 'cohort-1a', '19', 'no'], // eligible
      ['p7', '', '25', 'no'], // group unknown, old enough for any cohort and not pregnant: eligible
      ['p8', '', '19', 'no'], // group unknown, 19: too young for cohort 2, old enough for cohort 1: incomplete
      ['p9', 'cohort 1a', '19', 'no'], // not a code: a bad row
    ],
    [
      ['ineligible', ['inc-1']],
      ['ineligible', ['inc-1']],
      ['ineligible', ['exc-1']],
      ['ineligible', ['inc-2']],
      ['eligible', []],
      ['eligible', []],
      ['eligible', []],
      ['incomplete', []],
    ],
  );
});
