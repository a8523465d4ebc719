-- Scoped name search at the city's scale (3.55 million members, see docs/benchmarks.md).
-- Names compare by code point (collation "C"), so one plain index serves both the prefix test
-- (name like '王%') and the order of the results (order by name, id): a large scope walks the names in
-- order and stops after one page, instead of reading and sorting every match (18,000 rows for 王 in one
-- district). The included columns let the search find a page of ids from the index alone. On the C.UTF-8
-- databases used here the order of names is unchanged; under a linguistic collation it becomes code point
-- order. The pattern-ops indexes of V4_9 and the (org_id, name) index of V3_1 are superseded.
-- While walking the names, each member's organisation is checked against the scope: organisation_id_path
-- answers that from the index alone.
drop index member_name_prefix;
drop index member_org_name_prefix;
drop index member_org_name;
alter table member alter column name type varchar(50) collate "C";
create index member_name_order on member (name, id) include (org_id);
create index member_org_name_id on member (org_id, name) include (id);
create index organisation_id_path on organisation (id) include (path);
