import { parseFormDefinition } from '../definition.js';

/**
 * EQ-5D-5L: Herdman M et al. Development and preliminary testing of the new five-level version of
 * EQ-5D (EQ-5D-5L). Qual Life Res 2011;20:1727–1736. Five dimensions at levels 1 (no problems) to 5
 * (extreme problems / unable), written as the 5-digit health state (11111 … 55555), and the EQ VAS,
 * 0 (worst imaginable health) to 100 (best).
 */
const dimensions: readonly (readonly [id: string, label: string])[] = [
  ['mobility', 'Mobility'],
  ['self-care', 'Self-care'],
  ['usual-activities', 'Usual activities'],
  ['pain-discomfort', 'Pain / discomfort'],
  ['anxiety-depression', 'Anxiety / depression'],
];
const levels = ['no problems', 'slight problems', 'moderate problems', 'severe problems', 'extreme problems or unable'];

export const eq5d5lForm = parseFormDefinition({
  id: 'eq-5d-5l',
  version: '1',
  title: 'EQ-5D-5L (health-related quality of life)',
  source: 'Herdman M et al. Qual Life Res 2011;20:1727-1736 (EQ-5D-5L descriptive system and EQ VAS)',
  assumptions: [
    "The autoimmune encephalitis record (SNUH 1510112713) names no quality-of-life instrument: il2trials records the EQ-5D-5L, a validated generic instrument. Level labels are abridged (the wording is EuroQol's, used under its licence); no index value is computed, since that needs a country value set the protocol does not name.",
  ],
  items: [
    ...dimensions.map(([id, label]) => ({
      id,
      type: 'single-choice' as const,
      label,
      required: true,
      choices: levels.map((l, i) => ({ code: i + 1, label: `Level ${i + 1}: ${l}` })),
    })),
    { id: 'vas', type: 'integer', label: 'EQ VAS: health today (0 worst - 100 best imaginable)', required: true, hard: { min: 0, max: 100 } },
    // The profile as its 5-digit number: mobility, self-care, usual activities, pain, anxiety.
    { id: 'profile', type: 'calculated', label: 'Health state (5 digits)', expression: dimensions.map(([id], i) => `${10 ** (4 - i)} * [${id}]`).join(' + ') },
    { id: 'vas-score', type: 'calculated', label: 'EQ VAS', expression: '[vas]' },
  ],
  scoring: { total: 'vas-score', components: { profile: 'profile' } },
});
