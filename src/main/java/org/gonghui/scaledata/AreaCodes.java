package org.gonghui.scaledata;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The 6-digit area codes (行政区划代码) that begin the ID numbers of the generated people: Ningbo's own for
 * most locals, the rest of Zhejiang, and the provinces most migrant workers in Ningbo come from. An ID
 * number keeps the code of where and when it was issued, so people of Yinzhou born before 2002 carry the
 * old Yin county code 330227 and people of Fenghua born before 2016 the old city code 330283.
 */
final class AreaCodes {

    private static final String[] NINGBO = {"330203", "330204", "330205", "330206", "330211", "330212", "330213",
        "330281", "330282", "330226", "330225"};
    private static final String[] ZHEJIANG = {"330102", "330302", "330382", "330621", "330681", "330682", "331003",
        "331082", "331021", "330702", "330781", "330881", "330902", "330921"};
    private static final String[] ELSEWHERE = {"341221", "341222", "341225", "340421", "342622", "411722", "411627",
        "411628", "522427", "520221", "522422", "510722", "511621", "513030", "361127", "360428", "362330", "430524",
        "431228", "500237", "500228", "421127", "422822", "450924", "362426", "370826", "320324"};
    private static final String YINZHOU = "330212";
    private static final String YIN_COUNTY = "330227";
    private static final String FENGHUA = "330213";
    private static final String FENGHUA_CITY = "330283";

    /** Every code that can occur, so callers can index them in a small array. */
    static final List<String> ALL = all();

    private AreaCodes() {
    }

    /** Someone born in the district (or, for a park, in the district it lies in), in the given year. */
    static String bornIn(String districtCode, int birthYear) {
        if (YINZHOU.equals(districtCode) && birthYear < 2002) {
            return YIN_COUNTY;
        }
        if (FENGHUA.equals(districtCode) && birthYear < 2016) {
            return FENGHUA_CITY;
        }
        return districtCode;
    }

    static String ningbo(SplittableRandom random, int birthYear) {
        return bornIn(NINGBO[random.nextInt(NINGBO.length)], birthYear);
    }

    static String zhejiang(SplittableRandom random) {
        return ZHEJIANG[random.nextInt(ZHEJIANG.length)];
    }

    static String elsewhere(SplittableRandom random) {
        return ELSEWHERE[random.nextInt(ELSEWHERE.length)];
    }

    static int indexOf(String code) {
        int index = ALL.indexOf(code);
        if (index < 0) {
            throw new IllegalArgumentException("unknown area code " + code);
        }
        return index;
    }

    private static List<String> all() {
        List<String> all = new ArrayList<>(List.of(NINGBO));
        all.add(YIN_COUNTY);
        all.add(FENGHUA_CITY);
        all.addAll(List.of(ZHEJIANG));
        all.addAll(List.of(ELSEWHERE));
        return List.copyOf(all);
    }
}
