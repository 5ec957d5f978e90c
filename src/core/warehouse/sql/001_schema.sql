-- InsightPulse demo warehouse: the platform's curated schemas, tables and the Jenny and job logs.
-- Applies to PGlite and to PostgreSQL 15+; every statement can run twice.

create schema if not exists scout;
create schema if not exists opex;
create schema if not exists te_tax;
create schema if not exists ces;
create schema if not exists gold;

-- Retail sales, one row per day, store, brand and channel.
create table if not exists scout.sales (
  sale_date date not null,
  region text not null,
  store text not null,
  brand text not null,
  category text not null,
  channel text not null,
  orders integer not null,
  units integer not null,
  revenue numeric(14, 2) not null
);

-- Month-end close: one row per task, and the metrics of each close.
create table if not exists opex.close_tasks (
  task_id integer primary key,
  period date not null,
  entity text not null,
  task_name text not null,
  owner text not null,
  status text not null check (status in ('done', 'late', 'open')),
  due_date date not null,
  completed_date date
);

create table if not exists opex.close_metrics (
  period date not null,
  entity text not null,
  days_to_close numeric(5, 1) not null,
  on_time_rate numeric(5, 4) not null,
  adjustments integer not null,
  primary key (period, entity)
);

-- Travel and expense with tax, one row per expense line.
create table if not exists te_tax.expenses (
  expense_id integer primary key,
  expense_date date not null,
  department text not null,
  category text not null,
  vendor text not null,
  amount numeric(12, 2) not null,
  tax_amount numeric(12, 2) not null,
  reimbursable boolean not null,
  status text not null check (status in ('approved', 'pending', 'rejected'))
);

-- Creative effectiveness, one row per day, campaign, channel and creative.
create table if not exists ces.campaign_performance (
  perf_date date not null,
  campaign text not null,
  channel text not null,
  creative text not null,
  impressions integer not null,
  clicks integer not null,
  conversions integer not null,
  spend numeric(12, 2) not null
);

-- Summary tables written by scheduled jobs.
create table if not exists gold.sales_daily_summary (
  sale_date date not null,
  region text not null,
  revenue numeric(14, 2) not null,
  orders integer not null,
  units integer not null,
  primary key (sale_date, region)
);

create table if not exists gold.targets (
  period date not null,
  region text not null,
  metric text not null,
  target numeric(14, 2) not null,
  primary key (period, region, metric)
);

create table if not exists gold.finance_monthly (
  period date primary key,
  revenue numeric(14, 2) not null,
  expenses numeric(14, 2) not null
);

-- Job runs: the source of data freshness.
create table if not exists public.data_lab_job_runs (
  run_id bigint generated always as identity primary key,
  job_name text not null,
  status text not null,
  rows_written integer not null default 0,
  started_at timestamptz not null,
  finished_at timestamptz
);

-- What Jenny was asked and what she ran, and what people thought of the answers.
create table if not exists public.jenny_queries (
  id bigint generated always as identity primary key,
  space text not null,
  question text,
  sql text not null,
  row_count integer,
  duration_ms integer,
  error text,
  user_id text,
  created_at timestamptz not null default now()
);
-- How a question ended: answered, clarify, unsupported, error, aborted or timeout (null for a bare query).
alter table public.jenny_queries add column if not exists outcome text;

create table if not exists public.jenny_feedback (
  id bigint generated always as identity primary key,
  space text not null,
  question text not null,
  rating text not null check (rating in ('up', 'down')),
  comment text,
  sql text,
  created_at timestamptz not null default now()
);
