import { useCallback, useEffect, useState } from 'react';

export type Load<T> = { readonly kind: 'loading' } | { readonly kind: 'ready'; readonly data: T } | { readonly kind: 'failed'; readonly error: Error };

/** Runs `fetcher` when its key changes; `reload` runs it again (after a write). */
export function useLoad<T>(fetcher: () => Promise<T>, key: string): [Load<T>, () => void] {
  const [state, setState] = useState<Load<T>>({ kind: 'loading' });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let live = true;
    fetcher().then(
      (data) => live && setState({ kind: 'ready', data }),
      (error: unknown) => live && setState({ kind: 'failed', error: error instanceof Error ? error : new Error(String(error)) }),
    );
    return () => {
      live = false;
    };
    // The key names what is fetched; the fetcher closure is re-created every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return [state, reload];
}
