package org.gonghui.activity;

import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.gonghui.member.MemberStatus;
import org.gonghui.member.MemberType;
import org.gonghui.member.MemberView;
import org.gonghui.shared.DomainException;

/**
 * Who may join an activity or claim an offer: member types (empty = all), an organisation subtree (its
 * materialised path), card holders only, and an age range computed from the birth date in the ID number.
 */
public record Eligibility(Set<MemberType> memberTypes, String orgPath, boolean cardHoldersOnly, Integer minAge,
        Integer maxAge) {

    public Eligibility {
        memberTypes = memberTypes == null || memberTypes.isEmpty() ? Set.of() : Set.copyOf(memberTypes);
        if (minAge != null && (minAge < 0 || minAge > 120) || maxAge != null && (maxAge < 0 || maxAge > 120)
                || minAge != null && maxAge != null && minAge > maxAge) {
            throw DomainException.invalid("activity.age-range.invalid");
        }
    }

    public static Eligibility everyoneIn(String orgPath) {
        return new Eligibility(Set.of(), orgPath, false, null, null);
    }

    /** The reason (a refusal) why the member may not join, or empty when they may. */
    public Optional<DomainException> check(MemberView member, LocalDate today) {
        if (member.status() != MemberStatus.ACTIVE) {
            return Optional.of(Refusal.forbidden(Refusal.NOT_ELIGIBLE_INACTIVE));
        }
        if (!coversOrganisationOf(member)) {
            return Optional.of(Refusal.forbidden(Refusal.NOT_ELIGIBLE_ORG));
        }
        if (!memberTypes.isEmpty() && !memberTypes.contains(member.type())) {
            return Optional.of(Refusal.forbidden(Refusal.NOT_ELIGIBLE_TYPE));
        }
        if (cardHoldersOnly && (member.cardNumberMasked() == null || member.cardNumberMasked().isBlank())) {
            return Optional.of(Refusal.forbidden(Refusal.NOT_ELIGIBLE_CARD));
        }
        int age = Period.between(member.birthDate(), today).getYears();
        if (minAge != null && age < minAge || maxAge != null && age > maxAge) {
            return Optional.of(Refusal.forbidden(Refusal.NOT_ELIGIBLE_AGE, minAge == null ? 0 : minAge,
                    maxAge == null ? 120 : maxAge));
        }
        return Optional.empty();
    }

    /** Whether the member belongs to the part of the tree this is for (whatever else they are). */
    public boolean coversOrganisationOf(MemberView member) {
        return orgPath == null || member.orgPath() != null && member.orgPath().startsWith(orgPath);
    }

    /** Member types as stored: comma separated, or null for all. */
    String typesColumn() {
        return memberTypes.isEmpty() ? null
                : memberTypes.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    static Set<MemberType> parseTypes(String column) {
        if (column == null || column.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(column.split(",")).map(String::trim).map(MemberType::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(MemberType.class)));
    }
}
