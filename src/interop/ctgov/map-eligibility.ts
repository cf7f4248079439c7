import { AppError } from '../../errors/app-error.js';
import { parseCriteriaText } from '../../eligibility/parse-criteria.js';
import type { ProtocolInput } from '../../protocol/schema.js';
import type { ReportCollector } from './import-report.js';
import type { ProtocolSection } from './record.js';
import { unescapeMarkup } from './record-text.js';

type EligibilityInput = ProtocolInput['eligibility'];
const ELIG = 'protocolSection.eligibilityModule';

/** API v2 `NormalizedTime` ("18 Years", "6 Months", "2 Weeks"); weeks and days become months or years only by assumption. */
function age(value: string | undefined, field: string, protocolField: string, r: ReportCollector): EligibilityInput['minAge'] {
  if (!value) return undefined;
  r.use(field);
  const m = /^\s*(\d+(?:\.\d+)?)\s*(year|month|week|day)s?\s*$/i.exec(value);
  if (!m) {
    r.add({ kind: 'unmapped', field, reason: `"${value}" is not an age of the form "N Years" or "N Months".` });
    return undefined;
  }
  const n = Number(m[1]);
  const unit = (m[2] as string).toLowerCase();
  if (unit === 'year') return { value: n, unit: 'years' };
  if (unit === 'month') return { value: n, unit: 'months' };
  const months = Math.round(((unit === 'week' ? 7 : 1) * n * 12) / 365.25);
  r.assume(field, protocolField, `The protocol states ages in years or months; "${value}" is drafted as ${months} months.`);
  return { value: months, unit: 'months' };
}

/**
 * Eligibility: the age and sex limits, healthy volunteers, and the criteria text split into
 * inclusion and exclusion lines by the eligibility engine (src/eligibility), the Markdown escapes of
 * the API (`\>=`) read as the characters they escape. Lines the engine keeps as a human judgement
 * are reported, with the engine's reason.
 */
export function mapEligibility(p: ProtocolSection, r: ReportCollector): EligibilityInput {
  const e = p.eligibilityModule;
  const sexes: Readonly<Record<string, EligibilityInput['sex']>> = { ALL: 'all', FEMALE: 'female', MALE: 'male' };
  let sex: EligibilityInput['sex'] = 'all';
  if (e?.sex) {
    r.use(`${ELIG}.sex`);
    const s = sexes[e.sex];
    if (s) sex = s;
    else r.assume(`${ELIG}.sex`, 'eligibility.sex', `Sex "${e.sex}" is none of ALL, FEMALE, MALE; the draft admits all.`);
  } else r.assume(`${ELIG}.sex`, 'eligibility.sex', 'The record states no eligible sex; the draft admits all.');
  if (e?.healthyVolunteers === undefined) r.assume(`${ELIG}.healthyVolunteers`, 'eligibility.healthyVolunteers', 'The record does not say whether healthy volunteers are accepted; the draft says no.');
  r.use(`${ELIG}.healthyVolunteers`, `${ELIG}.eligibilityCriteria`, `${ELIG}.stdAges`);
  const minAge = age(e?.minimumAge, `${ELIG}.minimumAge`, 'eligibility.minAge', r);
  const maxAge = age(e?.maximumAge, `${ELIG}.maximumAge`, 'eligibility.maxAge', r);
  const inclusion: EligibilityInput['inclusion'] = [];
  const exclusion: EligibilityInput['exclusion'] = [];
  const text = unescapeMarkup(e?.eligibilityCriteria ?? '').trim();
  if (text === '') {
    r.assume(`${ELIG}.eligibilityCriteria`, 'eligibility', 'The record has no eligibility criteria text; the draft screens on age and sex only.');
  } else {
    try {
      const parsed = parseCriteriaText(text);
      for (const c of parsed.criteria) {
        (c.side === 'inclusion' ? inclusion : exclusion).push({ id: c.id, text: c.text });
        if (c.computability === 'attested')
          r.add({
            kind: 'unmapped',
            field: `${ELIG}.eligibilityCriteria`,
            protocolField: `eligibility.${c.side}(${c.id})`,
            reason: `${c.id} "${c.text}" is kept as a criterion a person attests: ${c.notComputable ?? 'the engine reads no fact in it'}.`,
          });
        for (const flag of c.flags) r.discrepancy(`${ELIG}.eligibilityCriteria`, `eligibility.${c.side}(${c.id})`, `${c.id}: ${flag}`);
      }
      for (const note of parsed.notes) r.add({ kind: 'unmapped', field: `${ELIG}.eligibilityCriteria`, reason: `The line "${note}" is not a bulleted criterion; kept out of the criteria.` });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      inclusion.push({ id: 'inc-1', text });
      r.assume(`${ELIG}.eligibilityCriteria`, 'eligibility.inclusion[0]', `${err.message} The whole text is drafted as one inclusion criterion, to split by hand.`);
    }
  }
  return { ...(minAge ? { minAge } : {}), ...(maxAge ? { maxAge } : {}), sex, healthyVolunteers: e?.healthyVolunteers ?? false, inclusion, exclusion };
}
