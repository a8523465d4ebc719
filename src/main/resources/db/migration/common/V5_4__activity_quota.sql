-- Quotas by organisation: an activity's places 1..n split between organisations (e.g. districts), each a
-- range of place numbers kept for its members until the plan's release time; places in no quota are the common
-- pool. The place number stays the only thing that makes a place taken, so quotas cannot cause an oversell.
create table activity_quota_plan (
  activity_id bigint primary key references activity (id),
  release_at  timestamp with time zone,
  -- set when the release has offered the freed places to the waitlist (once, by one instance)
  released_done_at timestamp with time zone,
  updated_at  timestamp with time zone not null,
  updated_by  varchar(100) not null
);

create table activity_quota (
  activity_id bigint not null references activity (id),
  org_id      bigint not null references organisation (id),
  first_place int    not null,
  places      int    not null,
  primary key (activity_id, org_id),
  constraint activity_quota_places check (places > 0 and first_place > 0)
);
create index activity_quota_plan_release on activity_quota_plan (release_at);
