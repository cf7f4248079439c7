import type { InstrumentDefinition, InstrumentScore, ItemOption, ItemValues } from './instrument.js';
import { scoreWithForm } from './form-score.js';
import { instrumentForm, weightedSumScoring } from './instrument-form.js';

/**
 * ESSDAI: Seror R et al. EULAR Sjögren's syndrome disease activity index: development of a consensus
 * systemic disease activity index for primary Sjögren's syndrome. Ann Rheum Dis 2010;69:1103–1109,
 * Table 3 (domains, activity levels, weights). Domain score = activity level × weight; ESSDAI = Σ of
 * 12 domain scores, 0–123.
 *
 * Level texts are Table 3's definitions, abridged. Domains 1–5 and the pulmonary "No" row were read
 * in the journal's own rendering of Table 3 (ard.bmj.com, and its pre-multiplied twin). The journal
 * rendering available here stops at the pulmonary domain, so the rows of domains 6–12 were read in two
 * independent reproductions of the table: a hospital EDC data dictionary (each row cut at 50 characters)
 * and an ESSDAI form in public code (full rows). They agree with each other as far as both go and, where
 * they overlap, with the journal rows. One disagreement is left to a reader of the original PDF: the
 * form's PNS "moderate" row reads "with no motor deficit" where we write "maximal motor deficit of 4/5";
 * with "no motor deficit" a 4/5 deficit would fit no level, since "high" starts at ≤ 3/5.
 * The 2015 user guide (Seror R et al. RMD Open 2015;1:e000022) keeps these levels and weights and
 * clarifies some items (MRI also accepted as proof of myositis; cough only when due to bronchial
 * involvement).
 */
const level = (value: number, label: string): ItemOption => ({ value, label });

