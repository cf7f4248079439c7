import { describe, expect, it } from 'vitest';
import { formatExpr, type Side } from './expression.js';
import { parseCriterionLine } from './parse-line.js';

/** Treatment and condition names that whole corpus lines needed (issue #17); each reading is worked out from the line. */
const read = (side: Side, text: string) => {
  const c = parseCriterionLine('x', side, text);
  return [c.computability, formatExpr(c.expr)];
};

describe('treatment names', () => {
  it('a treatment named in a list of exclusion examples is enough to exclude (NCT03921099, NCT03869008)', () => {
    // Each drug or class named as an example of the excluded treatment excludes on its own; "calcinurine" is calcineurin misspelt.
    const [kind, expr] = read('exclusion', 'Patients receiving other nephrotoxic drug (e.g., aminoglycosides, amphotericin B, cisplatin or calcinurine inhibitors).');
    expect(kind).toBe('partly-computable');
    expect(expr).toMatch(
      /^current_treatments has aminoglycoside or current_treatments has amphotericin-b or current_treatments has cisplatin or current_treatments has calcineurin-inhibitor or attested: /,
    );
    const [, vasodilators] = read('exclusion', 'Currently on vasodilators (i.e. Phosphodiesterase type 5 inhibitors, prostacyclin, nitroglycerine, or other nitric oxide derivatives)');
    expect(vasodilators).toMatch(/^current_treatments has pde5-inhibitor or current_treatments has nitroglycerin or attested: /);
  });

  it('"immune-suppressant" is an immunosuppressant (NCT03866317)', () => {
    const [kind, expr] = read('exclusion', 'Use of immune-suppressant or other biological treatment');
    expect(kind).toBe('partly-computable');
    expect(expr).toMatch(/^current_treatments has immunosuppressant or attested: /);
  });

  it('a hyphenated TNF-alpha inhibitor is the TNF inhibitor class (NCT03860415)', () => {
    const [kind, expr] = read('exclusion', 'Immunosuppression (i.e. chemotheraphy, treatment with TNF-alpha-inhibitors).');
    expect(kind).toBe('partly-computable');
    expect(expr).toMatch(/^current_treatments has tnf-inhibitor or attested: /);
  });

  it('prednisone within a window is dated (NCT03922958)', () => {
    // "Prednisone or other steroid use currently or within the past one month": prednisone in the last month excludes.
    const [kind, expr] = read('exclusion', 'Prednisone or other steroid use currently or within the past one month');
    expect(kind).toBe('partly-computable');
    expect(expr).toMatch(/^last\.prednisone within 1 months before screening or attested: /);
  });

  it('ECT is electroconvulsive therapy (NCT03926520)', () => {
    const [kind, expr] = read('exclusion', 'Treatment with ECT or other neurostimulation therapies (e.g., TMS or vagal nerve stimulation) within the past 3 months');
    expect(kind).toBe('partly-computable');
    expect(expr).toMatch(/electroconvulsive-therapy/);
    // An abbreviation before a hyphen is not read.
    expect(read('exclusion', 'ECT-like procedures')[1]).not.toMatch(/electroconvulsive/);
  });

  it('each drug of a listed set is its own code, and the whole list is read (NCT03866200, NCT03860688, NCT03867500)', () => {
    const [kind, expr] = read(
      'exclusion',
      'Current use of Alfentanil, Cyclosporine, Dihydroergotamine, Dofetilide, Ergotamine, Fentanyl, Flibanserin, Oxycodone, Pimavanserin, Pimozide, Quinidine, Saquinavir, Sirolimus, Tacrolimus, Temsirolimus, Theophylline, Tizanidine, Thioridazine, Fosphenytoin, Phenytoin or Warfarin.',
    );
    expect(kind).toBe('computable');
    // Dihydroergotamine is not read as ergotamine too, nor fosphenytoin as phenytoin.
    for (const code of ['alfentanil', 'dihydroergotamine', 'ergotamine', 'dofetilide', 'pimozide', 'quinidine', 'sirolimus', 'temsirolimus', 'theophylline', 'fosphenytoin', 'phenytoin', 'warfarin']) {
      expect(expr).toContain(`current_treatments has ${code}`);
    }
    expect(read('exclusion', 'Dihydroergotamine')).toEqual(['computable', 'current_treatments has dihydroergotamine']);
    expect(read('exclusion', 'Patients on ezetimibe or bile acid sequestrants')).toEqual(['computable', 'current_treatments has ezetimibe or current_treatments has bile-acid-sequestrant']);
    expect(read('exclusion', 'Niacin')).toEqual(['computable', 'current_treatments has niacin']);
  });

  it('TENS is transcutaneous electrical nerve stimulation (NCT03868787)', () => {
    expect(read('exclusion', 'Prior TENS use')).toEqual(['computable', 'prior_treatments has tens']);
    expect(read('inclusion', 'No contraindications to TENS')[0]).toBe('attested');
  });

  it('lines that qualify the named drug stay attested (NCT03862807, NCT03929718, NCT03926585)', () => {
    expect(read('inclusion', 'Has received stable immunosuppressive regimen with ≤10 mg/day of prednisone for at least 3 months before study start')[0]).toBe('attested');
    expect(read('exclusion', 'unwilling not to become pregnant and to use birth control while taking spironolactone')[0]).toBe('attested');
    expect(read('inclusion', 'Started in combination therapy with L-thyroxine and Liothyronine in an approximately 17/1 ratio')[0]).toBe('attested');
  });
});

