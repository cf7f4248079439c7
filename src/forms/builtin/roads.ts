import { parseFormDefinition } from '../definition.js';

const ITEMS = 28;
const ids = Array.from({ length: ITEMS }, (_, i) => `q${i + 1}`);

/**
 * ROADS, the Rasch-Built Overall Amyotrophic Lateral Sclerosis Disability Scale: Fournier CN et al.
 * JAMA Neurol 2020;77:480–488 (doi:10.1001/jamaneurol.2019.4490). 28 self-reported questions on
 * daily activities, each scored 0, 1 or 2 (raw score 0–56).
 */
export const roadsForm = parseFormDefinition({
  id: 'roads',
  version: '1',
  title: 'ROADS (Rasch-Built Overall ALS Disability Scale)',
  source: 'Fournier CN et al. Development and validation of the Rasch-Built Overall Amyotrophic Lateral Sclerosis Disability Scale (ROADS). JAMA Neurol 2020;77:480-488',
  assumptions: [
    'The published raw-to-normalized conversion table was not found in a public source available to il2trials, so only the raw score (sum of the 28 items, 0-56) is recorded and analysed; the normalized score must be derived from the published table outside il2trials.',
    'The item wording is not reproduced: items are numbered 1-28 in the order of the published questionnaire, which the site uses on paper or in its licensed form.',
  ],
  items: [
    ...ids.map((id, i) => ({
      id,
      type: 'single-choice' as const,
      label: `ROADS item ${i + 1}`,
      required: true,
      choices: [0, 1, 2].map((code) => ({ code, label: String(code) })),
    })),
    { id: 'raw', type: 'calculated', label: 'ROADS raw score (0-56)', expression: `sum(${ids.map((id) => `[${id}]`).join(', ')})` },
  ],
  scoring: { total: 'raw' },
});
