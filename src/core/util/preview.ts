/**
 * A short, quoted preview of a value for an error message: strings as they are, anything else as JSON,
 * cut to `max` characters. Shared by the adapter and the semantic layer (bundled into each entry).
 */
export function preview(value: unknown, max = 40): string {
  let text: string;
  try {
    text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    text = Object.prototype.toString.call(value);
  }
  return JSON.stringify(text.length > max ? `${text.slice(0, max - 1)}…` : text);
}
