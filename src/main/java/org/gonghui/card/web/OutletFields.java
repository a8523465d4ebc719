package org.gonghui.card.web;

import org.gonghui.card.merchant.OutletForm;
import org.gonghui.shared.DomainException;

/** An outlet's form fields as typed (coordinates as text, read strictly: a decimal number or refused). */
record OutletFields(String name, String address, String district, String hours, String lat, String lng) {

    OutletForm outlet() {
        return new OutletForm(name, address, district, hours, degrees(lat), degrees(lng));
    }

    private static double degrees(String text) {
        if (text == null || !text.strip().matches("-?\\d{1,3}(\\.\\d{1,8})?")) {
            throw DomainException.invalid("card.merchant.outlet.position");
        }
        return Double.parseDouble(text.strip());
    }
}
