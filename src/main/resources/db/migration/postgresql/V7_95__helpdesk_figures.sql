-- Help desk figures (PostgreSQL). A city-wide year is ~330,000 requests: aggregating them on every look took
-- ~430-570 ms even from a covering index, so closed requests — the stable ~97% — are also counted per month of
-- receipt (in the platform's zone), handling organisation cut at the township level, type and channel, kept
-- exact on every write by a trigger. Open requests (~30,000 city-wide) are read live from the open index.
-- Adds a column to help_request (the working time from receipt to closing, written when a request is closed).
alter table help_request add column close_working_seconds bigint;

-- The zone the months are counted in: the platform's (gonghui.zone); HelpdeskFigureTables rewrites it and
-- rebuilds the month figures should the setting ever change.
create table helpdesk_figures_zone (
  id    int         primary key,
  zone  varchar(60) not null
);
insert into helpdesk_figures_zone (id, zone) values (1, 'Asia/Shanghai');

create table help_request_month_figures (
  month_key        int          not null,   -- yyyymm of receipt
  roll_path        varchar(400) not null,   -- the handling organisation's path, cut at the township (depth 3)
  request_type     varchar(16)  not null,
  channel          varchar(10)  not null,
  closed           int          not null,
  closed_on_time   int          not null,   -- closed no later than the resolution deadline
  timed            int          not null,   -- closed with their working time to close known
  working_seconds  bigint       not null,
  rated            int          not null,
  satisfied        int          not null,   -- 满意 or 基本满意
  constraint help_request_month_figures_pk primary key (month_key, roll_path, request_type, channel)
);

create function help_request_figures_add(r help_request, sign int) returns void language plpgsql as $$
declare
  z varchar(60);
begin
  select zone into z from helpdesk_figures_zone where id = 1;
  insert into help_request_month_figures as f (month_key, roll_path, request_type, channel, closed, closed_on_time,
    timed, working_seconds, rated, satisfied)
  values ((extract(year from r.received_at at time zone z) * 100 + extract(month from r.received_at at time zone z))::int,
    coalesce(substring(r.handling_org_path from '^/[0-9]+/[0-9]+/[0-9]+/'), r.handling_org_path),
    r.request_type, r.channel, sign,
    case when r.resolution_due is not null and r.closed_at <= r.resolution_due then sign else 0 end,
    case when r.close_working_seconds is not null then sign else 0 end,
    coalesce(r.close_working_seconds, 0) * sign,
    case when r.satisfaction is not null then sign else 0 end,
    case when r.satisfaction in ('SATISFIED', 'BASICALLY_SATISFIED') then sign else 0 end)
  on conflict (month_key, roll_path, request_type, channel) do update set
    closed = f.closed + excluded.closed,
    closed_on_time = f.closed_on_time + excluded.closed_on_time,
    timed = f.timed + excluded.timed,
    working_seconds = f.working_seconds + excluded.working_seconds,
    rated = f.rated + excluded.rated,
    satisfied = f.satisfied + excluded.satisfied;
end $$;

create function help_request_figures_trigger() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') and old.status = 'CLOSED' then
    perform help_request_figures_add(old, -1);
  end if;
  if tg_op in ('INSERT', 'UPDATE') and new.status = 'CLOSED' then
    perform help_request_figures_add(new, 1);
  end if;
  return null;
end $$;

create trigger help_request_figures_insert after insert on help_request
  for each row when (new.status = 'CLOSED') execute function help_request_figures_trigger();
-- Only writes that change what a closed request counts for: a reply, a note or the light job never fire it.
create trigger help_request_figures_update after update on help_request
  for each row when ((old.status = 'CLOSED' or new.status = 'CLOSED')
    and (old.status, old.satisfaction, old.close_working_seconds, old.closed_at, old.resolution_due,
         old.handling_org_path, old.request_type, old.channel, old.received_at)
    is distinct from (new.status, new.satisfaction, new.close_working_seconds, new.closed_at, new.resolution_due,
         new.handling_org_path, new.request_type, new.channel, new.received_at))
  execute function help_request_figures_trigger();
create trigger help_request_figures_delete after delete on help_request
  for each row when (old.status = 'CLOSED') execute function help_request_figures_trigger();

-- Figures over part of a month (and exports) read requests by receipt time.
create index help_request_received on help_request (received_at);
