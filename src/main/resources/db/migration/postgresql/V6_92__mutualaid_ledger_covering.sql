-- PostgreSQL only: the fund's balances are read from the index alone.
create index mutualaid_ledger_line_balances on mutualaid_ledger_line (project, cover_year, account) include (amount);
