/**
 * The words of SupersetEmbed's errors (shown in its error panel, and as `error.message`), in one place so that
 * they can move to the `messages` catalogue. None may ever contain a guest token.
 */
export const supersetEmbedErrorMessages = {
  /** No guest token could be had; `code` is the GuestTokenError's. */
  token: (code: string) => `No guest token for the dashboard (${code}).`,
  unreachable: (origin: string) =>
    `Superset at ${origin} could not be reached from this page (network, DNS or TLS, or this page's connect-src policy).`,
  refused: (origin: string) =>
    `Superset at ${origin} answered, but the dashboard did not start: framing may be refused (X-Frame-Options, ` +
    `or a Content-Security-Policy frame-ancestors without this site), embedding may be off for this dashboard, ` +
    `or this site may be missing from its allowed domains.`,
  sdk: 'The embedded SDK could not embed the dashboard.',
  /** Development warnings (console only). */
  filtersReembedded:
    'SupersetEmbed: Superset cannot change the filters of a loaded dashboard, so it was embedded ' +
    'again with the new filters (the dashboard reloads).',
  heightLoop: (dashboardId: string, height: number) =>
    `SupersetEmbed: dashboard ${dashboardId} grows whenever its frame grows (content sized to the viewport), ` +
    `so height="auto" stopped at ${height}px. Give the dashboard a fixed height, or pass height={px}.`,
} as const;
