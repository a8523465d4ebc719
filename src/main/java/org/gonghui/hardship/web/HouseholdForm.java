package org.gonghui.hardship.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gonghui.hardship.internal.Cause;
import org.gonghui.hardship.internal.Household;
import org.gonghui.shared.DomainException;

/**
 * The household form of the portal and the window: up to {@link #ROWS} people rows (a row with neither name nor ID
 * number is skipped), amounts in yuan as typed ({@code 1,200.50}), the cause and a note. Every wrong value is refused
 * with a message code; nothing is stored half.
 */
final class HouseholdForm {

    static final int ROWS = 6;

    private HouseholdForm() {
    }

    static Household parse(List<String> names, List<String> idNumbers, List<String> relations, List<String> incomes,
            String medical, String education, String disability, String cause, String note) {
        List<Household.Person> people = new ArrayList<>();
        int rows = Math.max(names.size(), idNumbers.size());
        if (rows > Household.MAX_PEOPLE) {
            throw DomainException.invalid("hardship.household.size", Household.MAX_PEOPLE);
        }
        for (int i = 0; i < rows; i++) {
            String name = at(names, i);
            String id = at(idNumbers, i);
            if (name.isBlank() && id.isBlank()) {
                continue;
            }
            people.add(new Household.Person(name, id, relation(at(relations, i)),
                    amount(at(incomes, i), "hardship.person.income")));
        }
        return new Household(people, amount(medical, "hardship.expense.invalid"),
                amount(education, "hardship.expense.invalid"), amount(disability, "hardship.expense.invalid"),
                cause(cause), note);
    }

    private static String at(List<String> values, int i) {
        return values == null || i >= values.size() || values.get(i) == null ? "" : values.get(i).strip();
    }

    static BigDecimal amount(String text, String code) {
        String value = text == null ? "" : text.strip().replace(",", "").replace("，", "");
        if (value.isEmpty()) {
            return BigDecimal.ZERO;
        }
        if (!value.matches("[0-9]{1,9}(\\.[0-9]{1,2})?")) {
            throw DomainException.invalid(code);
        }
        return new BigDecimal(value);
    }

    private static Household.Relation relation(String text) {
        try {
            return Household.Relation.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("hardship.person.relation");
        }
    }

    private static Cause cause(String text) {
        try {
            return Cause.valueOf(text == null ? "" : text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("hardship.cause.required");
        }
    }
}
