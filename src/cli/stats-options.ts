import type { CovarianceStructure } from '../analysis/models/covariance-structures.js';
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
  /** Denominator df of the MMRM tests [SAS DDFM=]: kr (Kenward–Roger, the default), satterthwaite or residual. */
  readonly df?: 'kr' | 'satterthwaite' | 'residual';
  /** MMRM covariance over visits; unstructured by default, falling back in the order US → Toeplitz → AR(1) → CS. */
  readonly covariance?: CovarianceStructure;
  readonly json?: boolean;
}
