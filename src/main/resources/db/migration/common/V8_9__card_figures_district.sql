-- The figures' sums also per district (kind in lower case: y, m, r, c, o; org_path cut to the district's path), so the
-- city's and a district's figures read a few thousand rows, not one per merchant and service point. A fold first
-- writes its batch's sums per organisation path to card_figure_delta, then adds them to card_figure at both levels
-- and deletes them (the first visits are looked up once).
create table card_figure_delta (
  batch        bigint       not null,
  yr           int          not null,
  kind         varchar(1)   not null,
  k            varchar(30)  not null,
  org_path     varchar(200) not null,
  visits       bigint       not null,
  members      bigint       not null,
  discount_fen bigint       not null
);
create index card_figure_delta_batch on card_figure_delta (batch);
-- the sums already kept, at the district level too
insert into card_figure (yr, kind, k, org_path, visits, members, discount_fen)
select yr, lower(kind), k, case when position('/' in substring(org_path from 2)) + 1 = char_length(org_path) then org_path
  else substring(org_path from 1 for 1 + position('/' in substring(org_path from 2))
    + position('/' in substring(org_path from 2 + position('/' in substring(org_path from 2))))) end,
  sum(visits), sum(members), sum(discount_fen)
from card_figure where kind in ('Y', 'M', 'R', 'C', 'O')
group by yr, lower(kind), k, case when position('/' in substring(org_path from 2)) + 1 = char_length(org_path) then org_path
  else substring(org_path from 1 for 1 + position('/' in substring(org_path from 2))
    + position('/' in substring(org_path from 2 + position('/' in substring(org_path from 2))))) end;
