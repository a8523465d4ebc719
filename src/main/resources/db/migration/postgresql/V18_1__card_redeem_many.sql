-- Redemptions at many tills committed together on PostgreSQL (Till's group commit, TillCommits): the redemptions
-- that reached the tills while the previous commit ran are written by one call, in one transaction. Each is done as
-- card_redeem (V17_1) does it, but a refusal does not raise: it undoes what the function wrote for that redemption (the
-- code's nonce, the member's turn, the budget taken) and is answered in the row of its position, so one refusal never
-- undoes the others of the batch. A row per redemption, in order: (ord, redemption_id, masked) when written, or
-- (ord, null, null, refusal) with refusal one of
--   KEY   the merchant's idempotency key is written already (the caller answers the first result);
--   GH001 card.code.not-bound (also a card whose member is gone), GH002 card.code.card-not-active,
--   GH003 card.code.replayed (a retry of a code's redemption ends here: the caller answers the first result),
--   GH004 card.merchant.campaign.member-limit, GH005 card.merchant.campaign.budget-spent.
-- A retry is not looked up beforehand (retries are rare): the spent code or the unique key refuses it.
-- The budget is taken before the redemption is written here (not last as in card_redeem): the shard's row is held to
-- the batch's commit either way. A batch takes its campaign's discounts from one shard (p_own_shard, then the one it
-- moved to) while that has enough, and moves on to a shard no other transaction holds (SKIP LOCKED), so writers'
-- batches seldom wait for each other and never deadlock while any free shard has enough; only when none has does it
-- wait for the others' shards, so that the budget is refused only when it is spent. Once a redemption of the batch
-- finds no shard with enough, the batch's later ones of that campaign (a discount as large or larger) are refused
-- at once, without writing and undoing.
create function card_redeem_many(p_card bigint[], p_member bigint[], p_nonce varchar[], p_minute bigint[],
  p_merchant bigint[], p_outlet bigint[], p_key varchar[], p_category varchar[], p_bill bigint[], p_discount bigint[],
  p_discount_id bigint[], p_campaign bigint[], p_per_member int[], p_own_shard int[], p_at timestamp with time zone[],
  p_ym int[], p_by varchar[])
returns table (ord int, redemption_id bigint, masked varchar, refusal varchar)
language plpgsql as $$
declare
  i int;
  v_member bigint;
  v_status varchar;
  v_masked varchar;
  v_path varchar;
  v_id bigint;
  v_shard int;
  v_other int;
  v_own int;
  v_last_campaign bigint;
  v_last_shard int;
  v_spent_campaign bigint;
  v_spent_from bigint;
begin
  for i in 1 .. coalesce(array_length(p_card, 1), 0) loop
    -- the card with its member's organisation path, in one statement
    select c.member_id, c.status, c.number_masked, o.path into v_member, v_status, v_masked, v_path
    from card c join member m on m.id = c.member_id join organisation o on o.id = m.org_id where c.id = p_card[i];
    if not found or v_member <> p_member[i] then
      return query select i, null::bigint, null::varchar, 'GH001'::varchar;
      continue;
    end if;
    if v_status <> 'ACTIVE' then
      return query select i, null::bigint, null::varchar, 'GH002'::varchar;
      continue;
    end if;
    if p_campaign[i] = v_spent_campaign and p_discount[i] >= v_spent_from then
      -- an earlier redemption of this batch found no shard with enough for a discount this size or smaller
      return query select i, null::bigint, null::varchar, 'GH005'::varchar;
      continue;
    end if;
    if p_nonce[i] is not null then
      insert into card_code_nonce (nonce, card_id, code_minute, used_at) values (p_nonce[i], p_card[i], p_minute[i], p_at[i])
      on conflict do nothing;
      if not found then
        return query select i, null::bigint, null::varchar, 'GH003'::varchar;
        continue;
      end if;
    end if;
    if p_campaign[i] is not null then
      insert into card_campaign_member as cm (campaign_id, member_id, used) values (p_campaign[i], p_member[i], 1)
      on conflict (campaign_id, member_id) do update set used = cm.used + 1 where cm.used < p_per_member[i];
      if not found then
        delete from card_code_nonce n where n.nonce = p_nonce[i];
        return query select i, null::bigint, null::varchar, 'GH004'::varchar;
        continue;
      end if;
    end if;
    v_shard := null;
    if p_campaign[i] is not null and p_discount[i] > 0 then
      -- the shard this batch took from last for the campaign, else the one the writer chose
      v_own := case when p_campaign[i] = v_last_campaign then v_last_shard else p_own_shard[i] end;
      update card_campaign_budget b set remaining_fen = b.remaining_fen - p_discount[i]
      where b.campaign_id = p_campaign[i] and b.shard = v_own and b.remaining_fen >= p_discount[i]
      returning b.shard into v_shard;
      if v_shard is null then
        -- another shard with enough left that no other transaction holds (never waits, so never a deadlock) ...
        select b.shard into v_other from card_campaign_budget b
        where b.campaign_id = p_campaign[i] and b.remaining_fen >= p_discount[i] and b.shard <> v_own
        order by (b.shard - v_own + 1000000) % 1000000 limit 1 for update skip locked;
        if found then
          update card_campaign_budget b set remaining_fen = b.remaining_fen - p_discount[i]
          where b.campaign_id = p_campaign[i] and b.shard = v_other returning b.shard into v_shard;
        end if;
      end if;
      if v_shard is null then
        -- ... else any with enough left, waiting for the transactions that hold them: the budget is refused only
        -- when no shard has enough
        for v_other in select b.shard from card_campaign_budget b
            where b.campaign_id = p_campaign[i] and b.remaining_fen >= p_discount[i] and b.shard <> v_own
            order by (b.shard - v_own + 1000000) % 1000000 loop
          update card_campaign_budget b set remaining_fen = b.remaining_fen - p_discount[i]
          where b.campaign_id = p_campaign[i] and b.shard = v_other and b.remaining_fen >= p_discount[i]
          returning b.shard into v_shard;
          exit when v_shard is not null;
        end loop;
      end if;
      if v_shard is not null then
        v_last_campaign := p_campaign[i];
        v_last_shard := v_shard;
      end if;
      if v_shard is null then
        update card_campaign_member cm set used = cm.used - 1
        where cm.campaign_id = p_campaign[i] and cm.member_id = p_member[i];
        delete from card_code_nonce n where n.nonce = p_nonce[i];
        if v_spent_campaign is distinct from p_campaign[i] or p_discount[i] < v_spent_from then
          v_spent_campaign := p_campaign[i];
          v_spent_from := p_discount[i];
        end if;
        return query select i, null::bigint, null::varchar, 'GH005'::varchar;
        continue;
      end if;
    end if;
    v_id := null;
    insert into card_redemption (card_merchant_id, outlet_id, idem_key, card_id, card_masked, member_id,
      member_org_path, category, bill_fen, discount_fen, discount_id, campaign_id, redeemed_at, ym, by_user)
    values (p_merchant[i], p_outlet[i], p_key[i], p_card[i], v_masked, p_member[i], v_path, p_category[i], p_bill[i],
      p_discount[i], p_discount_id[i], p_campaign[i], p_at[i], p_ym[i], p_by[i])
    on conflict on constraint card_redemption_key do nothing
    returning id into v_id;
    if v_id is null then
      -- the same key written meanwhile by another till's transaction: undo this one's writes
      if v_shard is not null then
        update card_campaign_budget b set remaining_fen = b.remaining_fen + p_discount[i]
        where b.campaign_id = p_campaign[i] and b.shard = v_shard;
        v_spent_campaign := null; -- the budget given back may be enough for one refused before
      end if;
      if p_campaign[i] is not null then
        update card_campaign_member cm set used = cm.used - 1
        where cm.campaign_id = p_campaign[i] and cm.member_id = p_member[i];
      end if;
      delete from card_code_nonce n where n.nonce = p_nonce[i];
      return query select i, null::bigint, null::varchar, 'KEY'::varchar;
      continue;
    end if;
    return query select i, v_id, v_masked, null::varchar;
  end loop;
end
$$;
