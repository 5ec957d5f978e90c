import type { FormatSpec } from '../format/types';
import { defineSpace, type SemanticSpace } from './define';

/** Every demo space runs as this read-only role. */
const ROLE = 'jenny_readonly';

// The demo warehouse's stores are in the Philippines: money is in pesos.
const php: FormatSpec = { kind: 'currency', currency: 'PHP' };
const phpWhole: FormatSpec = { kind: 'currency', currency: 'PHP', maximumFractionDigits: 0 };
const integer: FormatSpec = { kind: 'integer' };
const percent: FormatSpec = { kind: 'percent', maximumFractionDigits: 1 };
const oneDecimal: FormatSpec = { kind: 'number', minimumFractionDigits: 1, maximumFractionDigits: 1 };

/** Retail sales (Scout): one row per day, store, brand and channel. */
export const salesSpace: SemanticSpace = defineSpace({
  name: 'sales',
  freshness: 'sales_summary',
  label: 'Sales',
  description: 'Retail sales by day, region, store, brand, category and channel.',
  role: ROLE,
  tables: [{ name: 'scout.sales', description: 'One row per day, store, brand and channel.' }],
  metrics: [
    {
      name: 'revenue',
      verbs: [
        'sell',
        'sold',
        'selling',
        'earn',
        'earned',
        'make',
        'made',
        'brought in',
        'bring in',
        'generate',
        'generated',
      ],
      synonyms: ['sales', 'gross sales', 'turnover', 'takings', 'sales amount'],
      label: 'Revenue',
      sql: 'sum(revenue)',
      format: phpWhole,
      description: 'Gross sales in pesos.',
    },
    {
      name: 'orders',
      verbs: ['ordered'],
      synonyms: ['transactions', 'order count', 'purchases', 'number of orders'],
      label: 'Orders',
      sql: 'sum(orders)',
      format: integer,
      description: 'Number of orders.',
    },
    {
      name: 'units',
      synonyms: ['units sold', 'quantity', 'volume', 'items sold', 'pieces'],
      label: 'Units',
      sql: 'sum(units)',
      format: integer,
      description: 'Units sold.',
    },
    {
      name: 'average_order_value',
      synonyms: [
        'AOV',
        'basket value',
        'basket size',
        'average basket',
        'average ticket',
        'average transaction value',
        'average sale',
      ],
      label: 'Average order value',
      sql: 'sum(revenue) / nullif(sum(orders), 0)',
      total: { ratio: ['revenue', 'orders'] },
      format: php,
      description: 'Revenue per order.',
    },
  ],
  dimensions: [
    {
      name: 'region',
      valueSynonyms: {
        NCR: ['Metro Manila', 'MM', 'National Capital Region'],
        'North Luzon': ['Northern Luzon'],
        'South Luzon': ['Southern Luzon'],
      },
      synonyms: ['area', 'territory'],
      label: 'Region',
    },
    {
      name: 'store',
      valueSynonyms: { 'Quezon City': ['QC'], 'Cebu City': ['Cebu'], Davao: ['Davao City'], 'Cagayan de Oro': ['CDO'] },
      synonyms: ['outlet', 'branch', 'shop', 'location'],
      label: 'Store',
    },
    { name: 'brand', synonyms: ['product brand', 'make'], label: 'Brand' },
    { name: 'category', synonyms: ['product category', 'product line'], label: 'Category' },
    {
      name: 'channel',
      valueSynonyms: {
        'E-commerce': ['ecommerce', 'online', 'online store'],
        'Sari-sari stores': ['sari sari', 'sari-sari store', 'sarisari'],
        Convenience: ['convenience stores', 'convenience store', 'c-stores'],
        Supermarkets: ['supermarket', 'grocery', 'groceries'],
      },
      synonyms: ['sales channel'],
      label: 'Channel',
    },
  ],
  timeDimension: { column: 'sale_date', label: 'Sale date', grains: ['day', 'week', 'month', 'quarter', 'year'] },
  examples: [
    'What was revenue by month this year?',
    'Which five stores had the most revenue last quarter?',
    'How does average order value compare across channels?',
    'Units sold by brand in the North region, by week',
  ],
});

