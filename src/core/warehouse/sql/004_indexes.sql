-- InsightPulse demo warehouse: indexes for the questions the spaces ask most, by date range and by region
-- (the warehouse's fact tables are filtered by date far more often than they are scanned whole).
-- Applies to PGlite and to PostgreSQL 15+; every statement can run twice.

create index if not exists sales_sale_date_idx on scout.sales (sale_date);
create index if not exists sales_region_sale_date_idx on scout.sales (region, sale_date);
create index if not exists expenses_expense_date_idx on te_tax.expenses (expense_date);
create index if not exists campaign_performance_perf_date_idx on ces.campaign_performance (perf_date);
create index if not exists data_lab_job_runs_job_name_idx on public.data_lab_job_runs (job_name, finished_at desc);
