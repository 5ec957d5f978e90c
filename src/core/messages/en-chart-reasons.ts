import type { ChartReasonMessages } from '../adapter/reasons';

/** `a`, `a and b`, `a, b and c`. */
const and = (items: readonly string[]) =>
  items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

const SEQUENCES = {
  numbers: 'numbers, in ascending order',
  weekdays: 'weekday names, in their given order',
  months: 'month names, in their given order',
} as const;

/**
 * Why a chart was chosen, in English. Kept out of the `en` catalogue: a ChartCard loads it when someone first asks
 * why, so an app pays for these sentences only then (an app's catalogue can carry its own as `chartReasons`).
 */
export const enChartReasons: ChartReasonMessages = {
  trend: ({ measures, time, series, summed }) => {
    const one = measures.length === 1;
    const what = series
      ? `${measures[0]} over ${time}, one line per ${series}`
      : `${one ? measures[0] : 'the measures'} over ${time}`;
    const over = summed.map((s) => `the ${s.values} ${s.label} values`).join(' and ');
    const why = one && !series ? ', too many for a line each' : '';
    const sum = summed.length ? ` ${one ? measures[0] : 'Each measure'} is summed per period over ${over}${why}.` : '';
    return `Time plus a measure: a line shows the trend of ${what}.${sum}`;
  },
  area: ({ series }) =>
    series
      ? `Stacked areas show how each ${series} adds to the total over time.`
      : 'An area emphasises volume over time.',
  periods: () => 'Bars compare the periods one by one.',
  stacked: ({ measure, x, split, splitValues }) =>
    `${splitValues === undefined ? '' : `Two dimensions and a measure, with ${split} (${splitValues} values, the fewer) small enough to colour: `}Stacked bars show ${measure} by ${x}, split into ${split}.`,
  'grouped-split': ({ split }) => `Grouped bars compare each ${split} side by side.`,
  heatmap: ({ measure, x, split, values }) =>
    `${values ? `Two dimensions and a measure, both with too many values to colour (${x} ${values.x}, ${split} ${values.split}): ` : ''}A heatmap shows ${measure} for every ${x} and ${split} pair.`,
  ranked: ({ measure, dimension, count, notWhole }) =>
    `${notWhole ? `${measure} is an average, rate, share or price, not parts of a whole, so no donut: ` : ''}Bars sorted by ${measure} rank the ${count} ${dimension} values.`,
  horizontal: ({ measure, count, top }) =>
    `Many categories: horizontal bars sorted by ${measure} keep ${count} long labels readable${top ? `, the top ${top} and the rest as "Other"` : ''}.`,
  'top-bars': ({ dimension, top }) => `Vertical bars fit the top ${top} ${dimension} values.`,
  donut: ({ measure, dimension, count }) =>
    `${count} categories as shares of a whole: a donut shows each ${dimension}'s part of ${measure}.`,
  pie: () => 'A pie shows the same shares without the hole.',
  funnel: ({ measure, dimension }) =>
    `Stages that only narrow: a funnel shows how ${measure} falls from one ${dimension} to the next.`,
  'stage-bars': () => 'Bars in stage order compare the stages exactly.',
  sequence: ({ measure, dimension, count, sequence }) =>
    `${dimension} is a sequence (${SEQUENCES[sequence]}): bars keep that order to show how ${measure} changes across its ${count} values.`,
  'sequence-line': ({ measure, dimension }) =>
    `A line in ${dimension} order shows the shape of ${measure} across the sequence.`,
  combo: ({ bars, line }) =>
    `${bars} and ${line} differ tenfold in scale: bars for ${bars}, a line on a second axis for ${line}.`,
  grouped: ({ measures, dimension }) =>
    `Grouped bars compare ${measures.length === 2 ? and(measures) : `${measures.length} measures`} for each ${dimension}.`,
  profiles: () => 'Lines show the measures as profiles across categories.',
  scatter: ({ x, y, measuresOnly }) =>
    `${measuresOnly ? 'Two measures: a' : 'A'} scatter shows how ${y} moves with ${x}.`,
  bubble: ({ x, y, size }) => `Three measures: a bubble chart plots ${y} against ${x}, sized by ${size}.`,
  'bar-per-row': ({ measure }) => `One measure and nothing to group it by: a bar per row of ${measure}.`,
};
