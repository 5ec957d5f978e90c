/**
 * `message` with each parameter's text replaced by its `$n`, so no value (a token, an e-mail) reaches an error or
 * a log. A value is replaced where it stands as a whole word (not inside a longer one); an array's elements and an
 * object's JSON are replaced too. The transports redact before they shorten a message, so no part of a value is
 * left behind by the cut.
 */
export function redactParams(message: string, params: readonly unknown[]): string {
  let text = message;
  params.forEach((value, index) => {
    // Longest first, so a value that contains another is replaced whole.
    for (const shown of texts(value).sort((a, b) => b.length - a.length)) {
      if (shown.trim() === '') continue;
      const escaped = shown.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      text = text.replace(new RegExp(`(?<!\\w)${escaped}(?!\\w)`, 'g'), () => `$${index + 1}`);
    }
  });
  return text;
}

/** The texts a parameter's value can appear as in a message: itself, or each element of an array. */
function texts(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap(texts);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? [] : [value.toISOString()];
  if (typeof value === 'object') {
    try {
      return [JSON.stringify(value)];
    } catch {
      return [];
    }
  }
  return [String(value)];
}
