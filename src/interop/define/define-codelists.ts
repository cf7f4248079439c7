import type { StudyForm } from '../form-metadata/form-metadata.js';
import { actionTerm, outcomeTerm, relatednessTerm, routeTerm, sexTerm } from '../sdtm/terminology.js';

/** A Define-XML code list: enumerated CDISC terms, or coded values with their decodes (instrument answers). */
export interface CodeListSpec {
  readonly oid: string;
  readonly name: string;
  readonly dataType: 'text' | 'integer';
  readonly items: readonly { readonly value: string; readonly decode?: string }[];
  /** Whether it is a CDISC CT codelist (def:StandardOID to the CT standard) or the study's own. */
  readonly cdisc: boolean;
}

const terms = (oid: string, name: string, values: readonly string[]): CodeListSpec => ({
  oid: `CL.${oid}`,
  name,
  dataType: 'text',
  items: [...new Set(values)].map((value) => ({ value })),
  cdisc: true,
});

/** The code lists the SDTM variables refer to (by the `codelist` name in the domain specs). */
export function sdtmCodeLists(): CodeListSpec[] {
  return [
    terms('SEX', 'Sex', Object.values(sexTerm)),
    terms('AGEU', 'Age Unit', ['YEARS']),
    terms('ROUTE', 'Route of Administration', Object.values(routeTerm)),
    terms('ACN', 'Action Taken with Study Treatment', Object.values(actionTerm)),
    terms('OUT', 'Outcome of Event', Object.values(outcomeTerm)),
    { ...terms('AEREL', 'Causality', Object.values(relatednessTerm)), cdisc: false },
    terms('NY', 'No Yes Response', ['N', 'Y']),
    terms('TOXGR', 'Toxicity Grade', ['0', '1', '2', '3', '4', '5']),
    terms('NCOMPLT', 'Completion/Reason for Non-Completion', [
      'INFORMED CONSENT OBTAINED',
      'RANDOMIZED',
      'COMPLETED',
      'SCREEN FAILURE',
      'ADVERSE EVENT',
      'WITHDRAWAL BY SUBJECT',
      'LOST TO FOLLOW-UP',
      'DEATH',
      'OTHER',
    ]),
    terms('DSCAT', 'Category for Disposition Event', ['DISPOSITION EVENT', 'PROTOCOL MILESTONE']),
    terms('ARMNULRS', 'Arm Null Reason', ['SCREEN FAILURE', 'NOT ASSIGNED', 'ASSIGNED, NOT TREATED']),
    terms('EPOCH', 'Epoch', ['SCREENING', 'TREATMENT', 'FOLLOW-UP']),
    terms('IECAT', 'Category for Inclusion/Exclusion', ['INCLUSION', 'EXCLUSION']),
  ];
}

/** One code list per instrument item that is a choice: the coded value and its label, as the form shows it. */
export function formCodeLists(forms: readonly StudyForm[]): CodeListSpec[] {
  return forms.flatMap((f) =>
    f.items.flatMap((i) =>
      i.choices
        ? [
            {
              oid: `CL.QS.${i.testCode}`,
              name: `${f.name} ${i.test}`.slice(0, 200),
              dataType: 'integer' as const,
              items: i.choices.map((c) => ({ value: String(c.value), decode: c.label })),
              cdisc: false,
            },
          ]
        : [],
    ),
  );
}
