-- H2 twin of the PostgreSQL-only migration: plain indexes serve LIKE 'x%' here.
create index help_request_open on help_request (status, handling_org_path);
create index help_request_path on help_request (handling_org_path, received_at);
