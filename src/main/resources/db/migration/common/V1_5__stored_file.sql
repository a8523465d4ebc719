-- The database file store (gonghui.files.store=database, the cluster profile's default): documents and photos that
-- every instance reads. The file system under the data directory stays the embedded default.
create table stored_file (
  folder       varchar(100) not null,
  file_key     varchar(300) not null,
  content_type varchar(100) not null,
  size         bigint       not null,
  sha256       char(64)     not null,
  content      bytea        not null,
  created_at   timestamp with time zone not null,
  primary key (folder, file_key)
);
