export { DataTable } from './data-table';
export { dataTableToCSV } from './model';
export type {
  DataTableAggregate,
  DataTableAlign,
  DataTableApi,
  DataTableColumn,
  DataTableCSVOptions,
  DataTableProps,
  DataTableSort,
  DataTableSortDirection,
  DataTableState,
  DataTableTotals,
} from './types';
