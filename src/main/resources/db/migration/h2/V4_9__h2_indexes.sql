-- H2 twin of the PostgreSQL-only migration: plain indexes serve LIKE 'x%' here.
create index organisation_path_prefix on organisation (path);
create index member_name_prefix on member (name);
