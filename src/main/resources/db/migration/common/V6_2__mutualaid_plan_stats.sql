-- The number of enrolments per plan, kept as the enrolments are written, so the fund report does not count
-- two million rows; and an index for counting a fund's granted claims.
create table mutualaid_plan_stats (
  plan_id     bigint not null primary key references mutualaid_plan (id),
  enrolments  bigint not null
);
insert into mutualaid_plan_stats (plan_id, enrolments)
  select p.id, (select count(*) from mutualaid_enrolment e where e.plan_id = p.id) from mutualaid_plan p;
create index mutualaid_ledger_txn_fund on mutualaid_ledger_txn (project, cover_year, kind);
