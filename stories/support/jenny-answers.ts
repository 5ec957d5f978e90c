import type { JennyAnswer } from '../../src/core/client/types';
import type { QueryInterpretation } from '../../src/core/jenny/types';

/*
 * Answers for the JennyPanel stories' scripted client: a long conversation, right-to-left text, very long text,
 * 10,000 rows, hostile model output, an answer with its reading and reasoning (the Explain dialog), one in the
 * finance space and a hostile reading. Each is keyed by the question that gets it.
 */

const revenueMeta: JennyAnswer['meta'] = [
  { name: 'label', type: 'string', label: 'Name' },
  { name: 'revenue', type: 'number', label: 'Revenue', format: { kind: 'currency', currency: 'PHP' } },
];

/** Twelve questions, each answer offering the next one as its follow-up. */
export const CONVERSATION: readonly { question: string; title: string; labels: readonly string[] }[] = [
  { question: 'Revenue by region last 30 days', title: 'Revenue by region', labels: ['NCR', 'Calabarzon', 'Cebu'] },
  { question: 'And by brand?', title: 'Revenue by brand', labels: ['Alaska', 'Oishi', 'Del Monte'] },
  { question: 'Top 5 stores by revenue', title: 'Top 5 stores', labels: ['Makati', 'Quezon City', 'Pasig'] },
  { question: 'Which channel grew most?', title: 'Growth by channel', labels: ['Online', 'Sari-sari', 'Grocery'] },
  { question: 'Revenue by month this year', title: 'Revenue by month', labels: ['January', 'February', 'March'] },
  { question: 'Units by category', title: 'Units by category', labels: ['Dairy', 'Snacks', 'Canned goods'] },
  { question: 'Average basket by region', title: 'Average basket by region', labels: ['Davao', 'Iloilo', 'NCR'] },
  { question: 'Lowest 3 stores by margin', title: 'Lowest margins', labels: ['Tacloban', 'Legazpi', 'Naga'] },
  { question: 'Returns by brand last quarter', title: 'Returns by brand', labels: ['Champion', 'Peerless', 'Oishi'] },
  { question: 'New customers by week', title: 'New customers by week', labels: ['Week 1', 'Week 2', 'Week 3'] },
  { question: 'Revenue on weekends vs weekdays', title: 'Weekend and weekday revenue', labels: ['Weekend', 'Weekday'] },
  { question: 'Orders by hour of day', title: 'Orders by hour', labels: ['08:00', '12:00', '18:00'] },
];

function conversationAnswer(index: number): JennyAnswer {
  const turn = CONVERSATION[index];
  if (!turn) throw new Error(`No turn ${index}`);
  const next = CONVERSATION[index + 1];
  return {
    kind: 'answer',
    title: turn.title,
    summary: `${turn.labels[0]} leads the ${turn.labels.length} rows of "${turn.question}".`,
    rows: turn.labels.map((label, i) => ({ label, revenue: 900_000 - i * 150_000 - index * 1_000 })),
    meta: revenueMeta,
    generatedSql: `select "label", sum("revenue") as "revenue"\nfrom "scout"."sales"\ngroup by 1\norder by 2 desc -- turn ${index + 1}`,
    suggestions: next ? [next.question] : [],
    asOf: '2025-12-31',
  };
}

