-- The naive design: lock the activity row, check and count, insert the registration.
\set m random(1, 2000000000)
begin;
select capacity, taken from bench_ref_naive_activity where id = 1 for update;
update bench_ref_naive_activity set taken = taken + 1 where id = 1 and taken < capacity;
insert into bench_ref_naive_reg (activity_id, member_id) values (1, :m);
commit;
