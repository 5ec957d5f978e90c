import type { Messages } from './types';

/** `a`, `a at b`, `a, b at c`. */
const at = (items: readonly string[]) =>
  items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} at ${items[items.length - 1]}`;

const SEQUENCES = {
  numbers: 'mga numero, pataas',
  weekdays: 'mga araw ng linggo, sa ibinigay na ayos',
  months: 'mga buwan, sa ibinigay na ayos',
} as const;

const KINDS = {
  line: 'Linyang tsart',
  area: 'Area na tsart',
  bar: 'Bar na tsart',
  combo: 'Tsart ng bar at linya',
  pie: 'Pie na tsart',
  donut: 'Donut na tsart',
  funnel: 'Funnel na tsart',
} as const;

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
        case 'invalid-format':
          return `Hindi maisulat ang halaga sa ibinigay na format${where}.`;
        case 'invalid-input':
          return 'May halagang hindi magamit para sa KPI.';
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
    whyChart: 'Bakit ito ang tsart?',
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
    failedDetail: ({ code }) => {
      switch (code) {
        case 'invalid-props':
          return 'Hindi mai-embed ang dashboard: tingnan ang supersetDomain at dashboardId.';
        case 'unreachable':
          return 'Walang sumagot mula sa server ng Superset. Tingnan ang koneksyon.';
        case 'refused':
          return 'Sumagot ang server, pero walang naka-embed na dashboard na sumagot.';
        case 'token':
          return 'Hindi makakuha ng guest token para sa dashboard.';
        default:
          return 'Nagkaproblema sa pag-embed ng dashboard.';
      }
    },
    tryAgain: 'Subukan ulit',
  },
  jennyPanel: {
    label: 'Magtanong kay Jenny',
    thread: 'Usapan kasama si Jenny',
    you: 'Ikaw',
    jenny: 'Jenny',
    question: 'Magtanong tungkol sa iyong datos',
    hint: 'Enter para ipadala; Shift+Enter para sa bagong linya; Escape para ihinto ang sagot.',
    send: 'Ipadala',
    stop: 'Ihinto',
    asking: 'Nagtatanong kay Jenny…',
    reading: 'Binabasa ang tanong…',
    querying: 'Pinapatakbo ang query…',
    summarizing: 'Isinusulat ang buod…',
    done: 'Handa na ang sagot.',
    stopped: 'Inihinto. Nananatili ang dumating na.',
    failed: 'Hindi nakasagot si Jenny.',
    emptyTitle: (space) =>
      space ? `Magtanong kay Jenny tungkol sa ${space}` : 'Magtanong kay Jenny tungkol sa iyong datos',
    examples: 'Subukang itanong',
    followUps: 'Mga kasunod na tanong',
    tryInstead: 'Mga tanong na masasagot ni Jenny',
    sql: 'SQL',
    copy: 'Kopyahin ang SQL',
    copied: 'Nakopya ang SQL.',
    copyFailed: 'Hindi makopya ang SQL.',
    table: (title) => `${title}: ang datos`,
    asOf: (date) => `Hanggang ${date}`,
    helpful: 'Nakatulong',
    notHelpful: 'Hindi nakatulong',
    thanks: 'Salamat sa puna.',
    feedbackFailed: 'Hindi nai-save ang puna.',
    comment: 'Magkomento…',
    commentTitle: 'Puna sa sagot na ito',
    commentDescription: 'Sabihin kung ano ang tama o mali: ise-save ito kasama ng tanong at ng SQL nito.',
    commentLabel: 'Komento',
    rating: 'Nakatulong ba ang sagot?',
    sendComment: 'Ipadala ang puna',
    cancel: 'Kanselahin',
    close: 'Isara',
    explain: 'Ipaliwanag',
    explainTitle: 'Paano sumagot si Jenny',
    explainDescription:
      'Ang nabasa ni Jenny sa tanong at kung paano niya nakuha ang sagot. Baguhin ang pagbasa para patakbuhin ito ulit.',
    reasoning: 'Pangangatwiran',
    interpretation: 'Pagbasa',
    measure: 'Sukatan',
    breakdowns: 'Paghahati',
    addBreakdown: 'Magdagdag ng paghahati',
    period: 'Panahon',
    from: 'Mula',
    to: 'Hanggang',
    grain: 'Yunit ng panahon',
    grains: { day: 'Araw', week: 'Linggo', month: 'Buwan', quarter: 'Kwarter', year: 'Taon' },
    filters: 'Mga salaan',
    filter: (dimension, op, value) =>
      `${dimension} ${{ eq: 'ay', neq: 'ay hindi', in: 'ay isa sa', not_in: 'ay wala sa', gt: 'higit sa', gte: 'hindi bababa sa', lt: 'mas mababa sa', lte: 'hindi hihigit sa', contains: 'ay may' }[op]} ${value}`,
    limit: 'Hangganan',
    none: 'Wala',
    remove: (label) => `Alisin ang ${label}`,
    rerun: 'Patakbuhin ulit',
    regenerate: 'Itanong ulit',
    edited: 'Pinatakbo ulit mula sa binagong pagbasa.',
    space: 'Espasyo',
    newTab: 'magbubukas sa bagong tab',
  },
  chart: {
    other: 'Iba pa',
    otherMore: (other, count) => `${other} (${count} pa)`,
    cartesian: ({ kind, measures, x, split, count, time }) =>
      `${KINDS[kind]} ng ${at(measures)}${x ? ` ayon sa ${x}` : ''}${split ? `, hinati ayon sa ${split.label} sa ${split.series} serye` : ''}: ${count} ${time ? 'punto sa panahon' : 'kategorya'}.`,
    slices: ({ kind, measure, x, parts, total }) =>
      `${KINDS[kind]} ng ${measure}${x ? ` ayon sa ${x}` : ''}: ${parts} bahagi, kabuuang ${total}.`,
    scatter: ({ x, y, size, group, points }) =>
      `${size ? 'Bubble chart' : 'Scatter na tsart'} ng ${y} laban sa ${x}${size ? `, ang laki ayon sa ${size}` : ''}${group ? `, ang kulay ayon sa ${group}` : ''}: ${points} punto.`,
    heatmap: ({ value, x, y, columns, rows }) =>
      `Heatmap ng ${value} ayon sa ${x} at ${y}: ${columns} × ${rows} na selda.`,
    extremes: ({ highest, lowest }) =>
      `Pinakamataas: ${highest.label}, ${highest.value}; pinakamababa: ${lowest.label}, ${lowest.value}.`,
  },
  chartReasons: {
    trend: ({ measures, time, series, summed }) => {
      const one = measures.length === 1;
      const what = series
        ? `${measures[0]} ayon sa ${time}, isang linya bawat ${series}`
        : `${one ? measures[0] : 'mga sukatan'} ayon sa ${time}`;
      const over = summed.map((s) => `${s.values} halaga ng ${s.label}`).join(' at ');
      const why = one && !series ? ', masyadong marami para tig-isang linya' : '';
      const sum = summed.length
        ? ` Pinagsasama bawat yugto ang ${one ? measures[0] : 'bawat sukatan'} sa ${over}${why}.`
        : '';
      return `Panahon at isang sukatan: ipinapakita ng linya ang takbo ng ${what}.${sum}`;
    },
    area: ({ series }) =>
      series
        ? `Ipinapakita ng magkakapatong na area kung gaano nag-aambag ang bawat ${series} sa kabuuan sa paglipas ng panahon.`
        : 'Binibigyang-diin ng area ang dami sa paglipas ng panahon.',
    periods: () => 'Inihahambing ng mga bar ang bawat yugto, isa-isa.',
    stacked: ({ measure, x, split, splitValues }) =>
      `${splitValues === undefined ? '' : `Dalawang dimensyon at isang sukatan, at sapat na kaunti ang ${split} (${splitValues} halaga) para kulayan: `}Ipinapakita ng magkakapatong na bar ang ${measure} ayon sa ${x}, hinati ayon sa ${split}.`,
    'grouped-split': ({ split }) => `Inihahambing ng magkakatabing bar ang bawat ${split}.`,
    heatmap: ({ measure, x, split, values }) =>
      `${values ? `Dalawang dimensyon at isang sukatan, parehong napakaraming halaga para kulayan (${x} ${values.x}, ${split} ${values.split}): ` : ''}Ipinapakita ng heatmap ang ${measure} sa bawat pares ng ${x} at ${split}.`,
    ranked: ({ measure, dimension, count, notWhole }) =>
      `${notWhole ? `Ang ${measure} ay average, rate, bahagdan o presyo, hindi bahagi ng isang kabuuan, kaya walang donut: ` : ''}Niraranggo ng mga bar na nakaayos ayon sa ${measure} ang ${count} halaga ng ${dimension}.`,
    horizontal: ({ measure, count, top }) =>
      `Maraming kategorya: nababasa ang ${count} mahahabang label sa pahalang na bar na nakaayos ayon sa ${measure}${top ? `, ang nangungunang ${top} at pinagsama ang iba` : ''}.`,
    'top-bars': ({ dimension, top }) => `Kasya sa patayong bar ang nangungunang ${top} halaga ng ${dimension}.`,
    donut: ({ measure, dimension, count }) =>
      `${count} kategorya bilang bahagi ng isang kabuuan: ipinapakita ng donut ang bahagi ng bawat ${dimension} sa ${measure}.`,
    pie: () => 'Ipinapakita ng pie ang parehong mga bahagi nang walang butas.',
    funnel: ({ measure, dimension }) =>
      `Mga yugtong kumikitid lamang: ipinapakita ng funnel kung paano bumababa ang ${measure} mula sa isang ${dimension} hanggang sa susunod.`,
    'stage-bars': () => 'Eksaktong inihahambing ng mga bar ang mga yugto, ayon sa pagkakasunod-sunod.',
    sequence: ({ measure, dimension, count, sequence }) =>
      `Pagkakasunod-sunod ang ${dimension} (${SEQUENCES[sequence]}): pinananatili ng mga bar ang ayos na iyon para ipakita kung paano nagbabago ang ${measure} sa ${count} halaga nito.`,
    'sequence-line': ({ measure, dimension }) =>
      `Ipinapakita ng linya, sa ayos ng ${dimension}, ang hugis ng ${measure} sa buong pagkakasunod-sunod.`,
    combo: ({ bars, line }) =>
      `Sampung ulit ang agwat ng sukat ng ${bars} at ${line}: bar para sa ${bars}, linya sa ikalawang axis para sa ${line}.`,
    grouped: ({ measures, dimension }) =>
      `Inihahambing ng magkakatabing bar ang ${measures.length === 2 ? at(measures) : `${measures.length} sukatan`} sa bawat ${dimension}.`,
    profiles: () => 'Ipinapakita ng mga linya ang hugis ng mga sukatan sa mga kategorya.',
    scatter: ({ x, y, measuresOnly }) =>
      `${measuresOnly ? 'Dalawang sukatan: ipinapakita' : 'Ipinapakita'} ng scatter kung paano gumagalaw ang ${y} kasabay ng ${x}.`,
    bubble: ({ x, y, size }) =>
      `Tatlong sukatan: inilalagay ng bubble chart ang ${y} laban sa ${x}, ang laki ayon sa ${size}.`,
    'bar-per-row': ({ measure }) => `Isang sukatan at walang mapagpapangkatan: isang bar bawat hilera ng ${measure}.`,
  },
};
