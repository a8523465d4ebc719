-- Weekly series (每周重复): an activity may repeat every week, optionally until a date. A job publishes each
-- next instance as a copy moved by whole weeks; repeat_of names the instance it follows, and the unique
-- constraint lets an instance have one next instance only, however often and on however many nodes the job
-- runs. repeat_stopped_at marks a last instance (past repeat_until) so the job stops looking at it.
alter table activity add column repeat_weekly boolean default false not null;
alter table activity add column repeat_until date;
alter table activity add column repeat_of bigint;
alter table activity add column repeat_stopped_at timestamp with time zone;
alter table activity add constraint activity_repeat_of foreign key (repeat_of) references activity (id);
alter table activity add constraint activity_repeat_once unique (repeat_of);
create index activity_repeat_due on activity (repeat_weekly, opens_at);
