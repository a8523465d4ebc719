-- Help desk figures (PostgreSQL): a township's closed requests of a period, and the days of a city's or district's
-- period outside whole months, are counted from this index alone (measured on 1,000,000 requests: a township's
-- year ~50 ms from the table's scattered pages, a few ms from here).
create index help_request_closed_figures on help_request (handling_org_path varchar_pattern_ops, received_at)
  include (request_type, channel, resolution_due, closed_at, close_working_seconds, satisfaction)
  where status = 'CLOSED' and duplicate_of is null;
