-- H2 twin of the PostgreSQL migration V4_91: H2 already compares names by code point; the same indexes
-- (without INCLUDE, which H2 lacks) replace the older name indexes.
drop index member_name_prefix;
drop index member_org_name;
create index member_name_order on member (name, id, org_id);
create index member_org_name_id on member (org_id, name, id);
create index organisation_id_path on organisation (id, path);
