-- Merchants' documents (business licence, contract scan, other) in the shared document store (folder
-- card/merchants/<merchant>): what kind, and the file's SHA-256 as stored.
alter table card_merchant_document add column kind varchar(12) not null default 'OTHER';
alter table card_merchant_document add column sha256 varchar(64);
create index card_merchant_document_merchant on card_merchant_document (card_merchant_id, id);
