-- H2 twin of the PostgreSQL-only covering index (H2 has no INCLUDE; the plain index of V6_1 serves).
select 1;
