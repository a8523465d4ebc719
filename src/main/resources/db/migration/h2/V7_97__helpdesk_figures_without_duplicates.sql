-- A duplicate (a member's second request on a matter already open, stored closed and linked to the open one) is
-- not a request handled: the month figures leave it out, as the live figures and the exports do.
create or replace view help_request_month_figures as
select cast(extract(year from r.received_at at time zone z.zone) * 100
         + extract(month from r.received_at at time zone z.zone) as int) as month_key,
       coalesce(regexp_substr(r.handling_org_path, '^/[0-9]+/[0-9]+/[0-9]+/'), r.handling_org_path) as roll_path,
       r.request_type, r.channel,
       count(*) as closed,
       sum(case when r.resolution_due is not null and r.closed_at <= r.resolution_due then 1 else 0 end) as closed_on_time,
       sum(case when r.close_working_seconds is not null then 1 else 0 end) as timed,
       sum(coalesce(r.close_working_seconds, 0)) as working_seconds,
       sum(case when r.satisfaction is not null then 1 else 0 end) as rated,
       sum(case when r.satisfaction in ('SATISFIED', 'BASICALLY_SATISFIED') then 1 else 0 end) as satisfied
from help_request r cross join helpdesk_figures_zone z
where r.status = 'CLOSED' and r.duplicate_of is null
group by cast(extract(year from r.received_at at time zone z.zone) * 100
         + extract(month from r.received_at at time zone z.zone) as int),
       coalesce(regexp_substr(r.handling_org_path, '^/[0-9]+/[0-9]+/[0-9]+/'), r.handling_org_path),
       r.request_type, r.channel;
