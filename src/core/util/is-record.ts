/** A plain object with string keys: not null, not an array. The one check the library uses for records. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
