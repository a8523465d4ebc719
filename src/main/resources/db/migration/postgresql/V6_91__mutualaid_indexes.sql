-- PostgreSQL only: prefix scans on the organisation path for the reviewer's subtree; the ledger is append-only.
create index mutualaid_claim_path on mutualaid_claim (org_path varchar_pattern_ops, status);
create index mutualaid_enrolment_path on mutualaid_enrolment (org_path varchar_pattern_ops);

create function mutualaid_ledger_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'the fund ledger is append-only';
end;
$$;
create trigger mutualaid_ledger_txn_no_update before update or delete on mutualaid_ledger_txn
  for each row execute function mutualaid_ledger_append_only();
create trigger mutualaid_ledger_line_no_update before update or delete on mutualaid_ledger_line
  for each row execute function mutualaid_ledger_append_only();
