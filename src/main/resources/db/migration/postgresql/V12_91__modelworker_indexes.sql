-- Subtree scans by organisation path prefix (LIKE '/1/3/%') need the pattern operator class under a non-C collation.
create index model_worker_scope_pattern on model_worker (org_path varchar_pattern_ops);
create index model_allowance_line_scope_pattern on model_allowance_line (org_path varchar_pattern_ops, month_start);
