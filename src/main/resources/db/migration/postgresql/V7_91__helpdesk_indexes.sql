-- PostgreSQL only: a district's or township's open requests are one prefix scan on the handling organisation's
-- path over the open requests alone (a partial index: closed requests, the vast majority, are not in it);
-- the figures over a period scan the path with the receipt time.
create index help_request_open on help_request (handling_org_path varchar_pattern_ops) where status <> 'CLOSED';
create index help_request_path on help_request (handling_org_path varchar_pattern_ops, received_at);