/** Arabic question and answer, then a Hebrew follow-up and its answer. */
export const RTL_QUESTION = 'ما هي أعلى 5 علامات تجارية حسب الإيرادات في آخر 30 يومًا؟';
export const RTL_FOLLOW_UP = 'ומה לפי אזור?';
const RTL_ANSWERS: Record<string, JennyAnswer> = {
  [RTL_QUESTION]: {
    kind: 'answer',
    title: 'أعلى 5 علامات تجارية حسب الإيرادات، آخر 30 يومًا',
    summary:
      'في آخر 30 يومًا تصدّرت «ألاسكا» بإيرادات قدرها ₱1,552,815، أي 21.7% من الإجمالي. العلامات الخمس الأولى معًا تمثل 77.9% من الإيرادات.',
    rows: [
      { label: 'ألاسكا', revenue: 1_552_815 },
      { label: 'أويشي', revenue: 1_201_344 },
      { label: 'دل مونتي', revenue: 1_050_210 },
      { label: 'تشامبيون', revenue: 921_907 },
      { label: 'بيرلس', revenue: 846_422 },
    ],
    meta: [
      { name: 'label', type: 'string', label: 'العلامة التجارية' },
      { name: 'revenue', type: 'number', label: 'الإيرادات', format: { kind: 'currency', currency: 'PHP' } },
    ],
    generatedSql:
      'select "brand", sum("revenue") as "revenue"\nfrom "scout"."sales"\ngroup by 1\norder by 2 desc\nlimit 5',
    suggestions: [RTL_FOLLOW_UP],
    asOf: '2025-12-31',
  },
  [RTL_FOLLOW_UP]: {
    kind: 'answer',
    title: 'הכנסות לפי אזור, 30 הימים האחרונים',
    summary: 'ב־30 הימים האחרונים אזור המטרופולין הוביל עם ₱2,410,118, שהם 33.7% מסך ההכנסות.',
    rows: [
      { label: 'מטרופולין', revenue: 2_410_118 },
      { label: 'קלבררזון', revenue: 1_730_402 },
      { label: 'סבו', revenue: 1_120_876 },
    ],
    meta: [
      { name: 'label', type: 'string', label: 'אזור' },
      { name: 'revenue', type: 'number', label: 'הכנסות', format: { kind: 'currency', currency: 'PHP' } },
    ],
    generatedSql: 'select "region", sum("revenue") as "revenue"\nfrom "scout"."sales"\ngroup by 1\norder by 2 desc',
    suggestions: [],
    asOf: '2025-12-31',
  },
};

/** A long question (words) and an answer whose title and summary hold one 3,000-character word. */
export const LONG_QUESTION = `${'Compare revenue, units, margin and average basket size for every brand, store, region and channel '.repeat(
  8,
)}over the last 30 days`;
const UNBROKEN = `https://example.com/${'a1b2c3d4e5'.repeat(300)}`;
const LONG_ANSWER: JennyAnswer = {
  kind: 'answer',
  title: `Revenue for ${UNBROKEN.slice(0, 400)}`,
  summary: `The source said: ${UNBROKEN} and nothing else.`,
  rows: [
    { label: UNBROKEN, revenue: 1_552_815 },
    { label: 'Oishi', revenue: 1_201_344 },
  ],
  meta: revenueMeta,
  generatedSql: `select "label", sum("revenue") as "revenue" from "scout"."sales" where "label" = '${UNBROKEN}' group by 1`,
  suggestions: [`And ${UNBROKEN.slice(0, 200)}?`],
  asOf: '2025-12-31',
};

/** 10,000 orders. */
export const TEN_THOUSAND_QUESTION = 'List every order last quarter';
export const TEN_THOUSAND = 10_000;
const STORES = ['Makati', 'Quezon City', 'Pasig', 'Cebu', 'Davao', 'Iloilo', 'Baguio'];
const TEN_THOUSAND_ANSWER: JennyAnswer = {
  kind: 'answer',
  title: 'Every order, last quarter',
  summary: `${TEN_THOUSAND.toLocaleString('en-US')} orders in the last quarter.`,
  rows: Array.from({ length: TEN_THOUSAND }, (_, i) => ({
    order: `SO-${String(i + 1).padStart(5, '0')}`,
    store: STORES[i % STORES.length] as string,
    revenue: 500 + ((i * 7919) % 9_500),
  })),
  meta: [
    { name: 'order', type: 'string', label: 'Order' },
    { name: 'store', type: 'string', label: 'Store' },
    { name: 'revenue', type: 'number', label: 'Revenue', format: { kind: 'currency', currency: 'PHP' } },
  ],
  generatedSql: 'select "order", "store", "revenue"\nfrom "scout"."sales"\nwhere "date" between $1 and $2\norder by 1',
  suggestions: ['Revenue by store last quarter'],
  asOf: '2025-12-31',
};

