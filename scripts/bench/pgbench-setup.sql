-- Reference tables for pgbench, beside (not inside) the platform's tables.
drop table if exists bench_ref_insert, bench_ref_naive_reg, bench_ref_naive_activity;
create table bench_ref_insert (id bigserial primary key, activity_id bigint not null, member_id bigint not null,
  created_at timestamptz not null default now(), unique (activity_id, member_id));
create table bench_ref_naive_activity (id bigint primary key, capacity int not null, taken int not null);
create table bench_ref_naive_reg (id bigserial primary key, activity_id bigint not null, member_id bigint not null,
  created_at timestamptz not null default now(), unique (activity_id, member_id));
insert into bench_ref_naive_activity values (1, 2000000000, 0);
