import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import {
  AdapterError,
  type ChartChoice,
  type ChartSpec,
  chooseChart,
  type Row,
  type Table,
  toEChartsOption,
  toTable,
} from '../../core/adapter';
import type { ChartCardProps, ChartCardState } from './types';

export interface ChartCardModel {
  state: ChartCardState;
  /** What the card says in the empty and error states. */
  message: string | undefined;
  table: Table | undefined;
  option: EChartsCoreOption | undefined;
  /** The chart `spec: 'auto'` chose, with its reason. */
  choice: ChartChoice | undefined;
  /** Row `i` of the data as an object (for point clicks). */
  rowAt(index: number): Row;
}

const NO_TABLE = (index: number): Row => ({ index });

/** Derives the card's state, table and option from its props. Adapter errors become the error state. */
export function useChartCard({
  data,
  spec = 'auto',
  option,
  locale,
  loading,
  error,
  emptyMessage,
  dataError,
}: Pick<ChartCardProps, 'data' | 'spec' | 'option' | 'loading' | 'error'> & {
  locale: string;
  emptyMessage: string;
  /** The words for data the card could not read (an AdapterError), from the messages catalogue. */
  dataError: (error: AdapterError) => string;
}): ChartCardModel {
  // A spec is plain data: keyed by its JSON, a spec written inline does not rebuild the chart on
  // every render of the parent.
  const specKey = spec === 'auto' ? 'auto' : JSON.stringify(spec);
  const derived = useMemo(() => {
    if (option) return { table: undefined, option, choice: undefined, problem: undefined };
    if (data === undefined) return { table: undefined, option: undefined, choice: undefined, problem: undefined };
    try {
      const table = toTable(data);
      const choice = specKey === 'auto' && table.rowCount > 0 ? chooseChart(table) : undefined;
      const chosen: ChartSpec | undefined = specKey === 'auto' ? choice : (JSON.parse(specKey) as ChartSpec);
      const built = chosen ? toEChartsOption(table, chosen, { locale }) : undefined;
      return { table, option: built, choice, problem: undefined };
    } catch (caught) {
      if (caught instanceof AdapterError)
        return { table: undefined, option: undefined, choice: undefined, problem: caught };
      throw caught;
    }
  }, [data, specKey, option, locale]);

  let state: ChartCardState;
  let message: string | undefined;
  if (loading) {
    state = 'loading';
  } else if (error) {
    state = 'error';
    message = typeof error === 'string' ? error : error.message;
  } else if (derived.problem?.code === 'empty' || (derived.table && derived.table.rowCount === 0)) {
    state = 'empty';
    message = emptyMessage;
  } else if (derived.problem) {
    state = 'error';
    message = dataError(derived.problem);
  } else if (!derived.option) {
    state = 'empty';
    message = emptyMessage;
  } else {
    state = 'ready';
  }

  const table = derived.table;
  const rowAt = useMemo(
    () =>
      table
        ? (index: number): Row =>
            Object.fromEntries(
              table.columns.map((c) => {
                const value = c.values[index] ?? null;
                return [c.name, c.type === 'date' && typeof value === 'number' ? new Date(value) : value];
              }),
            )
        : NO_TABLE,
    [table],
  );
  return { state, message, table, option: derived.option, choice: derived.choice, rowAt };
}