/** What a model might write to break out of the panel: markup, links, images, formulas and a hostile chart. */
export const HOSTILE_QUESTION = 'Summarise the product notes';
/** HTML in the summary: shown as written. */
export const HOSTILE_SUMMARY_HTML = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=1</script>',
] as const;
/** Markdown in the summary: an image that would call home, and a link that would run script. */
const HOSTILE_SUMMARY_MARKDOWN = [
  '![tracker](http://127.0.0.1:9/track.png)',
  '[click me](javascript:window.__pwned=1)',
];
export const HOSTILE_TITLE = 'Product notes <img src=x onerror="window.__pwned=1">';
export const HOSTILE_SUGGESTION = '<img src="http://127.0.0.1:9/suggestion.png" onerror="window.__pwned=1">';
export const HOSTILE_CELLS = ['=HYPERLINK("http://evil","x")', "+cmd|' /C calc'!A0", '@SUM(1)', '<b>bold</b>'] as const;
const HOSTILE_ANSWER: JennyAnswer = {
  kind: 'answer',
  title: HOSTILE_TITLE,
  summary: `Here are the notes. ${[...HOSTILE_SUMMARY_HTML, ...HOSTILE_SUMMARY_MARKDOWN].join('\n')}`,
  rows: HOSTILE_CELLS.map((note, i) => ({ note, revenue: 1_000 * (i + 1) })),
  meta: [
    { name: 'note', type: 'string', label: 'Note' },
    { name: 'revenue', type: 'number', label: 'Revenue' },
  ],
  echartsOption: {
    backgroundColor: { image: 'http://127.0.0.1:9/bg.png', repeat: 'repeat' },
    graphic: [{ type: 'image', style: { image: 'http://127.0.0.1:9/evil.png', width: 100, height: 100 } }],
    tooltip: { trigger: 'item', formatter: '<img src=x onerror=window.__pwned=1>' },
    title: { text: 'Notes', link: 'javascript:window.__pwned=1' },
    xAxis: { type: 'category', data: [...HOSTILE_CELLS] },
    yAxis: { type: 'value' },
    series: [
      {
        type: 'bar',
        data: [1000, 2000, 3000, 4000],
        symbol: 'image://http://127.0.0.1:9/symbol.png',
        label: { show: true, formatter: 'function () { window.__pwned = 1; }' },
      },
    ],
  },
  generatedSql: 'select "note", "revenue" from "scout"."notes" -- </code><img src=x onerror="window.__pwned=1">',
  suggestions: [HOSTILE_SUGGESTION],
  asOf: '2025-12-31',
};

/** A question whose answer says how it was read: the reading (editable in the Explain dialog) and the reasoning. */
export const EXPLAINED_QUESTION = 'Which 5 brands sold the most in the last 30 days?';
/** How Jenny read it: revenue by brand over the last 30 days, the 5 largest. */
export const EXPLAINED_READING: QueryInterpretation = {
  kind: 'query',
  space: 'sales',
  query: {
    metrics: ['revenue'],
    dimensions: ['brand'],
    dateRange: { from: '2025-12-02', to: '2025-12-31' },
    limit: 5,
    sort: [{ by: 'revenue', direction: 'desc' }],
  },
  confidence: 1,
  explanation: [{ words: 'top 5', meaning: 'the 5 largest' }],
};
/** The reasoning's lines, as the Explain dialog lists them. */
export const EXPLAINED_REASONING = [
  'Read "sold the most" as Revenue (sum of revenue), largest first.',
  'Read "5 brands" as a breakdown by Brand, the 5 largest.',
  'Read "the last 30 days" as 2025-12-02 to 2025-12-31, counted from 2025-12-31.',
  'Ran one query on Sales.',
] as const;
const BRAND_ROWS = [
  { brand: 'Alaska', revenue: 1_552_815 },
  { brand: 'Oishi', revenue: 1_201_344 },
  { brand: 'Del Monte', revenue: 1_050_210 },
  { brand: 'Champion', revenue: 921_907 },
  { brand: 'Peerless', revenue: 846_422 },
];
const EXPLAINED_ANSWER: JennyAnswer = {
  kind: 'answer',
  title: 'Brands by revenue, last 30 days',
  summary: 'In the last 30 days, Alaska led with ₱1,552,815, 21.7% of the ₱7,153,305 total.',
  rows: BRAND_ROWS,
  meta: [
    { name: 'brand', type: 'string', label: 'Brand' },
    { name: 'revenue', type: 'number', label: 'Revenue', format: { kind: 'currency', currency: 'PHP' } },
  ],
  generatedSql:
    'select "brand", sum("revenue") as "revenue"\nfrom "scout"."sales"\nwhere "sale_date" between $1 and $2\ngroup by 1\norder by 2 desc\nlimit 5',
  reasoning: EXPLAINED_REASONING.join('\n'),
  interpretation: EXPLAINED_READING,
  suggestions: [],
  asOf: '2025-12-31',
};

