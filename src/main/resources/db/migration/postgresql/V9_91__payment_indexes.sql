-- PostgreSQL only: prefix scans on the organisation path (a staff user's subtree) for entitlements and batches.
create index payment_entitlement_path on payment_entitlement (programme, status, org_path varchar_pattern_ops);
create index payment_batch_path on payment_batch (org_path varchar_pattern_ops, id);
