import { parseFormDefinition } from '../definition.js';

/**
 * Montreal Cognitive Assessment: Nasreddine ZS et al. J Am Geriatr Soc 2005;53:695–699. Seven domain
 * scores (visuospatial/executive 5, naming 3, attention 6, language 3, abstraction 2, delayed recall 5,
 * orientation 6 = 30) and one point added for 12 years of education or fewer, to a maximum of 30.
 */
const domains: readonly (readonly [id: string, label: string, max: number])[] = [
  ['visuospatial', 'Visuospatial / executive', 5],
  ['naming', 'Naming', 3],
  ['attention', 'Attention', 6],
  ['language', 'Language', 3],
  ['abstraction', 'Abstraction', 2],
  ['recall', 'Delayed recall', 5],
  ['orientation', 'Orientation', 6],
];

export const mocaForm = parseFormDefinition({
  id: 'moca',
  version: '1',
  title: 'Montreal Cognitive Assessment (MoCA)',
  source: 'Nasreddine ZS et al. The Montreal Cognitive Assessment, MoCA: a brief screening tool for mild cognitive impairment. J Am Geriatr Soc 2005;53:695-699',
  assumptions: [
    "The autoimmune encephalitis record (SNUH 1510112713) names no cognitive instrument: il2trials records the MoCA, a validated generic cognitive screen (the CASE scale of Lim et al. 2019 rates encephalitis severity rather than cognition). The test's own forms and wording are the MoCA's, used under its licence.",
  ],
  items: [
    ...domains.map(([id, label, max]) => ({ id, type: 'integer' as const, label: `${label} (0-${max})`, required: true, hard: { min: 0, max } })),
    { id: 'education-12-or-less', type: 'yes-no', label: '12 years of formal education or fewer', required: true },
    {
      id: 'total',
      type: 'calculated',
      label: 'MoCA total (0-30)',
      expression: `min(30, sum(${domains.map(([id]) => `[${id}]`).join(', ')}) + if([education-12-or-less], 1, 0))`,
    },
  ],
  scoring: { total: 'total' },
});
