import type { Messages } from './types';

let plural: Intl.PluralRules | undefined;
/** English's plural rules, made on first use (a module that loads makes nothing). */
function pluralOf(count: number): Intl.LDMLPluralRule {
  plural ??= new Intl.PluralRules('en');
  return plural.select(count);
}

/** English: Words more than one component says. */
export const enCommon: Messages['common'] = {
  empty: 'No data for this selection.',
  retry: 'Retry',
  loading: (name) => `Loading ${name}`,
  dataError: (error) => error.message,
};

/** English: The footer of a card or table. */
export const enProvenance: Messages['provenance'] = {
  rows: (count, formatted) => `${formatted} ${pluralOf(count) === 'one' ? 'row' : 'rows'}`,
  truncated: '(truncated)',
  queryTime: (ms) => `${ms} ms`,
  updated: (date) => `updated ${date}`,
};

/** English: EChart: its name and the templates of its data description. */
export const enEChart: Messages['echart'] = {
  label: 'Chart',
  // ECharts' own English templates.
  aria: {
    withTitle: 'This is a chart about "{title}"',
    withoutTitle: 'This is a chart',
    singleWithName: ' with type {seriesType} named {seriesName}.',
    singleWithoutName: ' with type {seriesType}.',
    multiplePrefix: '. It consists of {seriesCount} series count.',
    multipleWithName: ' The {seriesId} series is a {seriesType} representing {seriesName}.',
    multipleWithoutName: ' The {seriesId} series is a {seriesType}.',
    allData: 'The data is as follows: ',
    partialData: 'The first {displayCnt} items are: ',
    dataWithName: 'the data for {name} is {value}',
    dataWithoutName: '{value}',
  },
};

/** English: ChartCard. */
export const enChartCard: Messages['chartCard'] = {
  actions: (title) => `${title} actions`,
  downloadPNG: 'Download PNG',
  downloadSVG: 'Download SVG',
  downloadCSV: 'Download CSV',
  viewTable: 'View data as table',
  viewSQL: 'View SQL',
  fullScreen: 'Full screen',
  close: 'Close',
  ready: (title) => `${title}: chart ready`,
  showingTable: (title) => `${title}: showing the data as a table`,
  showingSQL: (title) => `${title}: showing the SQL`,
  exportFailed: (title, format) => `${title}: the ${format} could not be made. Try again.`,
  tableLabel: (title) => `${title}: the data`,
  whyChart: 'Why this chart?',
};

/** English: DataTable. */
export const enDataTable: Messages['dataTable'] = {
  noValue: 'no value',
  total: 'Total',
  resize: (column) => `Resize ${column}`,
  width: (width) => `${width} pixels`,
};

/** English: KpiTile and useKpi. */
export const enKpiTile: Messages['kpiTile'] = {
  previousLabel: 'vs previous period',
  targetLabel: 'vs target',
  targetNoun: (label) => label.replace(/^vs\.?\s+/i, '') || label,
  head: (label, period) => (period ? `${label} (${period})` : label),
  loadingSentence: (head) => `${head}, loading`,
  errorSentence: (head, message) => `${head}, error: ${message}`,
  emptySentence: (head) => `${head}, no data`,
  valueSentence: (head, value) => `${head} ${value}`,
  join: (parts) => parts.join(', '),
  up: (amount) => `up ${amount}`,
  down: (amount) => `down ${amount}`,
  flat: (change) => `flat (${change})`,
  unchanged: 'unchanged',
  pointsShown: (points) => `${points} pp`,
  pointsSaid: (points) => `${points} percentage points`,
  compared: (change, label) => `${change} ${label}`,
  ofTarget: (percent, target) => `${percent} of ${target}`,
  updated: (date) => `Updated ${date}`,
  updatedSaid: (date) => `updated ${date}`,
  progress: (target) => `Progress toward ${target}`,
  versus: (period) => `vs ${period}`,
  loadFailed: 'The KPI could not be loaded.',
};

/** English: SupersetEmbed. */
export const enSupersetEmbed: Messages['supersetEmbed'] = {
  title: 'Superset dashboard',
  loading: (title) => `Loading ${title}…`,
  loaded: (title) => `${title} loaded.`,
  expired: (title) => `Your session with ${title} expired.`,
  expiredDetail: 'The dashboard could not renew its sign-in. Reconnect to carry on where you were.',
  reconnect: 'Reconnect',
  reconnecting: 'Reconnecting…',
  failed: (title) => `${title} could not be shown.`,
  failedDetail: (error) => error.message,
  tryAgain: 'Try again',
};

