-- A duplicate (a member's second request on a matter already open, stored closed and linked to the open one) is
-- not a request handled: the month figures leave it out, as the live figures and the exports do.
create or replace function help_request_figures_add(r help_request, sign int) returns void language plpgsql as $$
declare
  z varchar(60);
begin
  if r.duplicate_of is not null then
    return;
  end if;
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

-- Count again without the duplicates counted so far.
delete from help_request_month_figures;
insert into help_request_month_figures (month_key, roll_path, request_type, channel, closed, closed_on_time, timed,
  working_seconds, rated, satisfied)
select (extract(year from r.received_at at time zone z.zone) * 100
         + extract(month from r.received_at at time zone z.zone))::int,
       coalesce(substring(r.handling_org_path from '^/[0-9]+/[0-9]+/[0-9]+/'), r.handling_org_path),
       r.request_type, r.channel, count(*),
       sum(case when r.resolution_due is not null and r.closed_at <= r.resolution_due then 1 else 0 end),
       sum(case when r.close_working_seconds is not null then 1 else 0 end),
       sum(coalesce(r.close_working_seconds, 0)),
       sum(case when r.satisfaction is not null then 1 else 0 end),
       sum(case when r.satisfaction in ('SATISFIED', 'BASICALLY_SATISFIED') then 1 else 0 end)
from help_request r cross join helpdesk_figures_zone z
where r.status = 'CLOSED' and r.duplicate_of is null
group by 1, 2, 3, 4;
