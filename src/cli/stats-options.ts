import type { Alternative } from '../analysis/stats/result.js';

/** Options of `il2trials stats TEST --csv FILE`: CSV column names and R's test arguments. */
export interface StatsOptions {
  readonly csv: string;
  readonly value?: string;
  readonly group?: string;
  readonly id?: string;
  readonly visit?: string;
  readonly time?: string;
  readonly baseline?: string;
  readonly event?: string;
  readonly correct?: boolean;
  readonly exact?: boolean;
  readonly confInt?: boolean;
  readonly confLevel?: number;
  readonly alternative?: Alternative;
  readonly mu?: number;
  readonly paired?: boolean;
  readonly json?: boolean;
}
