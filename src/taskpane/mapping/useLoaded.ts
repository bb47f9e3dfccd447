import { useEffect, useState } from 'react';
import type { Language } from '../../core/kernel/language';
import { failureText } from '../services/problemText';

export type Loaded<T> =
  { status: 'loading' } | { status: 'ready'; value: T } | { status: 'failed'; message: string };

/**
 * Runs `load` whenever it is a new function and keeps what it gave; null while there is nothing to load. A failure
 * ends as a message, so a dialog never waits forever. Pass a memoised `load`: each new one loads again.
 */
export function useLoaded<T>(load: (() => Promise<T>) | null, language: Language): Loaded<T> | null {
  const [result, setResult] = useState<{ load: () => Promise<T>; loaded: Loaded<T> } | null>(null);

  useEffect(() => {
    if (!load) return;
    let current = true;
    const settle = (loaded: Loaded<T>) => current && setResult({ load, loaded });
    load().then(
      (value) => settle({ status: 'ready', value }),
      (error: unknown) => settle({ status: 'failed', message: failureText(error, language) }),
    );
    return () => {
      current = false;
    };
  }, [language, load]);

  if (!load) return null;
  return result?.load === load ? result.loaded : { status: 'loading' };
}
