// biome-ignore-all lint/a11y/useSemanticElements: a virtualized grid positions its rows absolutely; ARIA roles on divs keep their meaning under any CSS, where <table> parts with display overrides lose it in some browsers.
// biome-ignore-all lint/a11y/useFocusableInteractive: in a grid the cells take focus (roving tabindex); rows and column headers are not focus stops.
import {
  type FocusEvent,
  forwardRef,
  type KeyboardEvent,
  type MouseEvent,
  type PointerEvent,
  type ReactNode,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { LazyTable } from '../../core/adapter/lazy-table';
import { FormatError } from '../../core/format';
import type { Messages } from '../../core/messages';
import { enCommon, enDataTable, enProvenance } from '../../core/messages/en';
import { cn } from '../lib/cn';
import { useWords } from '../lib/messages';
import { ProvenanceFooter } from '../lib/provenance';
import {
  cellText,
  isMismatch,
  MAX_TEXT,
  MAX_WIDTH,
  MIN_WIDTH,
  prepare,
  rowAt,
  sortOrder,
  type TotalCell,
  toCSV,
  totalsRow,
  type ViewColumn,
  viewColumns,
} from './model';
import { useRowWindow } from './row-window';
import type { DataTableAlign, DataTableProps, DataTableSort, DataTableState } from './types';

const ENGLISH = { common: enCommon, dataTable: enDataTable, provenance: enProvenance };

/** Pixels a resize key press moves a column edge; with Shift, four times as far. */
const RESIZE_STEP = 16;

const ALIGN: Record<DataTableAlign, string> = {
  start: 'ip:text-start',
  center: 'ip:text-center',
  end: 'ip:text-end',
};

const HEADER_ALIGN: Record<DataTableAlign, string> = {
  start: 'ip:justify-start',
  center: 'ip:justify-center',
  // The icon goes before the label, so labels line up with the values under them.
  end: 'ip:flex-row-reverse ip:justify-start',
};

const nullMarkerOf = (noValue: string) => (
  <>
    <span aria-hidden="true">—</span>
    <span className="ip:sr-only">{noValue}</span>
  </>
);

function SortIcon({ direction }: { direction: DataTableSort['direction'] | undefined }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 16 16"
      width="12"
      height="12"
      data-slot="data-table-sort-icon"
      className={cn('ip:shrink-0', !direction && 'ip:opacity-40')}
      fill="currentColor"
    >
      {direction !== 'desc' && <path d="M8 2 12.5 7h-9z" />}
      {direction !== 'asc' && <path d="M8 14 3.5 9h9z" />}
    </svg>
  );
}

const isRtl = (element: Element | null) => !!element && getComputedStyle(element).direction === 'rtl';

/**
 * A table of a result set: typed columns formatted from their metadata, sorting, resizable columns,
 * in-cell bars, a totals row and CSV export. Rows are virtualized, so 100,000 rows render as fast as 30.
 * It is an ARIA grid: the header buttons sort, and one cell of the body is in the tab order; arrow keys
 * move between cells, Home and End to the row's ends (with Ctrl, the first and last row), Page Up and
 * Page Down by a screenful, Enter or Space click the row. Its ref is the root element.
 */
