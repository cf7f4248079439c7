import type { ParticipantStatus } from '../api.js';

export function StatusBadge({ status }: { status: ParticipantStatus | string }) {
  return <span className={`badge status-${status}`}>{status}</span>;
}