/** Travel and expense with tax (te_tax): one row per expense line. */
export const financeSpace: SemanticSpace = defineSpace({
  name: 'finance',
  freshness: 'finance_monthly',
  label: 'Finance',
  description:
    'Travel and expense lines with tax, by department, category, vendor and approval status. ' +
    'Revenue is not here: for the expense ratio use the executive space.',
  role: ROLE,
  tables: [{ name: 'te_tax.expenses', description: 'One row per expense line.' }],
  metrics: [
    {
      name: 'total_expenses',
      verbs: ['spend', 'spent', 'pay', 'paid', 'cost', 'costs'],
      synonyms: [
        'T&E',
        'travel and expense',
        'travel and expenses',
        'expenses',
        'expense',
        'spending',
        'costs',
        'expense amount',
        'expenditure',
        'outlays',
      ],
      label: 'Total expenses',
      sql: 'sum(amount)',
      format: phpWhole,
      downIsGood: true,
      description: 'Sum of expense amounts in pesos.',
    },
    {
      name: 'tax',
      synonyms: ['taxes', 'tax amount', 'VAT', 'input tax'],
      label: 'Tax',
      sql: 'sum(tax_amount)',
      format: php,
      description: 'Tax on the expenses in pesos.',
    },
    {
      name: 'expense_count',
      synonyms: ['number of expenses', 'expense count', 'claims', 'expense items', 'expense lines'],
      label: 'Expense lines',
      sql: 'count(*)',
      format: integer,
    },
    {
      name: 'average_expense',
      synonyms: ['average claim', 'mean expense', 'average expense amount'],
      label: 'Average expense',
      sql: 'avg(amount)',
      format: php,
      downIsGood: true,
      description: 'Mean amount per expense line.',
    },
    {
      name: 'tax_rate',
      synonyms: ['effective tax rate', 'tax percentage'],
      label: 'Tax rate',
      sql: 'sum(tax_amount) / nullif(sum(amount), 0)',
      total: { ratio: ['tax', 'total_expenses'] },
      format: percent,
      description: 'Tax as a share of the expense amount.',
    },
  ],
  dimensions: [
    { name: 'department', synonyms: ['dept', 'team', 'cost center', 'division'], label: 'Department' },
    { name: 'category', synonyms: ['expense category', 'expense type'], label: 'Category' },
    { name: 'vendor', synonyms: ['supplier', 'merchant', 'payee'], label: 'Vendor' },
    { name: 'status', synonyms: ['approval status'], label: 'Status', description: 'approved, pending or rejected.' },
    { name: 'reimbursable', synonyms: ['claimable'], label: 'Reimbursable', type: 'boolean' },
  ],
  timeDimension: { column: 'expense_date', label: 'Expense date', grains: ['day', 'week', 'month', 'quarter', 'year'] },
  examples: [
    'What were total expenses by month?',
    'Which departments spent the most last quarter?',
    'Top 10 vendors by expense amount',
    'How much tax did we pay on reimbursable expenses by category?',
  ],
});

/** Month-end close (opex): one row per period and entity. */
export const opsSpace: SemanticSpace = defineSpace({
  name: 'ops',
  freshness: 'close_metrics',
  label: 'Operations',
  description: 'Month-end close performance by period and entity: days to close, on-time rate and adjustments.',
  role: ROLE,
  tables: [{ name: 'opex.close_metrics', description: 'One row per close period and entity.' }],
  metrics: [
    {
      name: 'days_to_close',
      verbs: ['close', 'closes', 'closed', 'closing'],
      synonyms: [
        'close time',
        'closing days',
        'time to close',
        'close duration',
        'close days',
        'days to close the books',
      ],
      label: 'Days to close',
      sql: 'avg(days_to_close)',
      format: oneDecimal,
      downIsGood: true,
      description: 'Average business days from period end to close.',
    },
    {
      name: 'on_time_rate',
      synonyms: ['on time rate', 'on-time percentage', 'punctuality', 'timeliness'],
      label: 'On-time rate',
      sql: 'avg(on_time_rate)',
      format: percent,
      description: 'Average share of close tasks finished by their due date.',
    },
    {
      name: 'adjustments',
      synonyms: ['adjusting entries', 'post-close adjustments', 'journal adjustments'],
      label: 'Adjustments',
      sql: 'sum(adjustments)',
      format: integer,
      downIsGood: true,
      description: 'Post-close adjusting entries.',
    },
  ],
  dimensions: [
    { name: 'entity', synonyms: ['company', 'subsidiary', 'legal entity', 'business unit'], label: 'Entity' },
  ],
  timeDimension: { column: 'period', label: 'Close period', grains: ['month', 'quarter', 'year'] },
  examples: [
    'How many days did the close take each month?',
    'Which entity has the lowest on-time rate this year?',
    'Adjustments by entity by quarter',
  ],
});

