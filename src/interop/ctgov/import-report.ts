/**
 * What an import could not take from the record as it stands: each entry names the record field (as
 * a ClinicalTrials.gov API v2 path, array positions written `[]`) and why.
 *  - `unmapped`: the field is read but the protocol has no place for it (kept nowhere);
 *  - `assumption`: the protocol needed a value the record does not give; the draft holds one, to confirm;
 *  - `discrepancy`: the record contradicts itself or the draft reads it one way of two, to confirm.
 */
export type ReportKind = 'unmapped' | 'assumption' | 'discrepancy';

export interface ReportEntry {
  readonly kind: ReportKind;
  /** The record field (`protocolSection.designModule.designInfo.allocation`). */
  readonly field: string;
  /** The protocol field it concerns, when the draft holds a value for it. */
  readonly protocolField?: string;
  readonly reason: string;
  /** How many array elements share this path (unmapped fields only). */
  readonly count?: number;
}

export interface ImportReport {
  /** What names the record: its NCT number; for a record without one, its organisation study id (else the protocol id), the report saying so. */
  readonly record: string;
  readonly entries: readonly ReportEntry[];
}

/** The import's notebook: the fields it used and what it had to report. */
export class ReportCollector {
  readonly entries: ReportEntry[] = [];
  readonly used = new Set<string>();

  /** Mark record fields as read (a path marks everything under it). */
  use(...paths: string[]): void {
    for (const p of paths) this.used.add(p.replace(/\[\d+\]/g, '[]'));
  }

  add(entry: ReportEntry): void {
    this.entries.push({ ...entry, field: entry.field.replace(/\[\d+\]/g, '[]') });
  }

  /** An assumption to confirm: in the report and, as the protocol's note, in the draft itself. */
  assume(field: string, protocolField: string, reason: string): void {
    this.add({ kind: 'assumption', field, protocolField, reason });
  }

  discrepancy(field: string, protocolField: string, reason: string): void {
    this.add({ kind: 'discrepancy', field, protocolField, reason });
  }
}
