package org.gonghui.card.insurance;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.gonghui.shared.DomainException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The insurance's terms as configuration: the premium a year in yuan (exact, stored in fen), the insurer's name.
 * A policy year is a calendar year; cover starts the day after enrolment (or on 1 January when enrolled before the
 * year) and ends on 31 December. Members may enrol for this year, and for the next one from December on.
 */
@Component
public class InsuranceTerms {

    private final long premiumFen;
    private final String insurer;

    InsuranceTerms(@Value("${gonghui.card.insurance.premium:10.00}") BigDecimal premium,
            @Value("${gonghui.card.insurance.insurer:中国人民财产保险宁波市分公司}") String insurer) {
        if (premium.signum() <= 0 || premium.scale() > 2) {
            throw new IllegalArgumentException("gonghui.card.insurance.premium must be a positive amount in yuan and fen");
        }
        this.premiumFen = premium.movePointRight(2).longValueExact();
        this.insurer = insurer;
    }

    public long premiumFen() {
        return premiumFen;
    }

    public BigDecimal premium() {
        return BigDecimal.valueOf(premiumFen, 2);
    }

    public String insurer() {
        return insurer;
    }

    /** Refuses a year one cannot enrol for today. */
    void requireOpen(int year, LocalDate today) {
        boolean next = year == today.getYear() + 1 && today.getMonthValue() == 12;
        boolean thisYear = year == today.getYear() && today.isBefore(LocalDate.of(year, 12, 31));
        if (!thisYear && !next) {
            throw DomainException.invalid("card.insurance.year.closed", String.valueOf(year));
        }
    }

    static LocalDate coverFrom(int year, LocalDate enrolledOn) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate next = enrolledOn.plusDays(1);
        return next.isBefore(first) ? first : next;
    }

    static LocalDate coverTo(int year) {
        return LocalDate.of(year, 12, 31);
    }

    /** 保单号: the year and the member, so a member has one number a year. */
    static String policyNo(int year, long memberId) {
        return "YG" + year + String.format("%010d", memberId);
    }
}