const domains: readonly (readonly [id: string, label: string, weight: number, options: readonly ItemOption[]])[] = [
  [
    'constitutional',
    'Constitutional (exclude fever of infectious origin and voluntary weight loss)',
    3,
    [
      level(0, 'No: absence of the following symptoms'),
      level(1, 'Low: mild or intermittent fever (37.5–38.5 °C)/night sweats and/or involuntary weight loss of 5–10% of body weight'),
      level(2, 'Moderate: severe fever (>38.5 °C)/night sweats and/or involuntary weight loss of >10% of body weight'),
    ],
  ],
  [
    'lymphadenopathy',
    'Lymphadenopathy (exclude infection)',
    4,
    [
      level(0, 'No: absence of the following features'),
      level(1, 'Low: lymphadenopathy ≥1 cm in any nodal region or ≥2 cm in inguinal region'),
      level(2, 'Moderate: lymphadenopathy ≥2 cm in any nodal region or ≥3 cm in inguinal region, and/or splenomegaly'),
      level(3, 'High: current malignant B-cell proliferative disorder'),
    ],
  ],
  [
    'glandular',
    'Glandular (exclude stone or infection)',
    2,
    [
      level(0, 'No: absence of glandular swelling'),
      level(1, 'Low: small glandular swelling with enlarged parotid (≤3 cm), or limited submandibular or lachrymal swelling'),
      level(2, 'Moderate: major glandular swelling with enlarged parotid (>3 cm), or important submandibular or lachrymal swelling'),
    ],
  ],
  [
    'articular',
    'Articular (exclude osteoarthritis)',
    2,
    [
      level(0, 'No: absence of currently active articular involvement'),
      level(1, 'Low: arthralgias in hands, wrists, ankles and feet accompanied by morning stiffness (>30 min)'),
      level(2, 'Moderate: 1–5 (of 28 total count) synovitis'),
      level(3, 'High: ≥6 (of 28 total count) synovitis'),
    ],
  ],
  [
    'cutaneous',
    'Cutaneous (rate stable long-lasting damage as no activity)',
    3,
    [
      level(0, 'No: absence of currently active cutaneous involvement'),
      level(1, 'Low: erythema multiforma'),
      level(2, 'Moderate: limited cutaneous vasculitis, including urticarial vasculitis, or purpura limited to feet and ankle, or subacute cutaneous lupus'),
      level(3, 'High: diffuse cutaneous vasculitis, including urticarial vasculitis, or diffuse purpura, or ulcers related to vasculitis'),
    ],
  ],
  [
    'pulmonary',
    'Pulmonary (rate as no activity stable long-lasting damage, or respiratory involvement not related to the disease, e.g. tobacco)',
    5,
    [
      level(0, 'No: absence of currently active pulmonary involvement'),
      level(
        1,
        'Low: persistent cough or bronchial involvement with no radiographic abnormalities on radiography, or radiological or HRCT evidence of interstitial lung disease with no breathlessness and normal lung function test',
      ),
      level(
        2,
        'Moderate: moderately active pulmonary involvement, such as interstitial lung disease shown by HRCT with shortness of breath on exercise (NYHA II) or abnormal lung function tests restricted to 70% > DLCO ≥ 40% or 80% > FVC ≥ 60%',
      ),
      level(
        3,
        'High: highly active pulmonary involvement, such as interstitial lung disease shown by HRCT with shortness of breath at rest (NYHA III, IV) or abnormal lung function tests: DLCO < 40% or FVC < 60%',
      ),
    ],
  ],
  [
    'renal',
    'Renal (rate as no activity stable long-lasting damage or renal involvement not related to the disease; if a biopsy was done, rate on histology first)',
    5,
    [
      level(0, 'No: absence of currently active renal involvement, with proteinuria < 0.5 g/d, no haematuria, no leucocyturia, no acidosis, or long-lasting stable proteinuria due to damage'),
      level(
        1,
        'Low: mild active renal involvement, limited to tubular acidosis without renal failure (GFR ≥ 60 ml/min), or glomerular involvement with proteinuria between 0.5 and 1 g/d and without haematuria or renal failure (GFR ≥ 60 ml/min)',
      ),
      level(
        2,
        'Moderate: moderately active renal involvement, such as tubular acidosis with renal failure (GFR < 60 ml/min), or glomerular involvement with proteinuria between 1 and 1.5 g/d and without haematuria or renal failure (GFR ≥ 60 ml/min), or histological evidence of extra-membranous glomerulonephritis or important interstitial lymphoid infiltrate',
      ),
      level(
        3,
        'High: highly active renal involvement, such as glomerular involvement with proteinuria > 1.5 g/d, or haematuria, or renal failure (GFR < 60 ml/min), or histological evidence of proliferative glomerulonephritis or cryoglobulinaemia-related renal involvement',
      ),
    ],
  ],
  [
    'muscular',
    'Muscular (exclude weakness due to corticosteroids)',
    6,
    [
      level(0, 'No: absence of currently active muscular involvement'),
      level(1, 'Low: mild active myositis shown by abnormal EMG or biopsy, with no weakness and creatine kinase N < CK ≤ 2N'),
      level(2, 'Moderate: moderately active myositis proven by abnormal EMG or biopsy, with weakness (maximal deficit of 4/5) or elevated creatine kinase (2N < CK ≤ 4N)'),
      level(3, 'High: highly active myositis shown by abnormal EMG or biopsy, with weakness (deficit ≤ 3/5) or elevated creatine kinase (> 4N)'),
    ],
  ],
  [
    'pns',
    'Peripheral nervous system (rate as no activity stable long-lasting damage or PNS involvement not related to the disease)',
    5,
    [
      level(0, 'No: absence of currently active PNS involvement'),
      level(1, 'Low: mild active PNS involvement, such as pure sensory axonal polyneuropathy shown by nerve conduction studies, or trigeminal (V) neuralgia'),
      level(
        2,
        'Moderate: moderately active PNS involvement shown by nerve conduction studies, such as axonal sensory-motor neuropathy with maximal motor deficit of 4/5, pure sensory neuropathy with cryoglobulinaemic vasculitis, ganglionopathy with symptoms restricted to mild/moderate ataxia, inflammatory demyelinating polyneuropathy (CIDP) with mild functional impairment (maximal motor deficit of 4/5 or mild ataxia), or cranial nerve involvement of peripheral origin (except trigeminal (V) neuralgia)',
      ),
      level(
        3,
        'High: highly active PNS involvement shown by nerve conduction studies, such as axonal sensory-motor neuropathy with motor deficit ≤ 3/5, peripheral nerve involvement due to vasculitis (mononeuritis multiplex etc.), severe ataxia due to ganglionopathy, or CIDP with severe functional impairment (motor deficit ≤ 3/5 or severe ataxia)',
      ),
    ],
  ],
  // CNS has no Low level in the published index.
  [
    'cns',
    'Central nervous system (rate as no activity stable long-lasting damage or CNS involvement not related to the disease)',
    5,
    [
      level(0, 'No: absence of currently active CNS involvement'),
      level(
        2,
        'Moderate: moderately active CNS features, such as cranial nerve involvement of central origin, optic neuritis, or multiple sclerosis-like syndrome with symptoms restricted to pure sensory impairment or proven cognitive impairment',
      ),
      level(
        3,
        'High: highly active CNS features, such as cerebral vasculitis with cerebrovascular accident or transient ischaemic attack, seizures, transverse myelitis, lymphocytic meningitis, or multiple sclerosis-like syndrome with motor deficit',
      ),
    ],
  ],
  [
    'haematological',
    'Haematological (for anaemia, neutropenia and thrombocytopenia only autoimmune cytopenia counts; exclude vitamin or iron deficiency and drug-induced cytopenia)',
    2,
    [
      level(0, 'No: absence of autoimmune cytopenia'),
      level(
        1,
        'Low: autoimmune cytopenia with neutropenia (1000 < neutrophils < 1500/mm³), and/or anaemia (10 < haemoglobin < 12 g/dl), and/or thrombocytopenia (100,000 < platelets < 150,000/mm³), or lymphopenia (500 < lymphocytes < 1000/mm³)',
      ),
      level(
        2,
        'Moderate: autoimmune cytopenia with neutropenia (500 ≤ neutrophils ≤ 1000/mm³), and/or anaemia (8 ≤ haemoglobin ≤ 10 g/dl), and/or thrombocytopenia (50,000 ≤ platelets ≤ 100,000/mm³), or lymphopenia (≤ 500/mm³)',
      ),
      level(3, 'High: autoimmune cytopenia with neutropenia (neutrophils < 500/mm³), and/or anaemia (haemoglobin < 8 g/dl), and/or thrombocytopenia (platelets < 50,000/mm³)'),
    ],
  ],
  [
    'biological',
    'Biological',
    1,
    [
      level(0, 'No: absence of any of the following biological features'),
      level(1, 'Low: clonal component and/or hypocomplementaemia (low C4 or C3 or CH50) and/or hypergammaglobulinaemia or high IgG level between 16 and 20 g/L'),
      level(2, 'Moderate: cryoglobulinaemia and/or hypergammaglobulinaemia or high IgG level > 20 g/L, and/or recent-onset hypogammaglobulinaemia or recent decrease of IgG level (< 5 g/L)'),
    ],
  ],
];

export const essdai: InstrumentDefinition = {
  id: 'essdai',
  name: 'ESSDAI',
  source: 'Seror R et al. Ann Rheum Dis 2010;69:1103-1109, Table 3 (ESSDAI domains, activity levels and weights)',
  items: domains.map(([id, label, weight, options]) => ({ id, label, weight, allowed: { kind: 'choice', options }, required: true })),
  total: { min: 0, max: 123, higherIsWorse: true },
};

/** Components are the 12 domain scores (level × weight); the total their sum. */
export const essdaiForm = instrumentForm(essdai, weightedSumScoring(essdai));

export function scoreEssdai(values: ItemValues): InstrumentScore {
  return scoreWithForm(essdai, essdaiForm, values);
}
