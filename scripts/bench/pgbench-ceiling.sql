-- The ceiling: the cheapest durable write a registration cannot avoid, one row under a unique index per transaction.
\set m random(1, 2000000000)
insert into bench_ref_insert (activity_id, member_id) values (1, :m);
