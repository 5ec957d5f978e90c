import { type Ref, type RefCallback, useCallback } from 'react';

type Cleanup = () => void;

/**
 * One callback ref that sets every ref given (objects and callbacks; undefined and null are skipped), so that
 * a consumer's ref and a component's own both get the element. A callback ref's React 19 cleanup is kept and
 * called when the element goes; React 18 and 19 both call the merged ref with null then.
 */
export function mergeRefs<T>(...refs: (Ref<T> | undefined)[]): RefCallback<T> {
  const cleanups = new Map<(value: T | null) => unknown, Cleanup>();
  return (value) => {
    for (const ref of refs) {
      if (typeof ref === 'function') {
        const cleanup = cleanups.get(ref);
        if (value === null && cleanup) {
          cleanups.delete(ref);
          cleanup();
          continue;
        }
        const result = ref(value);
        if (typeof result === 'function') cleanups.set(ref, result as Cleanup);
      } else if (ref) {
        (ref as { current: T | null }).current = value;
      }
    }
  };
}

/** `mergeRefs` kept stable while the refs are. */
export function useMergedRefs<T>(...refs: (Ref<T> | undefined)[]): RefCallback<T> {
  // biome-ignore lint/correctness/useExhaustiveDependencies: the refs are the dependencies.
  return useCallback(mergeRefs(...refs), refs);
}
