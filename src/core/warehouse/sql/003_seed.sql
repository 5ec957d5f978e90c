-- InsightPulse demo warehouse: two years of deterministic demo data, 2024-01-01 .. 2025-12-31.
--
-- No random(): every value comes from integer hashing of generate_series indices and exact integer and
-- numeric arithmetic (no floating-point maths, no sin/exp), so PGlite and PostgreSQL write identical numbers.
-- Seasonality, trend and mixes are integer tables (per cent or per mille).
--
-- The size of scout.sales is a setting, default 50,000 rows:
--   set insightpulse.sales_rows = '1000000';        (in the same session, before this file)
--   PGOPTIONS='-c insightpulse.sales_rows=1000000' psql -f 003_seed.sql
-- Every other table has a fixed size; the gold tables are computed from the others.
-- Applies to PGlite and to PostgreSQL 15+; running it again rewrites the same data.

-- A 32-bit integer hash of a row index and a salt (one stream per column): a multiplicative spread of
-- the index, then two multiply-xorshift rounds and a final xorshift (Thomas Mueller's 0x45d9f3b mixer).
-- Every product stays below 2^59, inside bigint. scout.sales writes the same arithmetic out inline (a SQL
-- function whose argument appears twice is not inlined, and calling it a million times is slow).
create or replace function pg_temp.ip_mix(x bigint) returns bigint
  language sql immutable strict parallel safe
  as 'select ((x # (x >> 16)) * 73244475) & 4294967295';

create or replace function pg_temp.ip_hash(i bigint, salt integer) returns bigint
  language sql immutable strict parallel safe
  as 'select pg_temp.ip_mix(pg_temp.ip_mix((i * 2654435761 + salt::bigint * 1013904223) & 4294967295)) # (pg_temp.ip_mix(pg_temp.ip_mix((i * 2654435761 + salt::bigint * 1013904223) & 4294967295)) >> 16)';

-- ---------------------------------------------------------------------------------------------------
-- scout.sales: rows spread evenly over the 731 days in date order; store (and so region), brand and
-- channel drawn from weighted buckets; units shaped by store size, weekday, month, paydays and a 12%
-- yearly growth trend; prices rise 4% in 2025; e-commerce grows from 7% to 15% of rows.
-- The per-row arithmetic is bigint (fast); numeric appears only for revenue's two decimals.
--
-- First the lookup tables (temporary, analysed so the planner hash-joins them): each weighted list is
-- expanded to 100 buckets, and a row's hash picks a bucket.

-- Stores: weight is rows out of 100; size_pct is units per row relative to an average store.
create temp table ip_store_buckets as
select (row_number() over (order by s.store_no, g.g) - 1)::bigint as bucket, s.region, s.store, s.size_pct::bigint
from (
  values
    (1, 'NCR', 'Quezon City', 7, 125),
    (2, 'NCR', 'Makati', 6, 130),
    (3, 'NCR', 'Pasig', 5, 110),
    (4, 'NCR', 'Taguig', 5, 120),
    (5, 'NCR', 'Manila', 6, 105),
    (6, 'NCR', 'Caloocan', 4, 90),
    (7, 'NCR', 'Paranaque', 4, 100),
    (8, 'NCR', 'Mandaluyong', 3, 95),
    (9, 'North Luzon', 'Baguio', 3, 85),
    (10, 'North Luzon', 'San Fernando', 4, 90),
    (11, 'North Luzon', 'Dagupan', 3, 80),
    (12, 'North Luzon', 'Tuguegarao', 2, 75),
    (13, 'South Luzon', 'Calamba', 4, 95),
    (14, 'South Luzon', 'Batangas', 4, 90),
    (15, 'South Luzon', 'Lucena', 3, 80),
    (16, 'South Luzon', 'Naga', 3, 80),
    (17, 'South Luzon', 'Antipolo', 4, 100),
    (18, 'Visayas', 'Cebu City', 6, 115),
    (19, 'Visayas', 'Iloilo', 4, 90),
    (20, 'Visayas', 'Bacolod', 3, 85),
    (21, 'Visayas', 'Tacloban', 2, 75),
    (22, 'Visayas', 'Dumaguete', 2, 70),
    (23, 'Mindanao', 'Davao', 6, 105),
    (24, 'Mindanao', 'Cagayan de Oro', 3, 85),
    (25, 'Mindanao', 'General Santos', 2, 80),
    (26, 'Mindanao', 'Zamboanga', 2, 75)
) as s (store_no, region, store, weight, size_pct)
cross join lateral generate_series(1, s.weight) as g (g);

-- Brands: weight is rows out of 100; price_cents is the shelf price of one unit in 2024.
create temp table ip_brand_buckets as
select (row_number() over (order by b.brand_no, g.g) - 1)::bigint as bucket, b.brand, b.category, b.price_cents::bigint
from (
  values
    (1, 'Alaska', 'Dairy', 14, 5200),
    (2, 'Oishi', 'Snacks', 13, 1500),
    (3, 'Del Monte', 'Beverages', 10, 6500),
    (4, 'Nestlé', 'Beverages', 11, 4800),
    (5, 'Lucky Me', 'Noodles', 12, 1400),
    (6, 'Rebisco', 'Biscuits', 9, 1100),
    (7, 'Jack n Jill', 'Snacks', 9, 2000),
    (8, 'Century Tuna', 'Canned goods', 8, 3800),
    (9, 'Bear Brand', 'Dairy', 8, 4200),
    (10, 'Kopiko', 'Coffee', 6, 900)
) as b (brand_no, brand, category, weight, price_cents)
cross join lateral generate_series(1, b.weight) as g (g);

-- Channels: units per row (per cent) and basket size per order (tenths of a unit). The draw gives
-- e-commerce 7% of rows at the start growing to 15%, and splits the rest 46:34:20.
create temp table ip_channels as
select *
from (
  values
    (1, 'Sari-sari stores', 60::bigint, 16::bigint),
    (2, 'Supermarkets', 160, 55),
    (3, 'Convenience', 80, 22),
    (4, 'E-commerce', 120, 40)
) as c (channel_no, channel, units_pct, basket_tenths);

-- Days: weekday x month x payday (per cent each) x growth trend (per mille), and the year's price
-- index (per cent).
create temp table ip_days as
select
  d,
  date '2024-01-01' + d as sale_date,
  (array[92, 90, 94, 97, 108, 122, 117])[d % 7 + 1]::bigint
    * (array[94, 90, 96, 98, 101, 97, 95, 97, 100, 103, 110, 131])[date_part('month', date '2024-01-01' + d)::integer]
    * (case when date_part('day', date '2024-01-01' + d)::integer in (1, 15, 16, 30, 31) then 110 else 100 end)
    * (1000 + d * 120 / 365) as day_factor,
  (100 + (date_part('year', date '2024-01-01' + d)::integer - 2024) * 4)::bigint as price_pct
from generate_series(0, 730) as d;

analyze pg_temp.ip_store_buckets;
analyze pg_temp.ip_brand_buckets;
analyze pg_temp.ip_channels;
analyze pg_temp.ip_days;

truncate table scout.sales;

insert into scout.sales (sale_date, region, store, brand, category, channel, orders, units, revenue)
with params as (
  select greatest(1, coalesce(nullif(current_setting('insightpulse.sales_rows', true), '')::bigint, 50000)) as n
),
-- Two hashes per row, pg_temp.ip_hash(i, 1) and pg_temp.ip_hash(i, 2) written out, computed once.
hashed as materialized (
  select i, (i * 731 / p.n)::integer as d, k2.a # (k2.a >> 16) as h1, k2.b # (k2.b >> 16) as h2
  from params p
  cross join lateral generate_series(0::bigint, p.n - 1) as i
  cross join lateral (
    select (i * 2654435761 + 1013904223) & 4294967295 as a, (i * 2654435761 + 2027808446) & 4294967295 as b
  ) as k0
  cross join lateral (
    select ((k0.a # (k0.a >> 16)) * 73244475) & 4294967295 as a, ((k0.b # (k0.b >> 16)) * 73244475) & 4294967295 as b
  ) as k1
  cross join lateral (
    select ((k1.a # (k1.a >> 16)) * 73244475) & 4294967295 as a, ((k1.b # (k1.b >> 16)) * 73244475) & 4294967295 as b
  ) as k2
),
draws as (
  select
    h.d,
    h.h1 % 100 as store_bucket,
    (h.h1 / 100) % 100 as brand_bucket,
    40 + (h.h1 / 10000) % 180 as units_tenths,
    case
      when h.h2 % 1000 < 70 + h.d * 80 / 730 then 4
      when (h.h2 / 1000) % 100 < 46 then 1
      when (h.h2 / 1000) % 100 < 80 then 2
      else 3
    end as channel_no,
    (h.h2 / 100000) % 9 as discount_pct
  from hashed h
),
shaped as (
  select
    dy.sale_date,
    st.region,
    st.store,
    br.brand,
    br.category,
    ch.channel,
    ch.basket_tenths,
    -- units: 20 .. 109.5 per row, times store size, channel and the day's factors (rounded half up)
    greatest(
      1,
      (r.units_tenths * 5 * st.size_pct * ch.units_pct * dy.day_factor + 50000000000000) / 100000000000000
    ) as units,
    br.price_cents * dy.price_pct * (100 - r.discount_pct) as price_micro
  from draws r
  join pg_temp.ip_days dy on dy.d = r.d
  join pg_temp.ip_store_buckets st on st.bucket = r.store_bucket
  join pg_temp.ip_brand_buckets br on br.bucket = r.brand_bucket
  join pg_temp.ip_channels ch on ch.channel_no = r.channel_no
)
select
  sale_date,
  region,
  store,
  brand,
  category,
  channel,
  greatest(1, (units * 20 + basket_tenths) / (basket_tenths * 2))::integer,
  units::integer,
  ((units * price_micro + 5000) / 10000) * 0.01
from shaped;

-- ---------------------------------------------------------------------------------------------------
-- opex.close_tasks: each entity closes each month with twelve tasks due a few days after month end.
-- Closes get faster over the two years; the December 2025 close is still open at the end of the data.
truncate table opex.close_tasks, opex.close_metrics;

insert into opex.close_tasks (task_id, period, entity, task_name, owner, status, due_date, completed_date)
with entities (entity_no, entity, slowness) as (
  values (1, 'PH Holdings', 0), (2, 'PH Retail', 1), (3, 'PH Distribution', 0), (4, 'SG Regional', 2)
),
tasks (task_no, task_name, owner, due_offset) as (
  values
    (1, 'Bank reconciliation', 'Maria Santos', 2),
    (2, 'AP cutoff', 'Jose Reyes', 2),
    (3, 'AR aging review', 'Ana Cruz', 3),
    (4, 'Accruals', 'Maria Santos', 3),
    (5, 'Payroll reconciliation', 'Carlo Garcia', 3),
    (6, 'Inventory valuation', 'Liza Mendoza', 4),
    (7, 'Fixed assets', 'Jose Reyes', 4),
    (8, 'Prepaid amortisation', 'Ana Cruz', 4),
    (9, 'Intercompany reconciliation', 'Paolo Tan', 5),
    (10, 'Revenue recognition', 'Liza Mendoza', 5),
    (11, 'Tax provision', 'Paolo Tan', 6),
    (12, 'Management review', 'Grace Lim', 7)
),
periods as (
  select m, (date '2024-01-01' + m * interval '1 month')::date as period
  from generate_series(0, 23) as m
),
planned as (
  select
    (p.m * 4 + e.entity_no - 1) * 12 + t.task_no as task_id,
    p.m,
    p.period,
    e.entity,
    t.task_name,
    t.owner,
    ((p.period + interval '1 month')::date - 1) as period_end,
    ((p.period + interval '1 month')::date - 1) + t.due_offset as due_date,
    e.slowness
  from periods p cross join entities e cross join tasks t
),
done as (
  select
    pl.*,
    greatest(
      pl.period_end + 1,
      pl.due_date + (pg_temp.ip_hash(pl.task_id, 11) % 9)::integer - 5 + pl.slowness - pl.m / 8
    ) as finished
  from planned pl
)
select
  task_id,
  period,
  entity,
  task_name,
  owner,
  case when m = 23 then 'open' when finished > due_date then 'late' else 'done' end,
  due_date,
  case when m = 23 then null else finished end
from done;

-- opex.close_metrics: one row per finished close (period and entity), from its tasks.
insert into opex.close_metrics (period, entity, days_to_close, on_time_rate, adjustments)
select
  period,
  entity,
  (max(completed_date) - ((period + interval '1 month')::date - 1)) - 1
    + (pg_temp.ip_hash(min(task_id), 12) % 10) / 10.0,
  round(count(*) filter (where status = 'done')::numeric / count(*), 4),
  (count(*) filter (where status = 'late') + pg_temp.ip_hash(min(task_id), 13) % 5)::integer
from opex.close_tasks
where status <> 'open'
group by period, entity;

-- ---------------------------------------------------------------------------------------------------
-- te_tax.expenses: about twelve expense lines a working day (fewer at weekends) across departments and
-- categories; amounts follow a Q4 peak and an 8% yearly trend; VAT is 12% inclusive where it applies;
-- lines from the last six weeks are often still pending.
truncate table te_tax.expenses;

insert into te_tax.expenses (
  expense_id, expense_date, department, category, vendor, amount, tax_amount, reimbursable, status
)
with departments (dept_no, department, weight) as (
  values
    (1, 'Sales', 26),
    (2, 'Marketing', 18),
    (3, 'Operations', 16),
    (4, 'Supply Chain', 14),
    (5, 'IT', 10),
    (6, 'Finance', 9),
    (7, 'HR', 7)
),
categories (cat_no, category, weight, base_cents, reimbursable, vat, vendors) as (
  values
    (1, 'Airfare', 12, 850000, true, true, array['Philippine Airlines', 'Cebu Pacific', 'AirAsia']),
    (2, 'Lodging', 10, 450000, true, true, array['Marco Polo Hotels', 'Seda Hotels', 'Go Hotels', 'Red Planet']),
    (3, 'Meals', 24, 120000, true, true, array['Jollibee', 'Max''s Restaurant', 'Mang Inasal', 'Starbucks']),
    (4, 'Ground transport', 18, 45000, true, false, array['Grab', 'Angkas', 'Petron', 'Shell']),
    (5, 'Client entertainment', 10, 380000, true, true, array['Manila Hotel', 'Vikings', 'Gallery by Chele']),
    (6, 'Software', 8, 650000, false, true, array['Microsoft', 'Atlassian', 'Google Workspace', 'Zoom']),
    (7, 'Supplies', 12, 180000, false, true, array['National Book Store', 'Office Warehouse', 'Lazada']),
    (8, 'Training', 6, 1500000, false, true, array['AIM', 'Ateneo CCE', 'Coursera'])
),
dept_buckets as (
  select (row_number() over (order by d.dept_no, g.g) - 1)::bigint as bucket, d.department
  from departments d cross join lateral generate_series(1, d.weight) as g (g)
),
cat_buckets as (
  select (row_number() over (order by c.cat_no, g.g) - 1)::bigint as bucket, c.*
  from categories c cross join lateral generate_series(1, c.weight) as g (g)
),
lines as (
  select
    i,
    (i / 14)::integer as d,
    pg_temp.ip_hash(i, 21) as h_keep,
    pg_temp.ip_hash(i, 22) as h_dept,
    pg_temp.ip_hash(i, 23) as h_cat,
    pg_temp.ip_hash(i, 24) as h_amount,
    pg_temp.ip_hash(i, 25) as h_vendor,
    pg_temp.ip_hash(i, 26) as h_status
  from generate_series(0::bigint, 731 * 14 - 1) as i
),
kept as (
  select l.*, date '2024-01-01' + l.d as expense_date
  from lines l
  -- weekdays keep 6 lines in 7; weekends 1 in 7
  where (l.d % 7 < 5 and l.h_keep % 7 <> 0) or (l.d % 7 >= 5 and l.h_keep % 7 = 0)
),
valued as (
  select
    k.*,
    db.department,
    cb.category,
    cb.reimbursable,
    cb.vat,
    cb.vendors[1 + (k.h_vendor % array_length(cb.vendors, 1))::integer] as vendor,
    round(
      cb.base_cents
        * (50 + k.h_amount % 101)
        * (array[95, 90, 97, 96, 100, 98, 96, 99, 101, 106, 112, 128])[extract(month from k.expense_date)::integer]
        * (1000 + k.d * 80 / 365)
        / 1000000000.0,
      2
    ) as amount
  from kept k
  join dept_buckets db on db.bucket = k.h_dept % (select count(*) from dept_buckets)
  join cat_buckets cb on cb.bucket = k.h_cat % (select count(*) from cat_buckets)
)
select
  i + 1,
  expense_date,
  department,
  category,
  vendor,
  amount,
  case when vat then round(amount * 12 / 112, 2) else 0 end,
  reimbursable,
  case
    when d >= 731 - 42 and h_status % 100 < 45 then 'pending'
    when h_status % 100 < 4 then 'rejected'
    when h_status % 100 < 6 then 'pending'
    else 'approved'
  end
from valued;

-- ---------------------------------------------------------------------------------------------------
-- ces.campaign_performance: an always-on brand campaign plus seasonal bursts, per day, channel and
-- creative; CTR about 1-3% (search highest), conversion and CPM by channel, a one-week ramp-up.
truncate table ces.campaign_performance;

insert into ces.campaign_performance (perf_date, campaign, channel, creative, impressions, clicks, conversions, spend)
with campaigns (camp_no, campaign, starts, ends, weight_pct, channels, creatives) as (
  values
    (1, 'Always On Brand', date '2024-01-01', date '2025-12-31', 60,
      array['Facebook', 'Google Search', 'YouTube'], array['Hero video', 'Static banner']),
    (2, 'Summer Refresh 2024', date '2024-03-15', date '2024-05-31', 100,
      array['Facebook', 'Instagram', 'TikTok'], array['Hero video', 'Carousel', 'Static banner']),
    (3, 'Back to School 2024', date '2024-07-15', date '2024-08-31', 80,
      array['Facebook', 'TikTok', 'YouTube'], array['Hero video', 'Carousel', 'Static banner']),
    (4, 'Noche Buena 2024', date '2024-10-15', date '2024-12-31', 140,
      array['Facebook', 'Instagram', 'YouTube', 'Google Search'], array['Hero video', 'Carousel', 'Static banner']),
    (5, 'Valentine Treats 2025', date '2025-01-25', date '2025-02-16', 70,
      array['Instagram', 'TikTok'], array['Hero video', 'Carousel', 'Static banner']),
    (6, 'Summer Refresh 2025', date '2025-03-15', date '2025-05-31', 110,
      array['Facebook', 'Instagram', 'TikTok'], array['Hero video', 'Carousel', 'Static banner']),
    (7, 'Back to School 2025', date '2025-07-15', date '2025-08-31', 90,
      array['Facebook', 'TikTok', 'YouTube'], array['Hero video', 'Carousel', 'Static banner']),
    (8, 'Noche Buena 2025', date '2025-10-15', date '2025-12-31', 150,
      array['Facebook', 'Instagram', 'YouTube', 'Google Search'], array['Hero video', 'Carousel', 'Static banner'])
),
-- base daily impressions, CTR in basis points, conversion per mille of clicks, CPM in centavos
channels (channel, impressions, ctr_bp, cvr_pm, cpm_cents) as (
  values
    ('Facebook', 42000, 130, 25, 9500),
    ('Instagram', 26000, 115, 20, 11000),
    ('TikTok', 38000, 150, 15, 7000),
    ('YouTube', 30000, 105, 12, 12000),
    ('Google Search', 9000, 250, 60, 35000)
),
creatives (creative, ctr_pct) as (
  values ('Hero video', 110), ('Carousel', 100), ('Static banner', 85)
),
grid as (
  select
    c.camp_no,
    c.campaign,
    c.weight_pct,
    day::date as perf_date,
    day::date - c.starts as age,
    ch.channel,
    ch.ord as channel_no,
    cr.creative,
    cr.ord as creative_no
  from campaigns c
  cross join lateral generate_series(c.starts::timestamp, c.ends::timestamp, interval '1 day') as day
  cross join lateral unnest(c.channels) with ordinality as ch (channel, ord)
  cross join lateral unnest(c.creatives) with ordinality as cr (creative, ord)
),
keyed as (
  select
    g.*,
    ((g.camp_no * 1000 + (g.perf_date - date '2024-01-01')) * 8 + g.channel_no) * 4 + g.creative_no as k
  from grid g
),
measured as (
  select
    k.perf_date,
    k.campaign,
    k.channel,
    k.creative,
    round(
      ch.impressions::bigint
        * k.weight_pct
        * (array[96, 94, 95, 97, 104, 112, 108])[(k.perf_date - date '2024-01-01') % 7 + 1]
        * least(100, 40 + k.age * 10)
        * (80 + pg_temp.ip_hash(k.k, 31) % 41)
        / 100000000.0
    )::integer as impressions,
    ch.ctr_bp * cr.ctr_pct * (85 + pg_temp.ip_hash(k.k, 32) % 31) as ctr_scaled,
    ch.cvr_pm * (80 + pg_temp.ip_hash(k.k, 33) % 41) as cvr_scaled,
    ch.cpm_cents * (90 + pg_temp.ip_hash(k.k, 34) % 21) as cpm_scaled
  from keyed k
  join channels ch on ch.channel = k.channel
  join creatives cr on cr.creative = k.creative
),
clicked as (
  select m.*, round(m.impressions * m.ctr_scaled / 100000000.0)::integer as clicks
  from measured m
)
select
  perf_date,
  campaign,
  channel,
  creative,
  impressions,
  clicks,
  round(clicks * cvr_scaled / 100000.0)::integer,
  round(impressions * cpm_scaled / 10000000.0, 2)
from clicked;

-- ---------------------------------------------------------------------------------------------------
-- Gold tables, as the scheduled jobs write them.
truncate table gold.sales_daily_summary, gold.targets, gold.finance_monthly;

insert into gold.sales_daily_summary (sale_date, region, revenue, orders, units)
select sale_date, region, sum(revenue), sum(orders), sum(units)
from scout.sales
group by sale_date, region;

-- Monthly targets per region for revenue and orders: plans between 94% and 107% of what happened.
insert into gold.targets (period, region, metric, target)
with months as (
  select m, (date '2024-01-01' + m * interval '1 month')::date as period
  from generate_series(0, 23) as m
),
regions (region_no, region) as (
  values (1, 'NCR'), (2, 'North Luzon'), (3, 'South Luzon'), (4, 'Visayas'), (5, 'Mindanao')
),
actual as (
  select date_trunc('month', sale_date::timestamp)::date as period, region, sum(revenue) as revenue, sum(orders) as orders
  from scout.sales
  group by 1, 2
)
select
  mo.period,
  r.region,
  metric.name,
  case metric.name
    when 'revenue' then round(coalesce(a.revenue, 0) * (940 + pg_temp.ip_hash(mo.m * 10 + r.region_no, 41) % 131) / 1000)
    else round(coalesce(a.orders, 0) * (940 + pg_temp.ip_hash(mo.m * 10 + r.region_no, 42) % 131) / 1000.0)
  end
from months mo
cross join regions r
cross join (values ('revenue'), ('orders')) as metric (name)
left join actual a on a.period = mo.period and a.region = r.region;

insert into gold.finance_monthly (period, revenue, expenses)
with months as (
  select (date '2024-01-01' + m * interval '1 month')::date as period
  from generate_series(0, 23) as m
),
revenue as (
  select date_trunc('month', sale_date::timestamp)::date as period, sum(revenue) as revenue
  from scout.sales
  group by 1
),
expenses as (
  select date_trunc('month', expense_date::timestamp)::date as period, sum(amount) as expenses
  from te_tax.expenses
  where status <> 'rejected'
  group by 1
)
select mo.period, coalesce(r.revenue, 0), coalesce(e.expenses, 0)
from months mo
left join revenue r on r.period = mo.period
left join expenses e on e.period = mo.period;

-- ---------------------------------------------------------------------------------------------------
-- Job runs: three nightly runs per job at the end of the data (one failed and was re-run), the
-- latest a success that wrote the job's table. Freshness reads the latest run per job.
delete from public.data_lab_job_runs
where job_name in ('sales_summary', 'finance_monthly', 'close_metrics', 'campaign_performance');

insert into public.data_lab_job_runs (job_name, status, rows_written, started_at, finished_at)
with jobs (job_no, job_name, rows_written, seconds) as (
  values
    (1, 'sales_summary', (select count(*) from gold.sales_daily_summary)::integer, 252),
    (2, 'finance_monthly', (select count(*) from gold.finance_monthly)::integer, 38),
    (3, 'close_metrics', (select count(*) from opex.close_metrics)::integer, 21),
    (4, 'campaign_performance', (select count(*) from ces.campaign_performance)::integer, 117)
),
nights (night_no, night) as (
  values
    (1, timestamptz '2025-12-30 02:00:00+00'),
    (2, timestamptz '2025-12-31 02:00:00+00'),
    (3, timestamptz '2026-01-01 02:00:00+00')
),
runs as (
  select
    j.*,
    n.night_no,
    n.night + (j.job_no - 1) * interval '10 minutes' as started_at,
    j.job_name = 'campaign_performance' and n.night_no = 2 as failed
  from jobs j cross join nights n
)
select
  job_name,
  case when failed then 'failed' else 'success' end,
  case when failed then 0 else rows_written end,
  started_at,
  started_at + seconds * interval '1 second'
from runs
order by night_no, job_no;

analyze scout.sales;
analyze opex.close_tasks;
analyze opex.close_metrics;
analyze te_tax.expenses;
analyze ces.campaign_performance;
analyze gold.sales_daily_summary;
analyze gold.targets;
analyze gold.finance_monthly;
analyze public.data_lab_job_runs;

drop table pg_temp.ip_store_buckets, pg_temp.ip_brand_buckets, pg_temp.ip_channels, pg_temp.ip_days;
drop function pg_temp.ip_hash(bigint, integer);
drop function pg_temp.ip_mix(bigint);
