-- The 数说 dashboards' content figures (ContentFigureSource) read a year of read events grouped by the reader's
-- organisation: an index by time, carrying the columns the figures need, lets that be an index-only range scan of the
-- year instead of a scan of every year's events. Events are appended in time order, so the index grows at its right
-- edge (no random writes for the burst of reads).
create index content_read_event_time on content_read_event (read_at) include (org_path, member_id, kind);
