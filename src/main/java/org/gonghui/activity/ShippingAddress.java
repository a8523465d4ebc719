package org.gonghui.activity;

import org.gonghui.shared.DomainException;

/** Where a DIY kit is mailed. */
public record ShippingAddress(String recipient, String phone, String address) {

    public static final ShippingAddress NONE = new ShippingAddress(null, null, null);

    /** The address tidied, or a refusal when something is missing or malformed. */
    ShippingAddress validated() {
        String name = recipient == null ? "" : recipient.trim();
        String tel = phone == null ? "" : phone.replace(" ", "").replace("-", "").trim();
        String where = address == null ? "" : address.trim();
        if (name.isEmpty() || name.length() > 50 || where.length() < 5 || where.length() > 300
                || !tel.matches("1[3-9][0-9]{9}|0[0-9]{9,11}")) {
            throw DomainException.invalid(Refusal.ADDRESS_REQUIRED);
        }
        return new ShippingAddress(name, tel, where);
    }
}
