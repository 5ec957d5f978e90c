/**
 * The data view's table, loaded when "View data as table" is first opened. The build publishes it as
 * one file with the DataTable's own modules inside (see tsup.config.ts): a bundler that splits code by
 * file (esbuild) puts every module that both a lazily loaded chunk and the root entry reach into the
 * first load, which would put the DataTable into every app that imports anything from the root.
 */
export { DataTable as default } from '../data-table/data-table';
