/**
 * The one set of status values, from the data client through every hook to every component's `data-state`:
 * `'idle'` nothing asked for; `'loading'` waiting for the first result; `'empty'` a result with no rows;
 * `'ready'` a result with rows; `'error'` the last attempt failed. Components never show `'idle'`.
 */
export type Status = 'idle' | 'loading' | 'empty' | 'ready' | 'error';

/** What a component's root says in `data-state`: every status but `'idle'`. */
export type ComponentStatus = Exclude<Status, 'idle'>;
