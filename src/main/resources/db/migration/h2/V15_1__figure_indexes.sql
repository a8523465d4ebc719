-- The 数说 dashboards' content figures (ContentFigureSource) read a year of read events: an index by time.
create index content_read_event_time on content_read_event (read_at);
