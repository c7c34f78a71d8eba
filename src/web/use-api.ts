/**
 * Loads data from the API for a page: `{ data, error, loading, reload }`. A newer load wins over an older
 * one that answers late, and nothing is set after the page unmounts.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from './api-client';

export interface ApiState<T> {
  readonly data: T | undefined;
  readonly error: ApiError | undefined;
  readonly loading: boolean;
  readonly reload: () => void;
}

export function useApi<T>(load: () => Promise<T>, deps: readonly unknown[]): ApiState<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    const ticket = ++latest.current;
    setLoading(true);
    load().then(
      (value) => {
        if (ticket !== latest.current) return;
        setData(value);
        setError(undefined);
        setLoading(false);
      },
      (e: unknown) => {
        if (ticket !== latest.current) return;
        setError(e instanceof ApiError ? e : new ApiError(0, 'NETWORK_ERROR', String(e)));
        setLoading(false);
      },
    );
    return () => {
      latest.current++;
    };
    // `load` is a fresh closure each render; callers list its inputs in `deps` instead.
  }, [...deps, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, reload };
}
