import type { ReactNode } from 'react';
import type { Load } from '../use-load.js';

/** Shows loading and failure the same way everywhere; renders `children` once data is there. */
export function Loaded<T>({ state, what, children }: { state: Load<T>; what: string; children: (data: T) => ReactNode }) {
  if (state.kind === 'loading') return <p role="status">Loading {what}…</p>;
  if (state.kind === 'failed') {
    return (
      <p role="alert" className="error">
        Could not load {what}: {state.error.message}
      </p>
    );
  }
  return <>{children(state.data)}</>;
}
