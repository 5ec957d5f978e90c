-- InsightPulse demo warehouse: the read-only roles Jenny's spaces and Superset run as.
-- They read the curated schemas and nothing else: no writes, and no access to the logs in public
-- (jenny_queries, jenny_feedback, data_lab_job_runs). Roles are NOLOGIN: a login role is granted
-- membership (GRANT jenny_readonly TO app_login) and queries run with SET ROLE.
-- Applies to PGlite and to PostgreSQL 15+; every statement can run twice.

do $$
begin
  if not exists (select 1 from pg_catalog.pg_roles where rolname = 'jenny_readonly') then
    create role jenny_readonly nologin;
  end if;
  if not exists (select 1 from pg_catalog.pg_roles where rolname = 'superset_readonly') then
    create role superset_readonly nologin;
  end if;
end
$$;

grant usage on schema scout, opex, te_tax, ces, gold to jenny_readonly, superset_readonly;

grant select on all tables in schema scout, opex, te_tax, ces, gold to jenny_readonly, superset_readonly;

-- Tables created later in these schemas (by the role applying this file) are readable too.
alter default privileges in schema scout, opex, te_tax, ces, gold
  grant select on tables to jenny_readonly, superset_readonly;

-- The logs stay private, whatever was granted before.
revoke all on table public.jenny_queries, public.jenny_feedback, public.data_lab_job_runs
  from jenny_readonly, superset_readonly;
