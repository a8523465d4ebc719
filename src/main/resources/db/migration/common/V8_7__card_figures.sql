-- The figures of the 5·1 card's redemptions kept as sums (FigureSummary): a redemption is written by the till only;
-- a fold (a job, and every reading of the staff figures) marks the redemptions not yet counted with its batch number
-- (fold_batch, null until then) and adds them to card_figure, one row per year, grouping (kind: Y the year, M a
-- month, R a merchant, C a category, O an outlet), its key and the member's organisation path: member-visits, the
-- discount given and the distinct members. A member is counted once per year and grouping key: card_figure_member
-- holds the first visit (the members column is the number of first visits), so distinct members stay exact — never a
-- sum of monthly distincts. card_figure_state is locked by the fold under way (folds run one at a time).
alter table card_redemption add column fold_batch bigint;
create index card_redemption_fold on card_redemption (fold_batch);

create table card_figure (
  yr           int          not null,
  kind         varchar(1)   not null,
  k            varchar(30)  not null,
  org_path     varchar(200) not null,
  visits       bigint       not null,
  members      bigint       not null,
  discount_fen bigint       not null,
  primary key (yr, kind, k, org_path)
);

create table card_figure_member (
  yr        int         not null,
  kind      varchar(1)  not null,
  k         varchar(30) not null,
  member_id bigint      not null,
  primary key (yr, kind, k, member_id)
);

create table card_figure_state (
  id    int    primary key,
  batch bigint not null
);
insert into card_figure_state (id, batch) values (1, 0);
