/**
 * The 18 columns of a REDCap data dictionary CSV, in order (the header line of every dictionary in
 * REDCapR's test projects; shared/reference/redcap/redcap-format.md §1).
 */
export const dictionaryColumns = [
  'Variable / Field Name',
  'Form Name',
  'Section Header',
  'Field Type',
  'Field Label',
  'Choices, Calculations, OR Slider Labels',
  'Field Note',
  'Text Validation Type OR Show Slider Number',
  'Text Validation Min',
  'Text Validation Max',
  'Identifier?',
  'Branching Logic (Show field only if...)',
  'Required Field?',
  'Custom Alignment',
  'Question Number (surveys only)',
  'Matrix Group Name',
  'Matrix Ranking?',
  'Field Annotation',
] as const;

export type DictionaryColumn = (typeof dictionaryColumns)[number];
export type DictionaryRow = Readonly<Record<DictionaryColumn, string>>;

/** REDCap form names use underscores; form ids use hyphens. */
export const formIdOf = (formName: string) => formName.replaceAll('_', '-');
export const formNameOf = (formId: string) => formId.replaceAll('-', '_');
