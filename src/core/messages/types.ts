import type { ChartReasonMessages } from '../adapter/reasons';

/**
 * Every word a component shows or announces. Strings are said as they are; functions receive values already
 * formatted in the locale (numbers, dates, names), so each language can put them where its grammar wants.
 */
export interface Messages {
  /** Words more than one component says. */
  common: {
    /** The empty state of a card or table. */
    empty: string;
    /** The button that tries a failed request again. */
    retry: string;
    /** An announcement while `name` loads. */
    loading: (name: string) => string;
    /**
     * The error state for data the component could not read or write: an `AdapterError`, a `FormatError`
     * (`invalid-format`) or a `KpiError` (`invalid-input`). Its `code`, the `column` where there is one, and the
     * library's English `message`, which names the column and the problem.
     */
    dataError: (error: { code: string; column?: string; message: string }) => string;
  };
  /** The footer of a card or table: where the numbers come from. */
  provenance: {
    /** `count` rows (`formatted` is the count written in the locale). */
    rows: (count: number, formatted: string) => string;
    /** Follows the row count when the result was cut at a limit. */
    truncated: string;
    /** How long the query took. */
    queryTime: (milliseconds: string) => string;
    /** When the data was last written (`date` is written in the locale). */
    updated: (date: string) => string;
  };
  echart: {
    /** The chart's accessible name when neither `aria-label` nor the option's title names it. */
    label: string;
    /**
     * The templates ECharts' aria module writes the chart's description with (its `aria.label` option). ECharts fills
     * `{title}`, `{seriesCount}`, `{seriesId}`, `{seriesName}`, `{seriesType}`, `{displayCnt}`, `{name}` and `{value}`.
     */
    aria: {
      withTitle: string;
      withoutTitle: string;
      singleWithName: string;
      singleWithoutName: string;
      multiplePrefix: string;
      multipleWithName: string;
      multipleWithoutName: string;
      allData: string;
      partialData: string;
      dataWithName: string;
      dataWithoutName: string;
    };
  };
  chartCard: {
    /** The toolbar's accessible name. */
    actions: (title: string) => string;
    downloadPNG: string;
    downloadSVG: string;
    downloadCSV: string;
    viewTable: string;
    viewSQL: string;
    fullScreen: string;
    /** The full-screen dialog's close button. */
    close: string;
    /** Announced when the chart has rendered. */
    ready: (title: string) => string;
    /** Announced when the table view opens. */
    showingTable: (title: string) => string;
    /** Announced when the SQL view opens. */
    showingSQL: (title: string) => string;
    /** Announced when a download could not be made (`format` is `PNG` or `SVG`). */
    exportFailed: (title: string, format: string) => string;
    /** The accessible name of the table view. */
    tableLabel: (title: string) => string;
    /** The button that shows why `spec: 'auto'` chose its chart. */
    whyChart: string;
  };
  dataTable: {
    /** Read after the null marker's dash. */
    noValue: string;
    /** The first cell of the totals row. */
    total: string;
    /** The accessible name of a column's resize handle. */
    resize: (column: string) => string;
    /** A column's width, said by its resize handle (`width` is written in the locale). */
    width: (width: string) => string;
  };
  kpiTile: {
    /** The label of a previous-period comparison when none is given. */
    previousLabel: string;
    /** The label of a target comparison when none is given. */
    targetLabel: string;
    /** What a target label names: "Q4 target" from "vs Q4 target". */
    targetNoun: (label: string) => string;
    /** The sentence's head: the label, with the period the value covers when there is one. */
    head: (label: string, period: string | undefined) => string;
    /** The sentence while loading. */
    loadingSentence: (head: string) => string;
    /** The sentence in the error state. */
    errorSentence: (head: string, message: string) => string;
    /** The sentence with no value. */
    emptySentence: (head: string) => string;
    /** The sentence's first part: the head and the value. */
    valueSentence: (head: string, value: string) => string;
    /** Joins the sentence's parts. */
    join: (parts: readonly string[]) => string;
    /** A rise, said: "up 15%". */
    up: (amount: string) => string;
    /** A fall, said: "down 15%". */
    down: (amount: string) => string;
    /** A change inside the neutral band, said: "flat (up 0.3%)". */
    flat: (change: string) => string;
    /** No change at all, said. */
    unchanged: string;
    /** A change in percentage points of a rate, shown: "+1.5 pp". */
    pointsShown: (points: string) => string;
    /** The same, said: "1.5 percentage points". */
    pointsSaid: (points: string) => string;
    /** The change and its comparison label, said: "up 15% vs last month". */
    compared: (change: string, label: string) => string;
    /** Progress toward a target: "92% of Q4 target". */
    ofTarget: (percent: string, target: string) => string;
    /** The freshness line under the tile. */
    updated: (date: string) => string;
    /** The same at the end of the sentence. */
    updatedSaid: (date: string) => string;
    /** The progress bar's accessible name. */
    progress: (target: string) => string;
    /** The comparison label `useKpi` gives the previous period: "vs Nov 2025". */
    versus: (period: string) => string;
    /** The error `useKpi` shows when a query failed without a message. */
    loadFailed: string;
  };
  supersetEmbed: {
    /** The iframe's accessible name when no `title` is given. */
    title: string;
    loading: (title: string) => string;
    loaded: (title: string) => string;
    expired: (title: string) => string;
    expiredDetail: string;
    reconnect: string;
    reconnecting: string;
    failed: (title: string) => string;
    /** Why it failed, under `failed`: the `SupersetEmbedError`'s `code` and the library's English `message`. */
    failedDetail: (error: { code: string; message: string }) => string;
    tryAgain: string;
  };
  /** JennyPanel: the conversation, its composer, status and answers. */
  jennyPanel: {
    /** The panel's accessible name. */
    label: string;
    /** The conversation log's accessible name. */
    thread: string;
    /** Who asked, said before a question. */
    you: string;
    /** Who answered, said before an answer. */
    jenny: string;
    /** The composer's label. */
    question: string;
    /** The composer's hint: how to send and how to start a new line. */
    hint: string;
    send: string;
    stop: string;
    /** The status while waiting for the first chunk. */
    asking: string;
    /** The status steps of an answer as it streams. */
    reading: string;
    querying: string;
    summarizing: string;
    done: string;
    /** The status of an answer that was stopped. */
    stopped: string;
    /** The status of an answer that failed. */
    failed: string;
    /** The empty state's heading, with the space's name when it is known. */
    emptyTitle: (space: string) => string;
    /** Above the space's example questions. */
    examples: string;
    /** Above the follow-up questions. */
    followUps: string;
    /** Above the questions Jenny can answer when she asks back or refuses. */
    tryInstead: string;
    /** The SQL's heading. */
    sql: string;
    copy: string;
    copied: string;
    copyFailed: string;
    /** The table's accessible name (`title` is the answer's). */
    table: (title: string) => string;
    /** The day relative periods were counted from (`date` is written in the locale). */
    asOf: (date: string) => string;
    helpful: string;
    notHelpful: string;
    thanks: string;
    feedbackFailed: string;
    /** The button that opens the feedback dialog, and the dialog's parts. */
    comment: string;
    commentTitle: string;
    commentDescription: string;
    commentLabel: string;
    /** The dialog's question: was the answer helpful (answered with `helpful` / `notHelpful`). */
    rating: string;
    sendComment: string;
    cancel: string;
    close: string;
    /** The button that opens the Explain dialog, and the dialog's parts. */
    explain: string;
    explainTitle: string;
    explainDescription: string;
    reasoning: string;
    /** Above the reading's chips: what Jenny read the question as, each part editable. */
    interpretation: string;
    measure: string;
    breakdowns: string;
    addBreakdown: string;
    period: string;
    from: string;
    to: string;
    grain: string;
    /** A time grain's name in the grain chip (`day` … `year`). */
    grains: Record<'day' | 'week' | 'month' | 'quarter' | 'year', string>;
    filters: string;
    /** One filter chip: the dimension's label, its operator and value(s) written out. */
    filter: (
      dimension: string,
      op: 'eq' | 'neq' | 'in' | 'not_in' | 'gt' | 'gte' | 'lt' | 'lte' | 'contains',
      value: string,
    ) => string;
    limit: string;
    /** Nothing chosen in a chip (no grain, no breakdown, no limit). */
    none: string;
    /** A chip's remove button (`label` is the chip's). */
    remove: (label: string) => string;
    rerun: string;
    /** Asks a finished answer's question again (the data may have changed). */
    regenerate: string;
    /** Said of an answer run again from edited chips. */
    edited: string;
    /** The space switcher's label. */
    space: string;
    /** Said after a link in an answer's text: it leaves the page. */
    newTab: string;
  };
  /**
   * What the adapter writes into a chart (`toEChartsOption`, ChartCard): the description screen readers hear, and
   * the name of the category that folds the rest. Functions get labels as the data names them and counts as numbers.
   */
  chart: {
    /** The category the rest are folded into (`topN`). */
    other: string;
    /** That category's name when a kept category already has it: `count` more folded in. */
    otherMore: (other: string, count: number) => string;
    /** A line, area, bar or combo chart of `measures`, along `x`, split into `split.series` series. */
    cartesian: (chart: {
      kind: 'line' | 'area' | 'bar' | 'combo';
      measures: readonly string[];
      x?: string;
      split?: { label: string; series: number };
      /** The number of categories, or of points in time when `time`. */
      count: number;
      time: boolean;
    }) => string;
    /** A pie, donut or funnel of `measure` by `x`: `parts` parts totalling `total` (written in its format). */
    slices: (chart: {
      kind: 'pie' | 'donut' | 'funnel';
      measure: string;
      x?: string;
      parts: number;
      total: string;
    }) => string;
    /** A scatter (a bubble chart when sized) of `y` against `x`. */
    scatter: (chart: { x: string; y: string; size?: string; group?: string; points: number }) => string;
    /** A heatmap of `value` over `x` and `y`: `columns` by `rows` cells. */
    heatmap: (chart: { value: string; x: string; y: string; columns: number; rows: number }) => string;
    /** Follows a description: the highest and lowest values (written in their format) and where they are. */
    extremes: (values: {
      highest: { label: string; value: string };
      lowest: { label: string; value: string };
    }) => string;
  };
  /**
   * Why a chart was chosen (`chooseChart`'s reasons), one sentence per reason code. Optional: where a catalogue
   * leaves it out, the English sentences (`enChartReasons`) load the first time a ChartCard is asked why.
   */
  chartReasons?: ChartReasonMessages;
}

export type PartialMessages = { [Part in keyof Messages]?: Partial<Messages[Part]> };
