-- Mutual aid moves onto the payment engine (issue 12). Its granted claims become entitlements of the programme
-- MUTUAL_AID (key claim:<id>), its payout batches, payout rows (payment attempts), paid rows and imported bank
-- files are carried over with their ids (batch numbers and payment ids in files already sent keep meaning the same
-- payments), the engine's journal is posted for what was granted and paid, and the old payout tables go: no second
-- copy remains. The mutual-aid fund's own ledger (mutualaid_ledger_*) is untouched. Claims approved with nothing to
-- pay owe nothing and get no entitlement. The account of a carried-over attempt is the registry's account (which
-- the old transfer file used), frozen here. V9_3 moves the identity columns past the carried-over ids.
insert into payment_entitlement (programme, source_ref, member_id, org_path, amount, purpose, status, batch_id,
  paid_at, bank_ref, failure, created_at, updated_at)
select 'MUTUAL_AID', concat('claim:', c.id), c.member_id, c.org_path, coalesce(c.approved_amount, c.computed_amount),
  concat('职工医疗互助金 MA', c.cover_year, '-', lpad(cast(c.id as varchar(20)), 8, '0')),
  case c.status when 'APPROVED' then 'ENTITLED' when 'IN_PAYMENT' then 'IN_PAYMENT' when 'PAID' then 'PAID'
    else 'FAILED' end,
  case when c.status = 'APPROVED' then null
    else (select max(p.batch_id) from mutualaid_payout p where p.claim_id = c.id) end,
  (select pc.paid_at from mutualaid_paid_claim pc where pc.claim_id = c.id),
  (select p.bank_ref from mutualaid_paid_claim pc join mutualaid_payout p on p.id = pc.payout_id
    where pc.claim_id = c.id),
  case when c.status = 'PAYMENT_FAILED' then (select p.failure_reason from mutualaid_payout p where p.claim_id = c.id
    and p.attempt = (select max(q.attempt) from mutualaid_payout q where q.claim_id = c.id)) end,
  coalesce(c.decided_at, c.updated_at), c.updated_at
from mutualaid_claim c
where c.status in ('APPROVED', 'IN_PAYMENT', 'PAID', 'PAYMENT_FAILED')
  and coalesce(c.approved_amount, c.computed_amount) > 0;

insert into payment_batch (id, programme, org_path, created_at, created_by, line_count, total, exported_at, settled_at)
select b.id, 'MUTUAL_AID', (select min(o.path) from organisation o where o.parent_id is null), b.created_at,
  b.created_by, b.claim_count, b.total, b.exported_at, b.settled_at
from mutualaid_payout_batch b;

insert into payment_line (id, batch_id, entitlement_id, attempt, member_id, amount, account_name, account_enc,
  account_masked, account_source, status, bank_ref, failure_reason, settled_at)
select p.id, p.batch_id, e.id, p.attempt, p.member_id, p.amount, substring(m.name, 1, 60),
  coalesce(m.bank_account_enc, '-'), coalesce(m.bank_account_masked, '-'), 'REGISTRY', p.status, p.bank_ref,
  p.failure_reason, p.settled_at
from mutualaid_payout p
join payment_entitlement e on e.programme = 'MUTUAL_AID' and e.source_ref = concat('claim:', p.claim_id)
join member m on m.id = p.member_id;

insert into payment_paid (entitlement_id, line_id, paid_at)
select e.id, pc.payout_id, pc.paid_at
from mutualaid_paid_claim pc
join payment_entitlement e on e.programme = 'MUTUAL_AID' and e.source_ref = concat('claim:', pc.claim_id);

insert into payment_bank_file (sha256, batch_id, imported_at, imported_by)
select sha256, batch_id, imported_at, imported_by from mutualaid_bank_file;

insert into payment_journal (programme, kind, source, debit_account, credit_account, amount, posted_at)
select 'MUTUAL_AID', 'ENTITLED', concat('entitled:', e.id), 'EXPENSE', 'PAYABLE', e.amount, e.created_at
from payment_entitlement e where e.programme = 'MUTUAL_AID';

insert into payment_journal (programme, kind, source, debit_account, credit_account, amount, posted_at)
select 'MUTUAL_AID', 'PAID', concat('paid:', e.id), 'PAYABLE', 'BANK', e.amount, coalesce(e.paid_at, e.updated_at)
from payment_entitlement e where e.programme = 'MUTUAL_AID' and e.status = 'PAID';

drop table mutualaid_bank_file;
drop table mutualaid_paid_claim;
drop table mutualaid_payout;
drop table mutualaid_payout_batch;
