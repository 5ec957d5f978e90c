import type { Messages } from './types';

/** Chart kinds as Filipino business users name them (many keep the English name). */
const CHART_NAMES: Readonly<Record<string, string>> = {
  line: 'linyang tsart',
  area: 'area na tsart',
  bar: 'bar na tsart',
  combo: 'tsart ng bar at linya',
  pie: 'pie na tsart',
  donut: 'donut na tsart',
  scatter: 'scatter na tsart',
  bubble: 'bubble na tsart',
  heatmap: 'heatmap',
  funnel: 'funnel na tsart',
};

/**
 * Filipino (Tagalog), as Philippine business software says it. English words stay where Filipinos use them as they
 * are (PNG, SVG, CSV, SQL, KPI, target, dashboard, session, screen).
 */
export const fil: Messages = {
  common: {
    empty: 'Walang datos para sa napiling ito.',
    retry: 'Subukang muli',
    loading: (name) => `Nilo-load ang ${name}`,
    dataError: ({ code, column }) => {
      const where = column ? ` sa column na "${column}"` : '';
      switch (code) {
        case 'unknown-column':
          return `Wala sa datos ang column na "${column ?? ''}".`;
        case 'duplicate-column':
          return `Dalawang beses lumabas ang column na "${column ?? ''}".`;
        case 'ragged-columns':
          return 'Hindi pare-pareho ang haba ng mga column ng datos.';
        case 'type-mismatch':
          return `May halagang hindi numero${where}.`;
        case 'invalid-date':
          return `May petsang hindi mabasa${where}. Gamitin ang ISO 8601 (2026-03-05).`;
        case 'invalid-value':
          return `May halagang hindi magamit${where}.`;
        case 'no-measure':
          return 'Walang numerong maipapakita sa tsart.';
        case 'invalid-spec':
          return 'Hindi maiguhit ang tsart ayon sa ibinigay na paglalarawan.';
        default:
          return 'Hindi mabasa ang datos.';
      }
    },
  },
  provenance: {
    // Filipino nouns do not change for the plural after a number: "1 hilera", "12 hilera".
    rows: (_count, formatted) => `${formatted} hilera`,
    truncated: '(pinutol)',
    queryTime: (ms) => `${ms} ms`,
    updated: (date) => `na-update noong ${date}`,
  },
  echart: {
    label: 'Tsart',
    // ECharts names series types only in English: these templates leave {seriesType} out.
    aria: {
      withTitle: 'Ito ay tsart tungkol sa "{title}"',
      withoutTitle: 'Ito ay isang tsart',
      singleWithName: ' ng {seriesName}.',
      singleWithoutName: '.',
      multiplePrefix: ' na may {seriesCount} serye.',
      multipleWithName: ' Serye {seriesId}: {seriesName}.',
      multipleWithoutName: ' Serye {seriesId}.',
      allData: ' Ang datos: ',
      partialData: ' Ang unang {displayCnt} item: ',
      dataWithName: '{name}, {value}',
      dataWithoutName: '{value}',
    },
  },
  chartCard: {
    actions: (title) => `Mga aksyon para sa ${title}`,
    downloadPNG: 'I-download ang PNG',
    downloadSVG: 'I-download ang SVG',
    downloadCSV: 'I-download ang CSV',
    viewTable: 'Tingnan ang datos bilang talahanayan',
    viewSQL: 'Tingnan ang SQL',
    fullScreen: 'Buong screen',
    close: 'Isara',
    ready: (title) => `${title}: handa na ang tsart`,
    showingTable: (title) => `${title}: ipinapakita ang datos bilang talahanayan`,
    showingSQL: (title) => `${title}: ipinapakita ang SQL`,
    exportFailed: (title, format) => `${title}: hindi magawa ang ${format}. Subukang muli.`,
    tableLabel: (title) => `${title}: ang datos`,
    chartReason: (kind) => `Pinili ang ${CHART_NAMES[kind] ?? 'tsart na ito'} ayon sa hugis ng datos.`,
  },
  dataTable: {
    noValue: 'walang halaga',
    total: 'Kabuuan',
    resize: (column) => `Baguhin ang lapad ng ${column}`,
    width: (width) => `${width} pixel`,
  },
  kpiTile: {
    previousLabel: 'kumpara sa nakaraang yugto',
    targetLabel: 'kumpara sa target',
    targetNoun: (label) => label.replace(/^(kumpara sa|vs\.?)\s+/i, '') || label,
    head: (label, period) => (period ? `${label} (${period})` : label),
    loadingSentence: (head) => `${head}, nilo-load`,
    errorSentence: (head, message) => `${head}, may problema: ${message}`,
    emptySentence: (head) => `${head}, walang datos`,
    valueSentence: (head, value) => `${head} ${value}`,
    join: (parts) => parts.join(', '),
    up: (amount) => `tumaas nang ${amount}`,
    down: (amount) => `bumaba nang ${amount}`,
    flat: (change) => `halos hindi nagbago (${change})`,
    unchanged: 'hindi nagbago',
    pointsShown: (points) => `${points} pp`,
    pointsSaid: (points) => `${points} porsiyentong puntos`,
    compared: (change, label) => `${change} ${label}`,
    ofTarget: (percent, target) => `${percent} ng ${target}`,
    updated: (date) => `Na-update noong ${date}`,
    updatedSaid: (date) => `na-update noong ${date}`,
    progress: (target) => `Pag-usad patungo sa ${target}`,
    versus: (period) => `kumpara sa ${period}`,
    loadFailed: 'Hindi ma-load ang KPI.',
  },
  supersetEmbed: {
    title: 'Dashboard ng Superset',
    loading: (title) => `Nilo-load ang ${title}…`,
    loaded: (title) => `Na-load na ang ${title}.`,
    expired: (title) => `Nag-expire na ang session mo sa ${title}.`,
    expiredDetail:
      'Hindi ma-renew ng dashboard ang pag-sign in nito. Kumonekta ulit para magpatuloy kung saan ka huminto.',
    reconnect: 'Kumonekta ulit',
    reconnecting: 'Kumokonekta ulit…',
    failed: (title) => `Hindi maipakita ang ${title}.`,
    tryAgain: 'Subukan ulit',
  },
};
