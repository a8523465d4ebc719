package org.gonghui.hardship.internal;

import java.util.List;
import org.gonghui.shared.crypto.Masking;

/** What staff see of a household until they reveal it: names and ID numbers masked, relations, no amounts. */
public record MaskedHousehold(List<MaskedPerson> people, int size) {

    public record MaskedPerson(String name, String idNumber, Household.Relation relation) {
    }

    static MaskedHousehold of(Household household) {
        return new MaskedHousehold(household.people().stream().map(p -> new MaskedPerson(Masking.name(p.name()),
                Masking.idNumber(p.idNumber()), p.relation())).toList(), household.size());
    }
}
