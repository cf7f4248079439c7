import { AppError } from '../errors/app-error.js';
import { authErrors } from '../auth/errors.js';
import { visitDataErrors } from '../store/observations-errors.js';

export const queryStatuses = ['open', 'answered', 'closed'] as const;
export type QueryStatus = (typeof queryStatuses)[number];

/** A data query: raised on one field of a participant (of one visit), answered by the site, closed by its raiser. */
export interface DataQuery {
  readonly id: string;
  readonly studyId: string;
  readonly siteId: string;
  readonly participantId: string;
  readonly visitId: string | null;
  readonly field: string;
  readonly text: string;
  readonly status: QueryStatus;
  readonly raisedBy: string;
  readonly raisedAt: string;
  readonly answer: string | null;
  readonly answeredBy: string | null;
  readonly answeredAt: string | null;
  readonly closedBy: string | null;
  readonly closedAt: string | null;
}

/** A query as the lists show it: with the participant's code and the names of who raised, answered and closed it. */
export interface QueryListing extends DataQuery {
  readonly participantCode: string;
  readonly raisedByName: string;
  readonly answeredByName: string | null;
  readonly closedByName: string | null;
}

function requireStatus(q: DataQuery, status: QueryStatus, step: string): void {
  if (q.status !== status) throw new AppError(visitDataErrors.QUERY_NOT_OPEN, `Query ${q.id} is ${q.status}, so it cannot be ${step}; only an ${status} query can.`, 'status');
}

/** Only an open query can be answered. */
export function checkAnswerable(q: DataQuery): void {
  requireStatus(q, 'open', 'answered');
}

/** Only the user who raised a query closes it, once it is answered. */
export function checkClosable(q: DataQuery, userId: string): void {
  if (q.raisedBy !== userId) throw new AppError(authErrors.FORBIDDEN, `Only the user who raised query ${q.id} may close it.`);
  requireStatus(q, 'answered', 'closed');
}
