import { useEffect, useState } from 'react';
import { toApiError, type ApiError } from '../api.js';

export type Check<T> = { readonly kind: 'idle' } | { readonly kind: 'checking' } | { readonly kind: 'ok'; readonly value: T } | { readonly kind: 'error'; readonly error: ApiError };

/**
 * Ask the server as the designer types: `request` runs `delayMs` after the last change of `key`
 * (the text it depends on); an answer to an older key is dropped. `request` null: nothing to ask.
 */
export function useCheckAsTyped<T>(request: (() => Promise<T>) | null, key: string, delayMs = 250): Check<T> {
  const [check, setCheck] = useState<Check<T>>({ kind: 'idle' });
  useEffect(() => {
    if (!request) {
      setCheck({ kind: 'idle' });
      return;
    }
    let live = true;
    setCheck({ kind: 'checking' });
    const timer = setTimeout(() => {
      request().then(
        (value) => live && setCheck({ kind: 'ok', value }),
        (err: unknown) => live && setCheck({ kind: 'error', error: toApiError(err) }),
      );
    }, delayMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // The key names everything the request reads; the closure is re-created every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, request === null]);
  return check;
}