/** A question in the finance space (one of its example questions) and its answer. */
export const FINANCE_QUESTION = 'Which departments spent the most last quarter?';
export const FINANCE_TITLE = 'Total expenses by department, last quarter';
const FINANCE_ANSWER: JennyAnswer = {
  kind: 'answer',
  title: FINANCE_TITLE,
  summary: 'Last quarter, Sales spent the most: ₱412,380, 31.2% of the ₱1,321,904 total.',
  rows: [
    { department: 'Sales', total_expenses: 412_380 },
    { department: 'Operations', total_expenses: 355_912 },
    { department: 'Marketing', total_expenses: 301_455 },
    { department: 'Finance', total_expenses: 252_157 },
  ],
  meta: [
    { name: 'department', type: 'string', label: 'Department' },
    {
      name: 'total_expenses',
      type: 'number',
      label: 'Total expenses',
      format: { kind: 'currency', currency: 'PHP' },
    },
  ],
  generatedSql:
    'select "department", sum(amount) as "total_expenses"\nfrom "te_tax"."expenses"\nwhere "expense_date" between $1 and $2\ngroup by 1\norder by 2 desc',
  suggestions: [],
  asOf: '2025-12-31',
};

/** A question whose reasoning and reading hold markup a model might write: the Explain dialog shows it as text. */
export const HOSTILE_EXPLAIN_QUESTION = 'Explain the product notes';
/** Markup in the reasoning's lines. */
export const HOSTILE_REASONING = [
  '<img src=x onerror="window.__pwned=1">',
  'Read "notes" as <script>window.__pwned=1</script> the brand notes.',
  '<iframe src="javascript:window.__pwned=1"></iframe> done.',
] as const;
/** Markup in the reading's filter values, shown on the Filters chips. */
export const HOSTILE_FILTER_VALUES = [
  '<img src=x onerror="window.__pwned=1">',
  '<b onmouseover="window.__pwned=1">bold</b>',
] as const;
const HOSTILE_READING: QueryInterpretation = {
  kind: 'query',
  space: 'sales',
  query: {
    metrics: ['revenue'],
    dimensions: ['brand'],
    filters: [
      { dimension: 'brand', op: 'eq', value: HOSTILE_FILTER_VALUES[0] },
      { dimension: 'brand', op: 'neq', value: HOSTILE_FILTER_VALUES[1] },
    ],
    dateRange: { from: '2025-12-02', to: '2025-12-31' },
    limit: 5,
  },
  confidence: 0.9,
  explanation: [
    { words: '<img src=x onerror="window.__pwned=1">', meaning: '<script>window.__pwned=1</script>' },
    { words: 'notes', meaning: '<a href="javascript:window.__pwned=1">Brand</a>' },
  ],
};
const HOSTILE_EXPLAIN_ANSWER: JennyAnswer = {
  kind: 'answer',
  title: 'Product notes by brand',
  summary: 'Two brands have notes.',
  rows: BRAND_ROWS.slice(0, 2),
  meta: EXPLAINED_ANSWER.meta ?? [],
  generatedSql: 'select "brand", sum("revenue") as "revenue"\nfrom "scout"."sales"\ngroup by 1',
  reasoning: HOSTILE_REASONING.join('\n'),
  interpretation: HOSTILE_READING,
  suggestions: [],
  asOf: '2025-12-31',
};

/** The answer the stories' scripted client gives a question, if one of these. */
export function storyAnswer(question: string): JennyAnswer | undefined {
  const turn = CONVERSATION.findIndex((t) => t.question === question);
  if (turn >= 0) return conversationAnswer(turn);
  if (question in RTL_ANSWERS) return RTL_ANSWERS[question];
  if (question === LONG_QUESTION) return LONG_ANSWER;
  if (question === TEN_THOUSAND_QUESTION) return TEN_THOUSAND_ANSWER;
  if (question === HOSTILE_QUESTION) return HOSTILE_ANSWER;
  if (question === EXPLAINED_QUESTION) return EXPLAINED_ANSWER;
  if (question === FINANCE_QUESTION) return FINANCE_ANSWER;
  if (question === HOSTILE_EXPLAIN_QUESTION) return HOSTILE_EXPLAIN_ANSWER;
  return undefined;
}