export const DataTable = forwardRef<HTMLDivElement, DataTableProps>(function DataTable(
  {
    data,
    columns,
    label,
    locale: localeProp,
    height = 400,
    rowHeight = 32,
    overscan = 8,
    sort: sortProp,
    defaultSort = null,
    onSortChange,
    totals,
    nullMarker: nullMarkerProp,
    onRowClick,
    loading,
    error,
    emptyMessage: emptyMessageProp,
    provenance,
    messages: messagesProp,
    apiRef,
    className,
    ...props
  }: DataTableProps,
  ref,
) {
  const { locale, words: messages } = useWords({ locale: localeProp, messages: messagesProp }, ENGLISH);
  const emptyMessage = emptyMessageProp ?? messages.common.empty;
  const noValue = messages.dataTable.noValue;
  const nullMarker = useMemo(() => nullMarkerProp ?? nullMarkerOf(noValue), [nullMarkerProp, noValue]);
  const prepared = useMemo(() => (data === undefined ? undefined : prepare(data)), [data]);
  const table = prepared?.table;
  // Overrides are plain data: keyed by their JSON, an object written inline does not rebuild every column.
  const columnsKey = columns ? JSON.stringify(columns) : '';
  const view = useMemo(() => {
    if (!table) return undefined;
    try {
      return { columns: viewColumns(table, columnsKey ? JSON.parse(columnsKey) : undefined, locale), error: undefined };
    } catch (caught) {
      if (caught instanceof FormatError) return { columns: undefined, error: caught };
      throw caught;
    }
  }, [table, columnsKey, locale]);
  const shown = view?.columns;

  const [innerSort, setInnerSort] = useState<DataTableSort | null>(defaultSort);
  const controlled = sortProp !== undefined;
  const sort = controlled ? sortProp : innerSort;
  const sortColumn = sort?.column;
  const sortDirection = sort?.direction;
  const order = useMemo(
    () =>
      table && sortColumn && sortDirection
        ? sortOrder(table, { column: sortColumn, direction: sortDirection }, locale)
        : undefined,
    [table, sortColumn, sortDirection, locale],
  );
  // The sort the table shows: none when it names a column that is not there.
  const activeSort = order && sortColumn && sortDirection ? { column: sortColumn, direction: sortDirection } : null;
  const toggleSort = (column: string) => {
    const next: DataTableSort | null =
      activeSort?.column !== column
        ? { column, direction: 'asc' }
        : activeSort.direction === 'asc'
          ? { column, direction: 'desc' }
          : null;
    if (!controlled) setInnerSort(next);
    onSortChange?.(next);
  };

  const totalsKey = totals ? JSON.stringify(totals) : '';
  const totalCells = useMemo(
    () => (shown && totalsKey ? totalsRow(shown, JSON.parse(totalsKey), locale, table?.columns) : undefined),
    [shown, totalsKey, locale, table],
  );

  const scrollRef = useRef<(index: number) => void>(undefined);
  useImperativeHandle(
    apiRef,
    () => ({
      exportCSV: (options) => (table && shown ? toCSV(shown, table.rowCount, order, options) : ''),
      scrollToRow: (index) => scrollRef.current?.(index),
    }),
    [table, shown, order],
  );

  let state: DataTableState;
  let message: string | undefined;
  if (loading) {
    state = 'loading';
  } else if (error) {
    state = 'error';
    message = typeof error === 'string' ? error : error.message;
  } else if (prepared?.error || view?.error) {
    state = 'error';
    const problem = prepared?.error ?? view?.error;
    message = problem ? messages.common.dataError(problem) : undefined;
  } else if (!table || !shown || shown.length === 0 || table.rowCount === 0) {
    state = 'empty';
  } else {
    state = 'ready';
  }

  let body: ReactNode;
  if (state === 'loading') {
    body = (
      <>
        <div
          aria-hidden="true"
          data-slot="data-table-skeleton"
          style={{ height }}
          className="ip:animate-pulse ip:rounded-ip-md ip:bg-ip-surface-variant"
        />
        <span role="status" data-slot="data-table-status" className="ip:sr-only">
          {messages.common.loading(label)}
        </span>
      </>
    );
  } else if (state === 'error') {
    body = (
      <div
        role="alert"
        data-slot="data-table-error"
        style={{ minHeight: Math.min(height, 120) }}
        className="ip:flex ip:items-center ip:rounded-ip-md ip:border ip:border-solid ip:border-ip-outline-variant ip:p-4 ip:text-ip-error"
      >
        {message}
      </div>
    );
  } else if (state === 'empty') {
    body = (
      <p
        data-slot="data-table-empty"
        style={{ minHeight: Math.min(height, 120) }}
        className="ip:m-0 ip:flex ip:items-center ip:justify-center ip:rounded-ip-md ip:border ip:border-solid ip:border-ip-outline-variant ip:p-4 ip:text-ip-on-surface-variant"
      >
        {emptyMessage}
      </p>
    );
  } else if (table && shown) {
    body = (
      <Grid
        table={table}
        columns={shown}
        order={order}
        sort={activeSort}
        onSort={toggleSort}
        totals={totalCells}
        label={label}
        words={messages.dataTable}
        height={height}
        rowHeight={rowHeight}
        overscan={overscan}
        nullMarker={nullMarker}
        onRowClick={onRowClick}
        scrollRef={scrollRef}
      />
    );
  }

  return (
    <div
      {...props}
      ref={ref}
      data-slot="data-table"
      data-state={state}
      aria-busy={state === 'loading' || undefined}
      className={cn('ip:min-w-0 ip:font-ip-sans ip:text-ip-sm ip:text-ip-on-surface', className)}
    >
      {body}
      {state === 'ready' && (
        <ProvenanceFooter
          slot="data-table-provenance"
          className="ip:mt-2"
          provenance={provenance}
          rows={provenance ? table?.rowCount : undefined}
          locale={locale}
          messages={messages.provenance}
        />
      )}
    </div>
  );
});