describe('condition names', () => {
  it('lumbar pain is low back pain (NCT03863067)', () => {
    expect(read('inclusion', 'Lumbar pain for more than 6 months')).toEqual(['partly-computable', 'diagnoses has low-back-pain and attested: "for more than 6 months"']);
    // A duration the line gives to the pain is not dropped (NCT03862898).
    expect(read('inclusion', 'patients with lumbar pain present for more than 12 weeks,')[0]).toBe('attested');
  });

  it('"cancers" is cancer (NCT03928938, NCT03866200)', () => {
    expect(read('inclusion', 'Advanced cancers')).toEqual(['partly-computable', 'diagnoses has cancer and attested: "Advanced"']);
    expect(read('exclusion', 'Other non-pseudoachondroplasia related health conditions, e.g. cancers.')[1]).toMatch(/^diagnoses has cancer or attested: /);
  });

  it('condition names each line lists (NCT03863873, NCT03862027, NCT03927651, NCT03922256, NCT03926520)', () => {
    expect(read('exclusion', 'Cervical radiculopathy, polyneuropathy, brachial plexopathy, traumatic nerve injury, thoracic outlet syndrome')).toEqual([
      'computable',
      'diagnoses has cervical-radiculopathy or diagnoses has polyneuropathy or diagnoses has brachial-plexopathy or diagnoses has traumatic-nerve-injury or diagnoses has thoracic-outlet-syndrome',
    ]);
    expect(read('exclusion', 'Pneumothorax or pneumomediastinum')).toEqual(['computable', 'diagnoses has pneumothorax or diagnoses has pneumomediastinum']);
    expect(read('exclusion', 'Patients history of renal failure or uremia, and those on dialysis')).toEqual([
      'computable',
      'history has renal-failure or history has uraemia or current_treatments has dialysis',
    ]);
    expect(read('exclusion', 'Open fractures;')).toEqual(['computable', 'diagnoses has open-fracture']);
    expect(read('exclusion', 'Lifetime or current diagnosis of Schizophrenia, Bipolar Disorder or Schizoaffective Disorder')[1]).toMatch(/diagnoses has schizoaffective-disorder/);
  });

  it('misspellings, older names and synonyms share the code (NCT03924804, NCT03923933, NCT03922178, NCT03868930)', () => {
    expect(read('exclusion', 'Patients with the urinary diseases, such as kidney, ureteral calculi and tumors, prostatic hypertrophy.')[1]).toMatch(/diagnoses has benign-prostatic-hyperplasia/);
    expect(read('inclusion', 'Volume overload')).toEqual(['computable', 'diagnoses has fluid-overload']);
    expect(read('exclusion', 'Presence of valvular prosthesis')).toEqual(['computable', 'diagnoses has prosthetic-heart-valve']);
    expect(read('exclusion', 'schizophreniform disorder/active psychosis')).toEqual(['computable', 'diagnoses has schizophreniform-disorder or diagnoses has psychosis']);
    // "no signs of RV volume overload" is a narrower, negated phrase: left to a person (NCT03867708).
    expect(read('exclusion', 'Small ASD with Qp/Qs <1.5:1 or no signs of RV volume overload')[0]).toBe('attested');
  });

  it('a time window binds a condition listed before it (NCT03868709)', () => {
    expect(read('exclusion', 'History of myocardial infarction, severe heart dysfunction (New York Heart Association functional classification ≥ 3) or tachyarrhythmia within one year;')[1]).toMatch(
      /last\.tachyarrhythmia within 1 years before screening/,
    );
  });

  it('a narrower kind of cancer is not read as cancer (NCT03924778)', () => {
    expect(read('exclusion', "gastrointestinal (GI) conditions i.e., irritable bowel, diverticulitis, peptic ulcers, Crohn's, GI cancers, and adenatomous polyps")[1]).not.toMatch(/has cancer/);
  });
});
