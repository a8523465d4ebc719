package org.gonghui.hardship.internal;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gonghui.member.IdNumber;
import org.gonghui.shared.DomainException;

/**
 * What an application states about the household, sealed as a whole when stored: its people (the applicant first)
 * with ID numbers and yearly disposable incomes, the yearly rigid expenses (medical, education, disability) and the
 * cause of hardship. Checked on construction: every refusal names a message code.
 */
public record Household(List<Person> people, BigDecimal medical, BigDecimal education, BigDecimal disability,
        Cause cause, String note) {

    public static final int MAX_PEOPLE = 20;
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000");

    /** One person of the household: relation to the applicant (SELF, SPOUSE, CHILD, PARENT, OTHER). */
    public record Person(String name, String idNumber, Relation relation, BigDecimal annualIncome) {

        public Person {
            name = name == null ? "" : name.strip();
            if (name.isEmpty() || name.length() > 50) {
                throw DomainException.invalid("hardship.person.name");
            }
            idNumber = new IdNumber(idNumber).value();
            if (relation == null) {
                throw DomainException.invalid("hardship.person.relation");
            }
            annualIncome = amount(annualIncome, "hardship.person.income");
        }
    }

    public enum Relation { SELF, SPOUSE, CHILD, PARENT, OTHER }

    public Household {
        if (people == null || people.isEmpty() || people.size() > MAX_PEOPLE) {
            throw DomainException.invalid("hardship.household.size", MAX_PEOPLE);
        }
        people = List.copyOf(people);
        Set<String> ids = new HashSet<>();
        for (Person p : people) {
            if (!ids.add(p.idNumber())) {
                throw DomainException.invalid("hardship.household.twice", p.name());
            }
        }
        medical = amount(medical, "hardship.expense.invalid");
        education = amount(education, "hardship.expense.invalid");
        disability = amount(disability, "hardship.expense.invalid");
        if (cause == null) {
            throw DomainException.invalid("hardship.cause.required");
        }
        note = note == null ? "" : note.strip();
        if (note.length() > 500) {
            throw DomainException.invalid("hardship.note.too-long");
        }
    }

    public int size() {
        return people.size();
    }

    public BigDecimal income() {
        return people.stream().map(Person::annualIncome).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
    }

    public BigDecimal rigidExpenses() {
        return medical.add(education).add(disability);
    }

    private static BigDecimal amount(BigDecimal value, String code) {
        if (value == null) {
            return BigDecimal.ZERO.setScale(2);
        }
        if (value.signum() < 0 || value.scale() > 2 || value.compareTo(MAX_AMOUNT) >= 0) {
            throw DomainException.invalid(code);
        }
        return value.setScale(2);
    }
}
