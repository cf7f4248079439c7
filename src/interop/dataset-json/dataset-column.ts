/**
 * A tabulation dataset as CDISC Dataset-JSON v1.1 describes it ("Column Metadata"): the shape every
 * SDTM dataset here is built in, then written as Dataset-JSON, as SAS transport and in Define-XML.
 */
export type DatasetDataType = 'string' | 'integer' | 'decimal' | 'float' | 'double' | 'boolean' | 'datetime' | 'date' | 'time' | 'URI';

export interface DatasetColumn {
  readonly itemOID: string;
  readonly name: string;
  readonly label: string;
  readonly dataType: DatasetDataType;
  /** Character length in bytes (string columns); absent for numbers and, as in CDISC's examples, ISO dates. */
  readonly length?: number;
  readonly keySequence?: number;
}

export type DatasetCell = string | number | boolean | null;

export interface DatasetMetadata {
  /** `dbLastModifiedDateTime`: when the study's data last changed (also the SAS transport header date). */
  readonly dbLastModified: Date;
  /** `datasetJSONCreationDateTime`. */
  readonly created: Date;
  readonly studyOID: string;
  readonly metaDataVersionOID: string;
  readonly originator: string;
  readonly name: string;
  readonly label: string;
  readonly itemGroupOID: string;
  readonly columns: readonly DatasetColumn[];
}

export const isNumericType = (t: DatasetDataType): boolean => t === 'integer' || t === 'float' || t === 'double';
