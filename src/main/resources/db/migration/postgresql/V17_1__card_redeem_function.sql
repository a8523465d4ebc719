-- A redemption at the till in one round trip on PostgreSQL (Till.redeem; H2 keeps the separate statements): the card
-- checked against the code (the member's, ACTIVE), the code's nonce spent, a campaign's member turn taken below the
-- limit, the redemption written with the member's organisation path, and the discount taken from the outlet's budget
-- shard (or, when that one has too little left, from another that has enough). Every refusal raises an error with
-- its own SQLSTATE, so whatever the function wrote before is undone with the statement:
--   GH001 card.code.not-bound, GH002 card.code.card-not-active, GH003 card.code.replayed,
--   GH004 card.merchant.campaign.member-limit, GH005 card.merchant.campaign.budget-spent, GH006 member.not-found.
-- A key already used for the merchant fails on card_redemption_key (23505) as the plain insert does.
create function card_redeem(p_card bigint, p_member bigint, p_nonce varchar, p_minute bigint, p_merchant bigint,
  p_outlet bigint, p_key varchar, p_category varchar, p_bill bigint, p_discount bigint, p_discount_id bigint,
  p_campaign bigint, p_per_member int, p_own_shard int, p_at timestamp with time zone, p_ym int, p_by varchar)
returns table (redemption_id bigint, masked varchar)
language plpgsql as $$
declare
  v_member bigint;
  v_status varchar;
  v_masked varchar;
  v_path varchar;
  v_id bigint;
  v_shard int;
  v_taken boolean;
begin
  select c.member_id, c.status, c.number_masked into v_member, v_status, v_masked from card c where c.id = p_card;
  if not found or v_member <> p_member then
    raise exception using errcode = 'GH001', message = 'card.code.not-bound';
  end if;
  if v_status <> 'ACTIVE' then
    raise exception using errcode = 'GH002', message = 'card.code.card-not-active';
  end if;
  if p_nonce is not null then
    insert into card_code_nonce (nonce, card_id, code_minute, used_at) values (p_nonce, p_card, p_minute, p_at)
    on conflict do nothing;
    if not found then
      raise exception using errcode = 'GH003', message = 'card.code.replayed';
    end if;
  end if;
  if p_campaign is not null then
    insert into card_campaign_member as cm (campaign_id, member_id, used) values (p_campaign, p_member, 1)
    on conflict (campaign_id, member_id) do update set used = cm.used + 1 where cm.used < p_per_member;
    if not found then
      raise exception using errcode = 'GH004', message = 'card.merchant.campaign.member-limit';
    end if;
  end if;
  select o.path into v_path from member m join organisation o on o.id = m.org_id where m.id = p_member;
  if not found then
    raise exception using errcode = 'GH006', message = 'member.not-found';
  end if;
  insert into card_redemption (card_merchant_id, outlet_id, idem_key, card_id, card_masked, member_id, member_org_path,
    category, bill_fen, discount_fen, discount_id, campaign_id, redeemed_at, ym, by_user)
  values (p_merchant, p_outlet, p_key, p_card, v_masked, p_member, v_path, p_category, p_bill, p_discount,
    p_discount_id, p_campaign, p_at, p_ym, p_by)
  returning id into v_id;
  -- the budget last: the shard's row is held from here to the commit only
  if p_campaign is not null and p_discount > 0 then
    update card_campaign_budget set remaining_fen = remaining_fen - p_discount
    where campaign_id = p_campaign and shard = p_own_shard and remaining_fen >= p_discount;
    if not found then
      v_taken := false;
      for v_shard in select b.shard from card_campaign_budget b
          where b.campaign_id = p_campaign and b.remaining_fen >= p_discount and b.shard <> p_own_shard
          order by (b.shard - p_own_shard + 1000000) % 1000000 loop
        update card_campaign_budget set remaining_fen = remaining_fen - p_discount
        where campaign_id = p_campaign and shard = v_shard and remaining_fen >= p_discount;
        if found then
          v_taken := true;
          exit;
        end if;
      end loop;
      if not v_taken then
        raise exception using errcode = 'GH005', message = 'card.merchant.campaign.budget-spent';
      end if;
    end if;
  end if;
  return query select v_id, v_masked;
end
$$;
