import { api } from '../api.js';
import { useLoad } from '../use-load.js';

/**
 * An arm's label from the study's protocol. Rendered only where the server sent an arm id, i.e. for
 * a viewer allowed to see it; the id stands in until (or if not) the protocol loads.
 */
export function ArmName({ studyId, armId }: { studyId: string; armId: string }) {
  const [detail] = useLoad(() => api.study(studyId), `study/${studyId}`);
  const label = detail.kind === 'ready' ? detail.data.protocol.arms.find((a) => a.id === armId)?.label : undefined;
  return <>{label ?? armId}</>;
}
