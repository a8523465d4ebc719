package org.gonghui.activity;

import org.gonghui.shared.DomainException;
import org.gonghui.shared.crypto.Masking;

/**
 * Where a DIY kit is mailed. Stored sealed (the phone and the address); the member's own views carry the phone
 * masked, and only the audit-logged shipping list reveals it.
 */
public record ShippingAddress(String recipient, String phone, String address) {

    public static final ShippingAddress NONE = new ShippingAddress(null, null, null);

    /** The same address with the phone masked, as views show it. */
    public ShippingAddress masked() {
        return new ShippingAddress(recipient, Masking.phone(phone), address);
    }

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