interface GridProps {
  table: LazyTable;
  columns: readonly ViewColumn[];
  order: Int32Array | undefined;
  sort: DataTableSort | null;
  onSort: (column: string) => void;
  totals: readonly TotalCell[] | undefined;
  label: string;
  words: Messages['dataTable'];
  height: number;
  rowHeight: number;
  overscan: number;
  nullMarker: ReactNode;
  onRowClick: DataTableProps['onRowClick'];
  scrollRef: { current: ((index: number) => void) | undefined };
}

/** The ready table: a scrolling ARIA grid with a sticky header, virtualized rows and a sticky totals row. */
function Grid({
  table,
  columns,
  order,
  sort,
  onSort,
  totals,
  label,
  words,
  height,
  rowHeight,
  overscan,
  nullMarker,
  onRowClick,
  scrollRef,
}: GridProps) {
  const gridRef = useRef<HTMLDivElement>(null);
  const [widths, setWidths] = useState<Readonly<Record<string, number>>>({});
  const [active, setActive] = useState({ row: 0, col: 0 });
  // Set by keyboard moves: the next commit scrolls the active cell into view and focuses it.
  const focusPending = useRef(false);

  const { rowCount } = table;
  const lastRow = rowCount - 1 + (totals ? 1 : 0);
  const activeRow = Math.max(0, Math.min(active.row, lastRow));
  const activeCol = Math.max(0, Math.min(active.col, columns.length - 1));
  const headerHeight = rowHeight + 8;
  const footerHeight = totals ? rowHeight : 0;

  const widthOf = (column: ViewColumn) => widths[column.name] ?? column.width;
  const setWidth = (name: string, width: number) =>
    setWidths((current) => ({ ...current, [name]: Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width))) }));
  const template = `${columns.map((c) => `${widthOf(c)}px`).join(' ')} minmax(0, 1fr)`;
  const totalWidth = columns.reduce((sum, c) => sum + widthOf(c), 0);

  // Only the rows in view (and `overscan` more) are rendered; the active row stays rendered while
  // scrolled away, so the grid keeps its tab stop and focus.
  const { rows, scrollToRow } = useRowWindow(gridRef, {
    count: rowCount,
    rowHeight,
    overscan,
    // The sticky header and totals row sit inside the scroll viewport, before and after the rows.
    before: headerHeight,
    after: footerHeight,
    initialHeight: height,
    keep: activeRow,
  });

  useLayoutEffect(() => {
    scrollRef.current = (index: number) => scrollToRow(index, 'start');
    return () => {
      scrollRef.current = undefined;
    };
  }, [scrollToRow, scrollRef]);

  // After every commit (a move to the cell already active commits too): scroll and focus a keyboard move.
  useLayoutEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    if (activeRow < rowCount) scrollToRow(activeRow, 'auto');
    gridRef.current?.querySelector<HTMLElement>(`[data-row="${activeRow}"][data-col="${activeCol}"]`)?.focus();
  });

  const moveTo = (row: number, col: number) => {
    focusPending.current = true;
    setActive({ row: Math.max(0, Math.min(row, lastRow)), col: Math.max(0, Math.min(col, columns.length - 1)) });
  };
  const clickRow = (position: number) => {
    if (!onRowClick || position >= rowCount) return;
    const index = order ? (order[position] as number) : position;
    onRowClick(rowAt(table, index), index);
  };
  const focusHeader = (col: number) =>
    gridRef.current?.querySelector<HTMLElement>(`[data-slot="data-table-sort"][data-col="${col}"]`)?.focus();

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    if (target.getAttribute('role') !== 'gridcell' || target.dataset.row === undefined) return;
    const row = Number(target.dataset.row);
    const col = Number(target.dataset.col);
    const page = Math.max(
      1,
      Math.floor(((gridRef.current?.clientHeight || height) - headerHeight - footerHeight) / rowHeight),
    );
    const forward = isRtl(gridRef.current) ? -1 : 1;
    const ctrl = event.ctrlKey || event.metaKey;
    switch (event.key) {
      case 'ArrowDown':
        moveTo(row + 1, col);
        break;
      case 'ArrowUp':
        if (row === 0) focusHeader(col);
        else moveTo(row - 1, col);
        break;
      case 'ArrowRight':
        moveTo(row, col + forward);
        break;
      case 'ArrowLeft':
        moveTo(row, col - forward);
        break;
      case 'Home':
        moveTo(ctrl ? 0 : row, ctrl ? col : 0);
        break;
      case 'End':
        moveTo(ctrl ? lastRow : row, ctrl ? col : columns.length - 1);
        break;
      case 'PageDown':
        moveTo(row + page, col);
        break;
      case 'PageUp':
        moveTo(row - page, col);
        break;
      case 'Enter':
      case ' ':
        if (!onRowClick) return;
        clickRow(row);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    const { row, col } = event.target.dataset;
    if (event.target.getAttribute('role') !== 'gridcell' || row === undefined || col === undefined) return;
    if (Number(row) !== activeRow || Number(col) !== activeCol) setActive({ row: Number(row), col: Number(col) });
  };

  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-slot="data-table-row"]');
    if (row?.dataset.row !== undefined) clickRow(Number(row.dataset.row));
  };

  const onHeaderKeyDown = (event: KeyboardEvent<HTMLButtonElement>, col: number) => {
    if (event.key !== 'ArrowDown') return;
    event.preventDefault();
    moveTo(0, col);
  };

  const onResizeKeyDown = (event: KeyboardEvent<HTMLDivElement>, column: ViewColumn) => {
    const step = event.shiftKey ? RESIZE_STEP * 4 : RESIZE_STEP;
    // A separator moves the way the arrow points; in a right-to-left table the column's end is its left edge.
    const grow = isRtl(gridRef.current) ? -1 : 1;
    const width = widthOf(column);
    const next =
      event.key === 'ArrowRight'
        ? width + step * grow
        : event.key === 'ArrowLeft'
          ? width - step * grow
          : event.key === 'Home'
            ? MIN_WIDTH
            : event.key === 'End'
              ? MAX_WIDTH
              : undefined;
    if (next === undefined) return;
    event.preventDefault();
    setWidth(column.name, next);
  };

  const onResizePointerDown = (event: PointerEvent<HTMLDivElement>, column: ViewColumn) => {
    if (event.button !== 0) return;
    event.preventDefault();
    const handle = event.currentTarget;
    const startX = event.clientX;
    const startWidth = widthOf(column);
    const grow = isRtl(gridRef.current) ? -1 : 1;
    handle.setPointerCapture?.(event.pointerId);
    handle.focus();
    const move = (e: globalThis.PointerEvent) => setWidth(column.name, startWidth + (e.clientX - startX) * grow);
    const end = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', end);
      handle.removeEventListener('pointercancel', end);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', end);
    handle.addEventListener('pointercancel', end);
  };

  const rowStyle = { gridTemplateColumns: template, height: rowHeight };
  const lineHeight = `${rowHeight - 1}px`;
  const groupStyle = { width: totalWidth, minWidth: '100%' };

  return (
    <div
      ref={gridRef}
      role="grid"
      aria-label={label}
      aria-rowcount={rowCount + 1 + (totals ? 1 : 0)}
      aria-colcount={columns.length}
      aria-readonly="true"
      data-slot="data-table-grid"
      onKeyDown={onKeyDown}
      onFocus={onFocus}
      onClick={onClick}
      style={{ maxHeight: height, scrollPaddingTop: headerHeight, scrollPaddingBottom: footerHeight }}
      className="ip:relative ip:box-border ip:overflow-auto ip:rounded-ip-md ip:border ip:border-solid ip:border-ip-outline-variant ip:bg-ip-surface"
    >
      <div
        role="rowgroup"
        data-slot="data-table-header"
        style={groupStyle}
        className="ip:sticky ip:top-0 ip:z-20 ip:bg-ip-surface-container"
      >
        <div
          role="row"
          aria-rowindex={1}
          data-slot="data-table-header-row"
          style={{ gridTemplateColumns: template, height: headerHeight }}
          className="ip:box-border ip:grid ip:border-0 ip:border-b ip:border-solid ip:border-ip-outline-variant"
        >
          {columns.map((column, col) => {
            const direction = sort?.column === column.name ? sort.direction : undefined;
            const width = widthOf(column);
            return (
              <div
                key={column.name}
                role="columnheader"
                // Named by its label alone: the resize handle inside has a name of its own.
                aria-label={column.label}
                aria-sort={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : undefined}
                data-slot="data-table-column-header"
                data-sort={direction}
                data-align={column.align}
                className="ip:relative ip:flex ip:min-w-0"
              >
                <button
                  type="button"
                  data-slot="data-table-sort"
                  data-col={col}
                  title={column.label}
                  onClick={() => onSort(column.name)}
                  onKeyDown={(event) => onHeaderKeyDown(event, col)}
                  className={cn(
                    'ip:flex ip:h-full ip:w-full ip:min-w-0 ip:cursor-pointer ip:items-center ip:gap-1 ip:border-0 ip:bg-transparent ip:py-0 ip:ps-2 ip:pe-3',
                    'ip:font-ip-sans ip:text-ip-sm ip:font-ip-semibold ip:text-ip-on-surface-variant ip:hover:text-ip-on-surface',
                    'ip:focus-visible:outline-2 ip:focus-visible:-outline-offset-2 ip:focus-visible:outline-ip-primary',
                    HEADER_ALIGN[column.align],
                  )}
                >
                  <span data-slot="data-table-column-label" className="ip:truncate">
                    {column.label}
                  </span>
                  <SortIcon direction={direction} />
                </button>
                <div
                  role="separator"
                  aria-orientation="vertical"
                  aria-label={words.resize(column.label)}
                  aria-valuenow={width}
                  aria-valuemin={MIN_WIDTH}
                  aria-valuemax={MAX_WIDTH}
                  aria-valuetext={words.width(String(width))}
                  tabIndex={0}
                  data-slot="data-table-resize"
                  onKeyDown={(event) => onResizeKeyDown(event, column)}
                  onPointerDown={(event) => onResizePointerDown(event, column)}
                  className={cn(
                    'ip:absolute ip:inset-y-0 ip:-end-1 ip:z-10 ip:w-2 ip:cursor-col-resize ip:touch-none ip:select-none',
                    'ip:before:absolute ip:before:inset-y-2 ip:before:start-[3px] ip:before:w-0.5 ip:before:bg-ip-outline-variant',
                    'ip:hover:before:bg-ip-primary ip:focus-visible:outline-2 ip:focus-visible:outline-ip-primary ip:focus-visible:before:bg-ip-primary',
                  )}
                />
              </div>
            );
          })}
        </div>
      </div>
      <div
        role="rowgroup"
        data-slot="data-table-body"
        style={{ ...groupStyle, height: rowCount * rowHeight }}
        className="ip:relative"
      >
        {rows.map((position) => {
          const index = order ? (order[position] as number) : position;
          return (
            <div
              key={position}
              role="row"
              aria-rowindex={position + 2}
              data-slot="data-table-row"
              data-row={position}
              data-clickable={onRowClick ? '' : undefined}
              style={{ ...rowStyle, transform: `translateY(${position * rowHeight}px)` }}
              className={cn(
                'ip:absolute ip:start-0 ip:top-0 ip:box-border ip:grid ip:w-full ip:border-0 ip:border-b ip:border-solid ip:border-ip-outline-variant ip:hover:bg-ip-surface-container',
                onRowClick && 'ip:cursor-pointer',
              )}
            >
              {columns.map((column, col) => {
                // Only the rendered cells are read (and converted, the first time).
                const value = column.column.at(index);
                const missing = value === null;
                // A value that did not fit its column's type is shown as the text it is.
                const mismatch = isMismatch(column.column, value);
                const text = missing ? '' : cellText(column, value);
                const cut = text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
                // A title where the text probably overflows its column (about 7px a character).
                const title = !missing && text.length * 7 > widthOf(column) - 16 ? cut : undefined;
                const bar = column.bar && typeof value === 'number' && column.barMax > 0;
                return (
                  <div
                    key={column.name}
                    role="gridcell"
                    tabIndex={position === activeRow && col === activeCol ? 0 : -1}
                    data-slot="data-table-cell"
                    data-row={position}
                    data-col={col}
                    data-null={missing ? '' : undefined}
                    data-mismatch={mismatch ? '' : undefined}
                    title={title}
                    style={{ lineHeight }}
                    className={cn(
                      'ip:relative ip:min-w-0 ip:overflow-hidden ip:px-2 ip:text-ellipsis ip:whitespace-nowrap',
                      'ip:focus-visible:outline-2 ip:focus-visible:-outline-offset-2 ip:focus-visible:outline-ip-primary',
                      ALIGN[column.align],
                      column.column.type === 'number' && !mismatch && 'ip:tabular-nums',
                      missing && 'ip:text-ip-on-surface-variant',
                    )}
                  >
                    {bar && (
                      <span
                        aria-hidden="true"
                        data-slot="data-table-bar"
                        data-negative={typeof value === 'number' && value < 0 ? '' : undefined}
                        style={{ width: `${(Math.abs(value as number) / column.barMax) * 100}%` }}
                        className="ip:pointer-events-none ip:absolute ip:inset-y-1 ip:start-0 ip:rounded-ip-sm ip:bg-ip-primary-container ip:data-negative:bg-ip-error/25"
                      />
                    )}
                    {missing ? (
                      nullMarker
                    ) : (
                      <span
                        dir={column.column.type === 'string' || mismatch ? 'auto' : undefined}
                        className="ip:relative"
                      >
                        {cut}
                      </span>
                    )}
                  </div>
                );
              })}
            </div>
          );
        })}
      </div>
      {totals && (
        <div
          role="rowgroup"
          data-slot="data-table-footer"
          style={groupStyle}
          className="ip:sticky ip:bottom-0 ip:z-20 ip:bg-ip-surface-container"
        >
          <div
            role="row"
            aria-rowindex={rowCount + 2}
            data-slot="data-table-totals"
            style={rowStyle}
            className="ip:box-border ip:grid ip:border-0 ip:border-t ip:border-solid ip:border-ip-outline-variant ip:font-ip-semibold"
          >
            {totals.map((cell, col) => (
              <div
                key={columns[col]?.name ?? col}
                role="gridcell"
                tabIndex={rowCount === activeRow && col === activeCol ? 0 : -1}
                data-slot="data-table-total"
                data-row={rowCount}
                data-col={col}
                data-aggregate={cell.kind}
                style={{ lineHeight }}
                className={cn(
                  'ip:min-w-0 ip:overflow-hidden ip:px-2 ip:text-ellipsis ip:whitespace-nowrap ip:tabular-nums',
                  'ip:focus-visible:outline-2 ip:focus-visible:-outline-offset-2 ip:focus-visible:outline-ip-primary',
                  ALIGN[columns[col]?.align ?? 'start'],
                )}
              >
                {col === 0 && !cell.kind ? words.total : cell.text}
              </div>
            ))}
          </div>
        </div>
      )}
    </div>
  );
}
