-- Nearest outlets of a category: a range on latitude within the category, longitude filtered in the index.
create index card_outlet_category_near on card_outlet_category (category, lat, lng);
create index card_outlet_merchant on card_outlet (card_merchant_id);
-- The figures: a merchant's year, the whole city's months, a subtree by the member's organisation path.
create index card_redemption_merchant on card_redemption (card_merchant_id, ym);
create index card_redemption_month on card_redemption (ym, card_merchant_id);
create index card_redemption_member on card_redemption (member_id);
create index card_complaint_merchant on card_complaint (card_merchant_id, filed_at);
create index card_inspection_merchant on card_inspection (card_merchant_id, inspected_on);
create index card_redemption_path on card_redemption (member_org_path, ym);
