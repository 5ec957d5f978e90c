const warned = new Set<string>();

/** Bundlers replace `process.env.NODE_ENV`; without one (a plain browser) `process` is missing: development. */
function isProduction(): boolean {
  try {
    return process.env.NODE_ENV === 'production';
  } catch {
    return false;
  }
}

/** A console warning for developers, once per message, and never in production builds. */
export function devWarning(message: string): void {
  if (isProduction() || warned.has(message)) return;
  warned.add(message);
  console.warn(`[InsightPulse] ${message}`);
}
