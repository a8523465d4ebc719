package org.gonghui.aid.grant;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.gonghui.member.IdNumber;

/**
 * How school aid knows a child: by the ID number, normalised (a lower-case check character {@code x} is the same
 * child as {@code X}) and hashed with the platform's keyed hash, with the school year. Two parents who are both members
 * and apply for the same child therefore produce the same key, and the database's unique constraint on it lets only
 * one grant per child and school year stand.
 */
public final class ChildIdentity {

    private ChildIdentity() {
    }

    /** The de-duplication key of a child (already validated ID number) in a school year. */
    public static String key(String idNumber, SchoolYear year, Function<String, String> keyedHash) {
        return keyedHash.apply(new IdNumber(idNumber).value()) + ":" + year.startYear();
    }

    /**
     * Within one set of applications (a list, an import): for each line after the first that names a child already
     * named, the number of the line it repeats. Lines with invalid ID numbers are left to the caller's checks.
     */
    public static <T> Map<Integer, Integer> repeats(List<T> lines, Function<T, String> idNumber, SchoolYear year,
            Function<String, String> keyedHash) {
        Map<String, Integer> first = new HashMap<>();
        Map<Integer, Integer> repeats = new HashMap<>();
        List<T> copy = new ArrayList<>(lines);
        for (int i = 0; i < copy.size(); i++) {
            String number = idNumber.apply(copy.get(i));
            if (number == null || !IdNumber.isValid(number)) {
                continue;
            }
            Integer earlier = first.putIfAbsent(key(number, year, keyedHash), i);
            if (earlier != null) {
                repeats.put(i, earlier);
            }
        }
        return repeats;
    }
}
