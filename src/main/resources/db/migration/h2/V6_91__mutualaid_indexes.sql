-- H2 twin of the PostgreSQL-only migration: plain indexes serve LIKE 'x%' here (no append-only trigger).
create index mutualaid_claim_path on mutualaid_claim (org_path, status);
create index mutualaid_enrolment_path on mutualaid_enrolment (org_path);