/** Creative effectiveness (CES): one row per day, campaign, channel and creative. */
export const creativeSpace: SemanticSpace = defineSpace({
  name: 'creative',
  freshness: 'campaign_performance',
  label: 'Creative',
  description: 'Campaign delivery and results by day, campaign, channel and creative.',
  role: ROLE,
  tables: [{ name: 'ces.campaign_performance', description: 'One row per day, campaign, channel and creative.' }],
  metrics: [
    {
      name: 'impressions',
      synonyms: ['views', 'ad views', 'impr'],
      label: 'Impressions',
      sql: 'sum(impressions)',
      format: integer,
    },
    {
      name: 'clicks',
      verbs: ['clicked'],
      synonyms: ['click count', 'taps'],
      label: 'Clicks',
      sql: 'sum(clicks)',
      format: integer,
    },
    {
      name: 'conversions',
      verbs: ['convert', 'converted', 'converting'],
      synonyms: ['conversion count', 'signups', 'sign-ups', 'leads', 'acquisitions'],
      label: 'Conversions',
      sql: 'sum(conversions)',
      format: integer,
    },
    {
      name: 'spend',
      verbs: ['spend', 'spent', 'pay', 'paid', 'cost'],
      synonyms: ['ad spend', 'media spend', 'media cost', 'ad cost'],
      label: 'Spend',
      sql: 'sum(spend)',
      format: phpWhole,
      description: 'Media spend in pesos.',
    },
    {
      name: 'ctr',
      synonyms: ['CTR', 'click rate', 'clickthrough rate', 'click through rate'],
      label: 'Click-through rate',
      sql: 'sum(clicks)::float8 / nullif(sum(impressions), 0)',
      total: { ratio: ['clicks', 'impressions'] },
      format: { kind: 'percent', maximumFractionDigits: 2 },
      description: 'Clicks per impression.',
    },
    {
      name: 'conversion_rate',
      synonyms: ['CVR', 'conv rate', 'conversion percentage'],
      label: 'Conversion rate',
      sql: 'sum(conversions)::float8 / nullif(sum(clicks), 0)',
      total: { ratio: ['conversions', 'clicks'] },
      format: percent,
      description: 'Conversions per click.',
    },
    {
      name: 'cost_per_conversion',
      synonyms: ['CPA', 'cost per acquisition', 'CPL', 'cost per lead', 'cost per result'],
      label: 'Cost per conversion',
      sql: 'sum(spend) / nullif(sum(conversions), 0)',
      total: { ratio: ['spend', 'conversions'] },
      format: php,
      downIsGood: true,
      description: 'Spend per conversion in pesos.',
    },
  ],
  dimensions: [
    { name: 'campaign', synonyms: ['ad campaign', 'promo'], label: 'Campaign' },
    {
      name: 'channel',
      valueSynonyms: {
        Facebook: ['FB', 'Meta'],
        Instagram: ['IG', 'Insta'],
        'Google Search': ['Google', 'search ads'],
        YouTube: ['YT'],
      },
      synonyms: ['platform', 'network', 'media channel', 'social network'],
      label: 'Channel',
    },
    { name: 'creative', synonyms: ['ad', 'ad format', 'creative format', 'asset'], label: 'Creative' },
  ],
  timeDimension: { column: 'perf_date', label: 'Date', grains: ['day', 'week', 'month', 'quarter', 'year'] },
  examples: [
    'Which campaigns had the best click-through rate last month?',
    'Spend and conversions by channel by week',
    'Which creatives have the lowest cost per conversion?',
    'How has the conversion rate moved by month?',
  ],
});

