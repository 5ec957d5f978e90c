/**
 * What the card shows only when asked: the full-screen dialog (Radix), the data view's table (the DataTable and
 * TanStack Virtual) and the downloads. A first paint needs none of it, so the card loads this module the first time
 * someone opens one of them.
 *
 * The build publishes it as one self-contained file, with its own copy of the library modules it uses (see
 * tsup.config.ts). esbuild's code splitting gives every module that a lazily loaded chunk shares with the root
 * entry's graph to the first load of every app importing the root, split into chunks by who shares them: shared
 * modules cost a KpiTile app 2 KiB gzip. Being self-contained, this module reads no React context of the
 * library's: the card passes it the words, the locale and the theme mode.
 */
export { DataTable } from '../data-table/data-table';
export { downloadCSV, downloadImage } from './downloads';
export { FullScreen } from './full-screen';
