-- Redemptions at many tills committed together on PostgreSQL (Till's group commit, TillCommits): the redemptions
-- that reached the tills while the previous commit ran are written by one call, in one transaction. Each is done as
-- card_redeem (V17_1) does it, but a refusal does not raise: it undoes what the function wrote for that redemption (the
-- code's nonce, the member's turn, the budget taken) and is answered in the row of its position, so one refusal never
-- undoes the others of the batch. A row per redemption, in order: (ord, redemption_id, masked) when written, or
-- (ord, null, null, refusal) with refusal one of
--   KEY   the merchant's idempotency key is written already (the caller answers the first result);
--   GH001 card.code.not-bound, GH002 card.code.card-not-active, GH003 card.code.replayed,
--   GH004 card.merchant.campaign.member-limit, GH005 card.merchant.campaign.budget-spent, GH006 member.not-found.
-- The budget is taken before the redemption is written here (not last as in card_redeem): the shard's row is held to
-- the batch's commit either way, and a batch takes its campaign's discounts from one shard (p_own_shard) while it
-- has enough, so two writers' batches seldom wait for each other.
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
begin
  for i in 1 .. coalesce(array_length(p_card, 1), 0) loop
    perform 1 from card_redemption r where r.card_merchant_id = p_merchant[i] and r.idem_key = p_key[i];
    if found then
      return query select i, null::bigint, null::varchar, 'KEY'::varchar;
      continue;
    end if;
    select c.member_id, c.status, c.number_masked into v_member, v_status, v_masked from card c where c.id = p_card[i];
    if not found or v_member <> p_member[i] then
      return query select i, null::bigint, null::varchar, 'GH001'::varchar;
      continue;
    end if;
    if v_status <> 'ACTIVE' then
      return query select i, null::bigint, null::varchar, 'GH002'::varchar;
      continue;
    end if;
    select o.path into v_path from member m join organisation o on o.id = m.org_id where m.id = p_member[i];
    if not found then
      return query select i, null::bigint, null::varchar, 'GH006'::varchar;
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
      update card_campaign_budget b set remaining_fen = b.remaining_fen - p_discount[i]
      where b.campaign_id = p_campaign[i] and b.shard = p_own_shard[i] and b.remaining_fen >= p_discount[i]
      returning b.shard into v_shard;
      if v_shard is null then
        for v_other in select b.shard from card_campaign_budget b
            where b.campaign_id = p_campaign[i] and b.remaining_fen >= p_discount[i] and b.shard <> p_own_shard[i]
            order by (b.shard - p_own_shard[i] + 1000000) % 1000000 loop
          update card_campaign_budget b set remaining_fen = b.remaining_fen - p_discount[i]
          where b.campaign_id = p_campaign[i] and b.shard = v_other and b.remaining_fen >= p_discount[i]
          returning b.shard into v_shard;
          exit when v_shard is not null;
        end loop;
      end if;
      if v_shard is null then
        update card_campaign_member cm set used = cm.used - 1
        where cm.campaign_id = p_campaign[i] and cm.member_id = p_member[i];
        delete from card_code_nonce n where n.nonce = p_nonce[i];
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