/** Company-level monthly finance (gold): revenue, expenses and the expense ratio for KPIs. */
export const executiveSpace: SemanticSpace = defineSpace({
  name: 'executive',
  freshness: 'finance_monthly',
  label: 'Executive',
  description: 'Company revenue and expenses by month, and the expense ratio (expenses as a share of revenue).',
  role: ROLE,
  tables: [{ name: 'gold.finance_monthly', description: 'One row per month, written by a scheduled job.' }],
  metrics: [
    {
      name: 'revenue',
      verbs: ['earn', 'earned', 'make', 'made', 'brought in', 'generate', 'generated'],
      synonyms: ['sales', 'turnover', 'company revenue', 'top line'],
      label: 'Revenue',
      sql: 'sum(revenue)',
      format: phpWhole,
    },
    {
      name: 'expenses',
      synonyms: ['costs', 'opex', 'operating expenses', 'spending'],
      label: 'Expenses',
      sql: 'sum(expenses)',
      format: phpWhole,
      downIsGood: true,
    },
    {
      name: 'expense_ratio',
      synonyms: ['cost ratio', 'opex ratio', 'cost to income ratio'],
      label: 'Expense ratio',
      sql: 'sum(expenses) / nullif(sum(revenue), 0)',
      total: { ratio: ['expenses', 'revenue'] },
      format: percent,
      downIsGood: true,
      description: 'Expenses as a share of revenue.',
    },
  ],
  dimensions: [],
  timeDimension: { column: 'period', label: 'Month', grains: ['month', 'quarter', 'year'] },
  examples: [
    'What is the expense ratio by month?',
    'Revenue and expenses by quarter',
    'How did the expense ratio change year over year?',
  ],
});

/** Monthly plans (gold): revenue and order targets by region, what KPI tiles measure progress against. */
export const targetsSpace: SemanticSpace = defineSpace({
  name: 'targets',
  freshness: 'sales_summary',
  label: 'Targets',
  description:
    'Monthly revenue and order targets by region. Actual revenue and orders are in the sales space: ' +
    'compare them over the same months.',
  role: ROLE,
  tables: [{ name: 'gold.targets', description: 'One row per month, region and metric (revenue or orders).' }],
  metrics: [
    {
      name: 'revenue_target',
      targetOf: 'sales.revenue',
      synonyms: [
        'sales target',
        'revenue goal',
        'sales goal',
        'revenue plan',
        'sales plan',
        'sales quota',
        'revenue quota',
        'target revenue',
        'target sales',
        'planned revenue',
        'planned sales',
      ],
      label: 'Revenue target',
      sql: "sum(target) filter (where metric = 'revenue')",
      total: 'sum',
      format: phpWhole,
      description: 'Planned gross sales in pesos.',
    },
    {
      name: 'orders_target',
      targetOf: 'sales.orders',
      synonyms: ['order target', 'orders goal', 'orders plan', 'orders quota', 'target orders', 'planned orders'],
      label: 'Orders target',
      sql: "sum(target) filter (where metric = 'orders')",
      total: 'sum',
      format: integer,
      description: 'Planned number of orders.',
    },
  ],
  dimensions: [
    {
      name: 'region',
      valueSynonyms: { NCR: ['Metro Manila', 'MM', 'National Capital Region'] },
      synonyms: ['area', 'territory'],
      label: 'Region',
    },
  ],
  timeDimension: { column: 'period', label: 'Month', grains: ['month', 'quarter', 'year'] },
  examples: [
    'What is the revenue target by month?',
    'Orders targets by region this quarter',
    'How did the revenue target change year over year?',
  ],
});

/** The platform's spaces on the demo warehouse: sales, finance, ops, creative, executive and targets. */
export const demoSpaces: readonly SemanticSpace[] = Object.freeze([
  salesSpace,
  financeSpace,
  opsSpace,
  creativeSpace,
  executiveSpace,
  targetsSpace,
]);
