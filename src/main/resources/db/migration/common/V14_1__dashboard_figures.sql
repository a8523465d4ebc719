-- The 数说 dashboards’ kept-up-to-date figures: for each organisation, year and figure, the total over the
-- organisation’s SUBTREE (already rolled up), so that a dashboard is one indexed read of a handful of rows.
-- Written by the refresh job only, one transaction per year; a frozen year’s rows are never written again.
-- parent_id and org_path are the tree as it was when the figures were written (a frozen year keeps its tree).
-- Ratios are not stored: the page divides their two stored parts.
create table dashboard_figure (
  figure_year  integer      not null,
  org_id       bigint       not null,
  figure_key   varchar(80)  not null,
  parent_id    bigint,
  org_path     varchar(255) not null,
  figure_value bigint       not null,
  primary key (figure_year, org_id, figure_key)
);
-- the drill-down: one figure of every child of an organisation
create index dashboard_figure_children on dashboard_figure (figure_year, parent_id, figure_key);

-- One row per year the refresh job has written: when (the start of the collection, "figures as of"), how long it
-- took, and whether (since when, by whom) the year is frozen.
create table dashboard_year (
  figure_year    integer      primary key,
  refreshed_at   timestamp with time zone,
  refresh_millis bigint,
  frozen_at      timestamp with time zone,
  frozen_by      varchar(100)
);
