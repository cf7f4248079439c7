import { isNumericType, type DatasetCell, type DatasetMetadata } from '../dataset-json/dataset-column.js';
import type { XptDataset, XptValue } from './xpt-dataset.js';

/**
 * Dataset-JSON columns as SAS transport variables: numbers are 8-byte numerics, everything else
 * character. ISO 8601 date columns carry no length in Dataset-JSON and are 10 bytes (YYYY-MM-DD), as in
 * every CDISC example pair (xpt-v5-format.md §8).
 */
export function xptDatasetOf(meta: DatasetMetadata, header: { readonly sasVersion?: string; readonly os?: string } = {}): XptDataset {
  return {
    name: meta.name,
    label: meta.label,
    created: meta.dbLastModified,
    ...header,
    variables: meta.columns.map((c) =>
      isNumericType(c.dataType)
        ? { name: c.name, label: c.label, type: 'num' as const }
        : { name: c.name, label: c.label, type: 'char' as const, length: c.length ?? (c.dataType === 'date' ? 10 : 1) },
    ),
  };
}

/** A Dataset-JSON row as transport values: booleans have no SAS type, so they are written as Y/N text. */
export const xptValues = (row: readonly DatasetCell[]): XptValue[] => row.map((v) => (typeof v === 'boolean' ? (v ? 'Y' : 'N') : v));
