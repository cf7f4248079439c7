import { describe, expect, it } from 'vitest';
import { formatExpr, type Side } from './expression.js';
import { parseCriterionLine } from './parse-line.js';

/**
 * In an exclusion a named example, or a named item of a list, is a sufficient condition when nothing narrows it: no
 * degree on its head, no clause after the list that may bind every item, no negation before it. "Other X" itself stays
 * attested. In an inclusion an example is never made a requirement by these rules. Expectations are read off the lines.
 */
const read = (side: Side, text: string) => {
  const c = parseCriterionLine('x', side, text);
  return [c.computability, formatExpr(c.expr)];
};

describe('the conditions after "contraindications to X:" are the contraindications the line names', () => {
  it('each condition named after the colon excludes (NCT03861806)', () => {
    // A history of seizure or epilepsy, a pacemaker or a pregnancy is a contraindication to TMS by the line itself; "other neurological
    // disorders" needs judgement and brain surgery (a procedure, not a condition) stays with the rest.
    const [computability, expr] = read(
      'exclusion',
      'Contraindications to TMS: history of seizure/epilepsy, pacemaker, other neurological disorders, brain surgery, metal implant/fragment in the head, pregnancy',
    );
    expect(computability).toBe('partly-computable');
    expect(expr).toMatch(/^history has seizure or history has epilepsy or diagnoses has cardiac-pacemaker or pregnant or attested: ".*other neurological disorders, brain surgery/);
  });

  it('stays attested where the colon lists what is contraindicated, a degree narrows an item, a negation heads it, or in an inclusion', () => {
    // Constructed: a patient on aspirin has no contraindication to it for that; the first item after the colon was read as use.
    expect(read('exclusion', 'Contraindications to the study drugs: aspirin, heparin')[0]).toBe('attested');
    expect(read('exclusion', 'Contraindications to MRI: severe claustrophobia, pregnancy')[0]).toBe('attested');
    expect(read('exclusion', 'No contraindications to TMS: epilepsy, pregnancy')[0]).toBe('attested');
    expect(read('inclusion', 'Contraindications to TMS: history of seizure/epilepsy, pacemaker, pregnancy')[0]).toBe('attested');
  });

  it('the head before a colon binds its first item as it binds the others (NCT03863236)', () => {
    // Short bowel syndrome is named as a cause of chronic malnutrition, not as excluded alone; it was read as excluded.
    expect(read('exclusion', 'Chronic malnutrition: short bowel syndrome, previous gastrectomy, pancreatic dysfunction')[0]).toBe('attested');
  });
});

describe('examples after "other X such as:" or "other X, for example"', () => {
  it('a named example excludes; "other X" itself stays attested (NCT03863379)', () => {
    expect(read('exclusion', 'co-existing other diseases such as: endocrinopathies, muscular dystrophies, non-alcoholic fatty liver disease.')).toEqual([
      'partly-computable',
      'diagnoses has endocrine-disease or diagnoses has muscular-dystrophy or diagnoses has non-alcoholic-fatty-liver-disease or attested: "co-existing other diseases such as"',
    ]);
  });

  it('"for example but not limited to" opens examples (constructed, after NCT03866538)', () => {
    expect(read('exclusion', 'Other medical conditions, for example but not limited to epilepsy, asthma')).toEqual([
      'partly-computable',
      'diagnoses has epilepsy or diagnoses has asthma or attested: "Other medical conditions, for example but not limited to"',
    ]);
    // NCT03866538: the medications are named without saying whether current or past use is meant, so the line stays attested.
    expect(
      read(
        'exclusion',
        'Other immune mediating medications, for example but not limited to azathioprine, 6-mercaptopurine, cyclosporine, methotrexate, anti-TNF monoclonal antibodies, alpha-4 beta-7 integrin inhibiting monoclonal antibody, interleukin 12/23 inhibiting monoclonal antibody, JAK inhibitors.',
      )[0],
    ).toBe('attested');
  });

  it('stays attested under a degree, a binding clause, a bare list after "other", or in an inclusion', () => {
    expect(read('exclusion', 'Coexisting severe diseases such as: diabetes, non-alcoholic fatty liver disease')[0]).toBe('attested');
    expect(read('exclusion', 'Other significant conditions, for example epilepsy, asthma')[0]).toBe('attested');
    expect(read('exclusion', 'Other conditions, for example epilepsy or asthma, requiring treatment')[0]).toBe('attested');
    // "other" may bind each item of a bare list ("other immunosuppressants or other corticosteroids").
    expect(read('exclusion', 'Treatment with other immunosuppressants, corticosteroids')[0]).toBe('attested');
    expect(read('inclusion', 'co-existing other diseases such as: endocrinopathies, muscular dystrophies, non-alcoholic fatty liver disease.')[0]).toBe('attested');
    expect(read('inclusion', 'Other medical conditions, for example but not limited to epilepsy, asthma')[0]).toBe('attested');
  });
});

describe('a condition followed by its examples, or by "etc."', () => {
  it('the condition itself excludes (NCT03863951, NCT03923205, NCT03929549, NCT03867734)', () => {
    expect(read('exclusion', 'a previous history of neurological illness including AD and PD，')).toEqual([
      'partly-computable',
      'history has neurological-illness or attested: "a previous history of including AD and PD，"',
    ]);
    expect(read('exclusion', 'eating disorders such as anorexia, bulimia, binge eating or night eating syndrome.')[1]).toMatch(
      /^diagnoses has eating-disorder or diagnoses has bulimia-nervosa or attested: "such as anorexia, binge eating or night eating syndrome"$/,
    );
    expect(read('exclusion', 'Dental disorders including loose teeth and periodontal disease')[1]).toMatch(/^diagnoses has dental-disorder or attested: "including loose teeth/);
    // Renal cell carcinoma is one of the renal diseases the line names; "etc." says the list goes on.
    expect(read('exclusion', 'History of renal disease (including diagnosis of solitary kidney, chronic renal insufficiency, renal cell carcinoma etc.)')[1]).toMatch(
      /^history has renal-disease or history has chronic-renal-insufficiency or history has renal-cell-carcinoma or attested: /,
    );
  });

  it('stays attested under a degree, a binding clause, a window after "etc.", or in an inclusion', () => {
    // The degree is a person's part beside the head; the examples are not read (narrowed-names.ts readsNarrowed).
    expect(read('exclusion', 'Severe neurological illness including AD and PD')).toEqual([
      'partly-computable',
      '(diagnoses has neurological-illness and attested: "Severe") or attested: "including AD and PD"',
    ]);
    expect(read('exclusion', 'Neurological illness including AD and PD that could interfere with the study')[0]).toBe('attested');
    // Constructed: the window after "etc." may bind asthma, which is not read without it.
    expect(read('exclusion', 'Epilepsy, asthma etc. within 6 months')[1]).not.toMatch(/has asthma/);
    // "including" and "etc." may widen the condition ("diabetes including prediabetes"): in an inclusion it is not necessary.
    expect(read('inclusion', 'a previous history of neurological illness including AD and PD')[0]).toBe('attested');
    expect(read('inclusion', 'Diabetes etc.')[0]).toBe('attested');
  });
});
