import { type Ref, type RefCallback, useMemo } from 'react';

/** Sets one ref (a callback or an object) to `value`; a callback's cleanup (React 19) is returned. */
function assign<T>(ref: Ref<T> | undefined, value: T | null): (() => void) | undefined {
  if (typeof ref === 'function') {
    const cleanup: unknown = ref(value);
    return typeof cleanup === 'function' ? (cleanup as () => void) : undefined;
  }
  if (ref) (ref as { current: T | null }).current = value;
  return undefined;
}

/**
 * One callback ref that sets every given ref: a consumer's ref and the component's own both receive the element,
 * so neither replaces the other. Works on React 18 (called with `null` on detach) and 19 (cleanups are honoured).
 */
export function mergeRefs<T>(...refs: (Ref<T> | undefined)[]): RefCallback<T> {
  return (value) => {
    const cleanups = refs.map((ref) => assign(ref, value));
    if (!cleanups.some((cleanup) => typeof cleanup === 'function')) return undefined;
    return () => {
      refs.forEach((ref, i) => {
        const cleanup = cleanups[i];
        if (typeof cleanup === 'function') cleanup();
        else assign(ref, null);
      });
    };
  };
}

/** `mergeRefs`, the same callback until one of the refs changes (so React does not detach and attach each render). */
export function useMergedRefs<T>(...refs: (Ref<T> | undefined)[]): RefCallback<T> {
  // biome-ignore lint/correctness/useExhaustiveDependencies: the refs are the dependencies.
  return useMemo(() => mergeRefs(...refs), refs);
}
