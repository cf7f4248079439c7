/** Error codes thrown by the interop area (CDISC exports and the ODM import). */
export const interopErrorCodes = {
  XptNameInvalid: 'A SAS transport data set or variable name is not 1–8 upper-case letters, digits or underscores starting with a letter or underscore.',
  XptLabelInvalid: 'A SAS transport label is longer than 40 characters or not plain ASCII.',
  XptLengthInvalid: 'A character variable of a SAS transport file is declared longer than 200 bytes or shorter than 1.',
  XptValueInvalid: 'A value does not fit its SAS transport variable (text longer than the variable, text in a numeric variable, a number out of IBM range).',
  DatasetRecordsMismatch: 'A dataset file announced a number of records other than the rows written (an exporter fault; nothing is kept).',
  OdmInvalid: 'An ODM file given for import is not well-formed or misses a required element or attribute; the message names the element and its OID.',
  OdmUnknownReference: 'An ODM file refers to an OID (study event, form, item, user, location) that its metadata does not define.',
  OdmFileUnreadable: 'The ODM file given to `il2trials import odm` cannot be read (missing, a directory, no permission).',
  OdmConflict: 'An ODM file cannot be imported into the target study (the study already holds data, or the protocol differs).',
} as const;

export type InteropErrorCode = keyof typeof interopErrorCodes;