/** English: JennyPanel. */
export const enJennyPanel: Messages['jennyPanel'] = {
  label: 'Ask Jenny',
  thread: 'Conversation with Jenny',
  you: 'You',
  jenny: 'Jenny',
  question: 'Ask a question about your data',
  hint: 'Enter sends; Shift+Enter starts a new line; Escape stops the answer.',
  send: 'Send',
  stop: 'Stop',
  asking: 'Asking Jenny…',
  reading: 'Reading the question…',
  querying: 'Running the query…',
  summarizing: 'Writing the summary…',
  done: 'Answer ready.',
  stopped: 'Stopped. What arrived is kept.',
  failed: 'Jenny could not answer.',
  emptyTitle: (space) => (space ? `Ask Jenny about ${space}` : 'Ask Jenny about your data'),
  examples: 'Try asking',
  followUps: 'Follow-up questions',
  tryInstead: 'Questions Jenny can answer',
  sql: 'SQL',
  copy: 'Copy SQL',
  copied: 'SQL copied.',
  copyFailed: 'The SQL could not be copied.',
  table: (title) => `${title}: the data`,
  asOf: (date) => `As of ${date}`,
  helpful: 'Helpful',
  notHelpful: 'Not helpful',
  thanks: 'Thanks for the feedback.',
  feedbackFailed: 'The feedback could not be saved.',
  comment: 'Comment…',
  commentTitle: 'Feedback on this answer',
  commentDescription: 'Say what was right or wrong: it is saved with the question and its SQL.',
  commentLabel: 'Comment',
  rating: 'Was the answer helpful?',
  sendComment: 'Send feedback',
  cancel: 'Cancel',
  close: 'Close',
  explain: 'Explain',
  explainTitle: 'How Jenny answered',
  explainDescription:
    'What Jenny read in the question and how she worked out the answer. Change the reading to run it again.',
  reasoning: 'Reasoning',
  interpretation: 'Reading',
  measure: 'Measure',
  breakdowns: 'Breakdowns',
  addBreakdown: 'Add a breakdown',
  period: 'Period',
  from: 'From',
  to: 'To',
  grain: 'Time grain',
  grains: { day: 'Day', week: 'Week', month: 'Month', quarter: 'Quarter', year: 'Year' },
  filters: 'Filters',
  filter: (dimension, op, value) =>
    `${dimension} ${{ eq: 'is', neq: 'is not', in: 'is one of', not_in: 'is none of', gt: 'above', gte: 'at least', lt: 'below', lte: 'at most', contains: 'contains' }[op]} ${value}`,
  limit: 'Limit',
  none: 'None',
  remove: (label) => `Remove ${label}`,
  rerun: 'Run again',
  regenerate: 'Ask again',
  edited: 'Run again from an edited reading.',
  space: 'Space',
  newTab: 'opens in a new tab',
};

const KINDS = {
  line: 'Line chart',
  area: 'Area chart',
  bar: 'Bar chart',
  combo: 'Bar and line chart',
  pie: 'Pie chart',
  donut: 'Donut chart',
  funnel: 'Funnel chart',
} as const;

/** English: what the adapter writes into a chart. */
export const enChart: Messages['chart'] = {
  other: 'Other',
  otherMore: (other, count) => `${other} (${count} more)`,
  cartesian: ({ kind, measures, x, split, count, time }) =>
    `${KINDS[kind]} of ${measures.join(' and ')}${x ? ` by ${x}` : ''}${split ? `, split by ${split.label} into ${split.series} series` : ''}: ${count} ${time ? 'points in time' : 'categories'}.`,
  slices: ({ kind, measure, x, parts, total }) =>
    `${KINDS[kind]} of ${measure}${x ? ` by ${x}` : ''}: ${parts} parts, totalling ${total}.`,
  scatter: ({ x, y, size, group, points }) =>
    `${size ? 'Bubble chart' : 'Scatter chart'} of ${y} against ${x}${size ? `, sized by ${size}` : ''}${group ? `, coloured by ${group}` : ''}: ${points} points.`,
  heatmap: ({ value, x, y, columns, rows }) => `Heatmap of ${value} by ${x} and ${y}: ${columns} by ${rows} cells.`,
  extremes: ({ highest, lowest }) =>
    `Highest: ${highest.label}, ${highest.value}; lowest: ${lowest.label}, ${lowest.value}.`,
};

/**
 * English, the default catalogue. Each part is also its own export, so that a component loads only the parts it says
 * (a KpiTile app never loads the ChartCard's words).
 */
export const en: Messages = {
  common: enCommon,
  provenance: enProvenance,
  echart: enEChart,
  chartCard: enChartCard,
  dataTable: enDataTable,
  kpiTile: enKpiTile,
  supersetEmbed: enSupersetEmbed,
  jennyPanel: enJennyPanel,
  chart: enChart,
};
