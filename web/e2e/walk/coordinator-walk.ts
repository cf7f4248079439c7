import { expect } from 'vitest';
import { getBuiltinProtocol } from '../../../src/protocol/builtin/index.js';
import { shoot } from '../browser.js';
import { type SsTrail, attestAll, changeStatus, coordinator, decision, describedError, fillFacts, itemFields, itemLevels, setItem, today, verdict } from './helpers.js';
import type { Walk } from './walk.js';

/** Walks a coordinator through screening and enrolment (ss-il2); the participant and visit it leaves are the other walks' data. */
export async function coordinatorWalk(w: Walk): Promise<SsTrail> {
  const page = await w.newPage();
  await w.signIn(page, coordinator);
  await shoot(page, '02-studies');
  const ss = getBuiltinProtocol('ss-il2');
  await page.getByRole('link', { name: ss.title }).click();
  await page.getByRole('heading', { level: 1, name: ss.title }).waitFor();
  await page.getByRole('heading', { name: 'Enrolment' }).waitFor();
  await shoot(page, '03-dashboard-empty');

  // Register: born 1970-05-01, so 18–65 years old whatever today's date in 2026–2035.
  await page.getByLabel('Participant code').fill('SS-001');
  await page.getByLabel('Date of birth').fill('1970-05-01');
  await page.getByRole('button', { name: 'Register and screen' }).click();
  await page.getByRole('heading', { level: 1, name: 'Screening SS-001' }).waitFor();

  // Live evaluation as the facts are typed: age 17 fails the age limit of 18–65 years.
  const age = page.getByLabel('age', { exact: true });
  await age.fill('17');
  await expect(verdict(page, 'age')).resolves.toBe('not met');
  await expect(decision(page)).resolves.toBe('ineligible');
  await age.fill('56');
  await expect(verdict(page, 'age')).resolves.toBe('met');
  await expect(verdict(page, 'inc-2')).resolves.toBe('unknown');
  // ESSDAI ≥ 6 is needed (NCT02464319 inclusion): 4 fails, 8 passes.
  await fillFacts(page, { essdai: '4' });
  await expect(verdict(page, 'inc-2')).resolves.toBe('not met');
  await expect(decision(page)).resolves.toBe('ineligible');
  await fillFacts(page, {
    essdai: '8',
    diagnoses: 'primary-sjogren',
    alt_uln: '2',
    prednisone_dose: '5 mg',
    prior_treatments: 'none',
    current_treatments: 'none',
    last_live_vaccination: 'never',
    pregnant: 'no',
    breastfeeding: 'no',
    weight: '60 kg',
  });
  await expect(verdict(page, 'inc-2')).resolves.toBe('met');
  // "Stable low dose … in the last 4 weeks" stays a person's judgement until attested.
  await expect(verdict(page, 'inc-4')).resolves.toBe('unknown');
  await expect(decision(page)).resolves.toBe('incomplete');
  await page.getByLabel('Planned first dose').fill(today);
  await attestAll(page);
  await expect(verdict(page, 'inc-4')).resolves.toBe('met');
  await expect(verdict(page, 'exc-1')).resolves.toBe('not met');
  await expect(decision(page)).resolves.toBe('eligible');
  await shoot(page, '04-screening');
  await page.getByRole('button', { name: 'Record eligible' }).click();

  await page.getByRole('heading', { level: 1, name: 'Participant SS-001' }).waitFor();
  await changeStatus(page, 'consented', today);
  await changeStatus(page, 'enrolled', today);
  const participantUrl = page.url();
  await shoot(page, '05-participant-enrolled');

  // Randomization gives a kit number; the coordinator is a masked care provider (ss-il2 is quadruple-masked), so no arm.
  await page.getByRole('button', { name: 'Randomize…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Randomize SS-001' }).click();
  await page.locator('.facts .badge', { hasText: 'randomized' }).waitFor();
  const kit = (await page.locator('#kit-number').textContent()) ?? '';
  expect(kit).not.toBe('');
  await expect(page.locator('#allocation').count()).resolves.toBe(0);
  await shoot(page, '17-participant-randomized');

  // Day 1 today: the first dose is due today.
  await changeStatus(page, 'on-treatment', today);
  await page.getByRole('button', { name: /^Record dose: Day 1,/ }).click();
  await page.getByRole('button', { name: 'Save dose' }).click();
  await page.locator('.dose-chip.dose-given', { hasText: 'D1' }).waitFor();

  await page.getByRole('link', { name: 'Enter data for Week 0' }).click();
  await page.getByRole('heading', { level: 1, name: /^Visit: Week 0/ }).waitFor();
  await expect(page.getByLabel('Instrument').inputValue()).resolves.toBe('essdai');
  // The CNS domain has no low level (Seror 2010, Table 3: levels 0, 2, 3): the choice offers only those.
  await expect(itemLevels(page, '#item-cns')).resolves.toEqual(['', '0', '2', '3']);
  await expect(page.locator('#item-cns option[value="2"]').textContent()).resolves.toMatch(/^2 = Moderate: moderately active CNS features/);
  await shoot(page, '18-essdai-levels');
  // Glandular low (1 × weight 2) + articular moderate (2 × 2) + biological moderate (2 × 1) = 8; other domains 0.
  const levels: Readonly<Record<string, string>> = { glandular: '1', articular: '2', biological: '2' };
  const fields = itemFields(page);
  const n = await fields.count();
  expect(n).toBe(12);
  for (let i = 0; i < n; i++) {
    const id = ((await fields.nth(i).getAttribute('id')) ?? '').replace(/^item-/, '');
    await setItem(fields.nth(i), levels[id] ?? '0');
  }
  await expect(describedError(page, '#item-cns')).resolves.toBe('');
  await expect(page.locator('#score-total').textContent()).resolves.toBe('8');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'saved' }).textContent()).resolves.toBe('ESSDAI saved.');
  await expect(page.locator('[data-testid="score-plot"] svg').getAttribute('aria-label')).resolves.toMatch(/^ESSDAI by study day: Week 0.* 8$/);
  const visitUrl = page.url();
  await shoot(page, '19-essdai-saved-plot');

  // The immune panel at week 0: a percentage above 100 is refused beside its box; the absolute
  // counts follow as typed: CD4+ 40 % of 1,500 lymphocytes = 600/µL; Treg 5 % of CD4+ = 30/µL; Th17 1 % = 6/µL.
  await page.getByRole('heading', { name: 'Enter the immune panel' }).waitFor();
  await page.locator('#panel-treg').fill('140');
  await expect(describedError(page, '#panel-treg')).resolves.toBe('Regulatory T cells (Treg) must be from 0 to 100 % of CD4+ T cells, not 140.');
  await page.locator('#panel-lymphocytes').fill('1500');
  await page.locator('#panel-cd4-t').fill('40');
  await page.locator('#panel-treg').fill('5');
  await page.locator('#panel-th17').fill('1');
  await expect(describedError(page, '#panel-treg')).resolves.toBe('');
  await expect(page.locator('#panel-cd4-t-hint').textContent()).resolves.toMatch(/ · 600 cells\/µL$/);
  await expect(page.locator('#panel-treg-hint').textContent()).resolves.toMatch(/ · 30 cells\/µL$/);
  await shoot(page, '19a-immune-panel-form');
  await page.getByRole('button', { name: 'Save immune panel' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Immune panel' }).textContent()).resolves.toBe('Immune panel saved.');

  // Baseline labs the server grades (CTCAE v5.0, default ranges): lymphocytes 450/mm³ is grade 3
  // (<500–200). Before the first dose they are the participant's baseline, not adverse events.
  await page.locator('#lab-lymphocytes').fill('450');
  await page.locator('#lab-platelets').fill('220000');
  await page.getByRole('button', { name: 'Save labs' }).click();
  await page
    .getByRole('table', { name: 'Labs' })
    .getByRole('cell', { name: /^Grade 3/ })
    .waitFor();

  // Week 12, entered early today: lymphocytes 450/mm³ (grade 3) and platelets 60,000/mm³ (grade 2,
  // <75,000–50,000) after the first dose, so the server proposes two adverse events.
  await page.goto(participantUrl);
  await page.getByRole('link', { name: 'Enter data for Week 12' }).click();
  await page.getByRole('heading', { level: 1, name: /^Visit: Week 12/ }).waitFor();
  await page.getByLabel('Assessment date').fill(today);
  await page.locator('#lab-lymphocytes').fill('450');
  await page.locator('#lab-platelets').fill('60000');
  await page.getByRole('button', { name: 'Save labs' }).click();
  await page
    .getByRole('table', { name: 'Labs' })
    .getByRole('cell', { name: /^Grade 2/ })
    .waitFor();
  await page.goto(participantUrl);
  await page.getByRole('heading', { name: 'Immune subsets' }).waitFor();
  await expect(page.locator('[data-testid="immune-plot"] > [role="img"]').getAttribute('aria-label')).resolves.toMatch(
    /^Immune subsets by study day: CD4\+ T cells Week 0[^;]* 600 cells\/µL; Regulatory T cells \(Treg\) Week 0[^;]* 30 cells\/µL; T helper 17 cells \(Th17\) Week 0[^;]* 6 cells\/µL$/,
  );
  await shoot(page, '19b-immune-subsets');
  return { participantUrl, visitUrl, kit };
}
