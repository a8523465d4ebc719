-- A campaign's budget in shards: each redemption takes its discount from one shard by a conditional update, so up
-- to as many redemptions of one campaign commit at once as there are shards (one budget row made every redemption
-- wait for the previous one's commit). No shard is ever overdrawn and the shards add up to the budget. From now on
-- card_campaign.remaining_fen is the budget at creation; what is left is the sum of the shards.
create table card_campaign_budget (
  campaign_id   bigint not null references card_campaign (id),
  shard         int    not null,
  remaining_fen bigint not null,
  primary key (campaign_id, shard),
  constraint card_campaign_budget_left check (remaining_fen >= 0)
);
insert into card_campaign_budget (campaign_id, shard, remaining_fen) select id, 0, remaining_fen from card_campaign;
