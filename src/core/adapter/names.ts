/**
 * Names that are `Object.prototype` keys (`hasOwnProperty`, `constructor`, `toString`, `__proto__`, …) as
 * ordinary data. ECharts and zrender look strings up in plain objects: the palette cache
 * (`paletteNameMap.hasOwnProperty(name)` crashes once a series or slice is called `hasOwnProperty`), the
 * symbol table (`symbol: 'constructor'` crashes) and the text-measure cache (measuring a label `__proto__`
 * writes `prev` and `next` onto `Object.prototype`). The library cannot change those lookups, so it changes
 * the strings: such a name gets an invisible U+2060 WORD JOINER at its start (at the start, no prefix a label is cut to when it is truncated can be such a key), which draws nothing and makes
 * it an ordinary key. Framework-free.
 */

/** Appended to a name that is an `Object.prototype` key. Zero width, not a space, never breaks a line. */
export const NAME_GUARD = '\u2060';

const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

/** `name` with the guard when it is an `Object.prototype` key (`'constructor'` → `'\u2060constructor'`). */
export function guardName(name: string): string {
  return PROTOTYPE_KEYS.has(name) ? NAME_GUARD + name : name;
}

/** The name as the data had it: undoes `guardName` (for names ECharts reports back, as in click events). */
export function unguardName(name: string): string {
  return name.startsWith(NAME_GUARD) && PROTOTYPE_KEYS.has(name.slice(1)) ? name.slice(1) : name;
}

/** Whether every item is a number (a loop: `every` with a callback is many times slower on a million cells). */
function allNumbers(items: readonly unknown[]): boolean {
  for (let i = 0; i < items.length; i++) if (typeof items[i] !== 'number') return false;
  return true;
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * `value` with every string in it (in arrays and plain objects, at any depth) passed through `guardName`.
 * Copies only the arrays and objects it changes and returns `value` itself when nothing needed a guard,
 * so a large dataset that shares arrays with a table is never mutated.
 */
export function guardNames<T>(value: T): T {
  return guard(value, new Set()) as T;
}

function guard(value: unknown, seen: Set<object>): unknown {
  if (typeof value === 'string') return guardName(value);
  if (typeof value !== 'object' || value === null || seen.has(value)) return value;
  if (!Array.isArray(value) && !isPlainObject(value)) return value;
  seen.add(value);
  try {
    if (Array.isArray(value)) {
      let copy: unknown[] | undefined;
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        // Numbers, and arrays of them (a heatmap's million cells), hold nothing to guard.
        if (typeof item === 'number' || (Array.isArray(item) && allNumbers(item))) continue;
        const next = typeof item === 'string' ? guardName(item) : guard(item, seen);
        if (next !== item) {
          copy ??= value.slice();
          copy[i] = next;
        }
      }
      return copy ?? value;
    }
    let copy: Record<string, unknown> | undefined;
    for (const key of Object.keys(value)) {
      // Own data properties only (no getter runs), written back as data (a key `__proto__` stays a key).
      const descriptor = Object.getOwnPropertyDescriptor(value, key);
      if (!descriptor || !('value' in descriptor)) continue;
      const next = guard(descriptor.value, seen);
      if (next !== descriptor.value) {
        copy ??= { ...value };
        Object.defineProperty(copy, key, { value: next, enumerable: true, writable: true, configurable: true });
      }
    }
    return copy ?? value;
  } finally {
    seen.delete(value);
  }
}
