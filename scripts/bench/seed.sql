-- Benchmark members: :members active members in an enterprise "BENCH" under the city federation, each with a
-- member account and an API token 'bench-token-<n>' (only its SHA-256 is stored, as ApiTokens does).
-- Idempotent: rows are added only up to :members. Run with psql -v members=100000.
\set ON_ERROR_STOP on
insert into organisation (parent_id, kind, name, code, path, depth, status, created_at)
select id, 'ENTERPRISE', '压测企业工会', 'BENCH', path || 'x', depth + 1, 'ACTIVE', now()
from organisation where code = 'NB' and not exists (select 1 from organisation where code = 'BENCH');
update organisation b set path = p.path || b.id || '/' from organisation p
where b.code = 'BENCH' and p.code = 'NB' and b.path like '%x';

create temporary table bench_n as
select n from generate_series(1, :members) n
where not exists (select 1 from member m where m.id_number_hash = 'bench-' || n);

insert into member (name, gender, birth_date, id_number_enc, id_number_hash, id_number_masked, org_id, member_type,
  status, joined_on, created_at, updated_at)
select '压测' || n, 'MALE', date '1990-01-01' + (n % 7000), 'bench', 'bench-' || n, '3302**********' || lpad((n % 10000)::text, 4, '0'),
  (select id from organisation where code = 'BENCH'), 'IN_SERVICE', 'ACTIVE', date '2015-01-01', now(), now()
from bench_n;

insert into account (username, display_name, org_id, member_id, roles, enabled, created_at)
select 'member:' || m.id, m.name, null, m.id, 'MEMBER', true, now()
from member m join bench_n b on m.id_number_hash = 'bench-' || b.n;

insert into api_token (token_hash, account_id, expires_at, created_at)
select encode(sha256(convert_to('bench-token-' || lpad(b.n::text, 12, '0'), 'UTF8')), 'hex'), a.id,
  now() + interval '10 years', now()
from bench_n b join member m on m.id_number_hash = 'bench-' || b.n join account a on a.member_id = m.id;

analyze member; analyze account; analyze api_token;
select count(*) as bench_members from member where id_number_hash like 'bench-%';
