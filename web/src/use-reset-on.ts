import { useState } from 'react';

/**
 * Calls `reset` when `key` changes, during render (React's pattern for state derived from props): a
 * form refills from values saved elsewhere, such as a correction made by answering a data query,
 * without being remounted, so its status message and the keyboard focus stay where they were.
 */
export function useResetOn(key: string, reset: () => void): void {
  const [seen, setSeen] = useState(key);
  if (seen !== key) {
    setSeen(key);
    reset();
  }
}
