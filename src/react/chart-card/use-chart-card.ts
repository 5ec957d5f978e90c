import type { EChartsCoreOption } from 'echarts/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { FREQUENT_BUILDERS } from '../../core/adapter/build';
import type { ChartChoice } from '../../core/adapter/choose';
import { deriveChart } from '../../core/adapter/derive';
import { AdapterError } from '../../core/adapter/errors';
import type { Table } from '../../core/adapter/table';
import type { ChartSpec, DataInput, ResultSet, Row } from '../../core/adapter/types';
import { loadedRareBuilders, loadRareBuilders } from '../../core/echarts/on-demand';
import { echartsMajorVersion } from '../../core/echarts/setup';
import type { Messages } from '../../core/messages/types';
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
  words,
}: Pick<ChartCardProps, 'data' | 'spec' | 'option' | 'loading' | 'error'> & {
  locale: string;
  emptyMessage: string;
  /** The words for data the card could not read (an AdapterError), from the messages catalogue. */
  dataError: (error: AdapterError) => string;
  /** The words the adapter writes into the option (its description, "Other"). */
  words: Messages['chart'];
}): ChartCardModel {
  // A spec is plain data: keyed by its JSON, a spec written inline does not rebuild the chart on
  // every render of the parent.
  const specKey = spec === 'auto' ? 'auto' : JSON.stringify(spec);
  // Data keyed by what it holds, not the object around it: `data={{ rows, meta }}` written inline keeps its
  // chart (and its one setOption) until the rows or the metadata change. Rows are never deep-compared.
  const stable = useStableData(data);
  // Scatter and heatmap builders come with ECharts' rare chunk: the first such chart waits for it (state loading).
  const [rare, setRare] = useState(loadedRareBuilders);
  const [rareFailure, setRareFailure] = useState<unknown>();
  const derived = useMemo(() => {
    const none = {
      table: undefined,
      option: undefined,
      choice: undefined,
      problem: undefined as AdapterError | undefined,
      waiting: false,
      rowAt: NO_TABLE,
    };
    if (option) return { ...none, option };
    if (stable === undefined) return none;
    try {
      // One scan of the data, then the option from the rows (see deriveChart): no table of every cell up front.
      const chart = deriveChart(
        stable,
        specKey === 'auto' ? 'auto' : (JSON.parse(specKey) as ChartSpec),
        { locale, messages: words, echartsVersion: echartsMajorVersion },
        { ...FREQUENT_BUILDERS, ...rare },
      );
      return { ...chart, problem: undefined };
    } catch (caught) {
      if (caught instanceof AdapterError) return { ...none, problem: caught };
      throw caught;
    }
  }, [stable, specKey, option, locale, words, rare]);
  const waiting = derived.waiting;
  useEffect(() => {
    if (!waiting) return;
    let live = true;
    loadRareBuilders().then(
      (builders) => live && setRare(builders),
      (failure: unknown) => live && setRareFailure(failure),
    );
    return () => {
      live = false;
    };
  }, [waiting]);
  // As in EChart: a chunk that fails to load goes to the error boundary.
  if (rareFailure !== undefined) throw rareFailure;

  let state: ChartCardState;
  let message: string | undefined;
  if (loading) {
    state = 'loading';
  } else if (error) {
    state = 'error';
    message = typeof error === 'string' ? error : error.message;
  } else if (waiting) {
    state = 'loading';
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

  return { state, message, table: derived.table, option: derived.option, choice: derived.choice, rowAt: derived.rowAt };
}

/** The same result set: the same object, or one around the same rows, columns and metadata. */
function sameData(a: DataInput | undefined, b: DataInput | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || Array.isArray(a) || Array.isArray(b)) return false;
  const x = a as ResultSet;
  const y = b as ResultSet;
  return x.rows === y.rows && x.columns === y.columns && x.meta === y.meta;
}

/** `data`, or the object held before when it holds the same rows, columns and metadata (see `sameData`). */
function useStableData(data: DataInput | undefined): DataInput | undefined {
  const held = useRef(data);
  if (!sameData(held.current, data)) held.current = data;
  return held.current;
}
