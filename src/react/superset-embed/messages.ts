/**
 * Every word SupersetEmbed shows or announces, in one object of defaults, so that it can move to the
 * `messages` catalogue. (Its error texts are `supersetEmbedErrorMessages` in the core.)
 */
export const supersetEmbedMessages = {
  /** The iframe's accessible name when no `title` is given. */
  defaultTitle: 'Superset dashboard',
  loading: (title: string) => `Loading ${title}…`,
  loaded: (title: string) => `${title} loaded.`,
  expired: (title: string) => `Your session with ${title} expired.`,
  expiredDetail: 'The dashboard could not renew its sign-in. Reconnect to carry on where you were.',
  reconnect: 'Reconnect',
  reconnecting: 'Reconnecting…',
  failed: (title: string) => `${title} could not be shown.`,
  tryAgain: 'Try again',
} as const;
