-- H2 twin of the PostgreSQL figures indexes (no partial or covering indexes here): the red requests by subtree.
create index help_request_red on help_request (light, handling_org_path);
