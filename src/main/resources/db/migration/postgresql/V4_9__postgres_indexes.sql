-- PostgreSQL only: prefix (LIKE 'x%') searches need pattern-ops indexes unless the collation is C;
-- and the audit log refuses UPDATE and DELETE.
create index organisation_path_prefix on organisation (path varchar_pattern_ops);
create index member_name_prefix on member (name varchar_pattern_ops);
create index member_org_name_prefix on member (org_id, name varchar_pattern_ops);

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end;
$$;
create trigger audit_log_no_update before update or delete on audit_log
  for each row execute function audit_log_append_only();
