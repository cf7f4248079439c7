import type { DatasetDataType } from '../dataset-json/dataset-column.js';

/** Where a variable's value comes from (Define-XML 2.1 def:Origin Type). */
export type Origin = 'Collected' | 'Derived' | 'Assigned' | 'Protocol';

export interface VariableSpec {
  readonly name: string;
  readonly label: string;
  readonly dataType: DatasetDataType;
  readonly origin: Origin;
  /** Name of the codelist (Define-XML CodeList) the values come from, when there is one. */
  readonly codelist?: string;
  /** SDTMIG core: Req, Exp or Perm. */
  readonly core: 'Req' | 'Exp' | 'Perm';
  readonly keySequence?: number;
}

/** One SDTM domain as the IG defines it: the dataset name, its label, class and structure, its variables in order. */
export interface DomainSpec {
  readonly name: string;
  readonly label: string;
  readonly class: 'SPECIAL PURPOSE' | 'INTERVENTIONS' | 'EVENTS' | 'FINDINGS' | 'TRIAL DESIGN';
  readonly structure: string;
  readonly variables: readonly VariableSpec[];
}

type Short = readonly [name: string, label: string, dataType: DatasetDataType, origin: Origin, core: VariableSpec['core'], codelist?: string];

/** A domain from compact rows; key variables are named in order in `keys`. */
export function domain(name: string, label: string, cls: DomainSpec['class'], structure: string, keys: readonly string[], rows: readonly Short[]): DomainSpec {
  return {
    name,
    label,
    class: cls,
    structure,
    variables: rows.map(([n, l, dataType, origin, core, codelist]) => {
      const k = keys.indexOf(n);
      return { name: n, label: l, dataType, origin, core, ...(codelist ? { codelist } : {}), ...(k >= 0 ? { keySequence: k + 1 } : {}) };
    }),
  };
}

/** STUDYID, DOMAIN, USUBJID: the identifiers every subject-level domain starts with (SDTMIG 3.4 §2.7). */
export const identifiers: readonly Short[] = [
  ['STUDYID', 'Study Identifier', 'string', 'Assigned', 'Req'],
  ['DOMAIN', 'Domain Abbreviation', 'string', 'Assigned', 'Req'],
  ['USUBJID', 'Unique Subject Identifier', 'string', 'Derived', 'Req'],
];
