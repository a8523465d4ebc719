package org.gonghui.scaledata;

import java.time.LocalDate;
import java.util.Random;
import java.util.SplittableRandom;
import org.gonghui.member.Gender;
import org.gonghui.member.IdNumber;
import org.gonghui.member.MemberStatus;
import org.gonghui.member.MemberType;

/**
 * The members of the planned city, generated deterministically: person {@code i} is the same on every run
 * with the same seed, and {@link #person(int)} may be called from many threads in any order.
 *
 * <p>Uniqueness is built in rather than checked: ID numbers get their 3-digit sequence from a counter per
 * area code, birth date and gender (filled in one pass at construction); phone and card numbers are
 * bijective permutations of the index. Members are spread over the service points by their quotas and
 * then shuffled, so a unit's members lie scattered over the table as after years of joining.
 */
final class Population {

    /** Every generated date lies before this day, so the data does not depend on the day it is made. */
    static final LocalDate REFERENCE_DAY = LocalDate.of(2026, 1, 1);

    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1935, 1, 1);
    private static final LocalDate EARLIEST_JOIN = LocalDate.of(1985, 1, 1);
    private static final int DAYS = (int) (REFERENCE_DAY.toEpochDay() - EARLIEST_BIRTH.toEpochDay());
    /** Sequences 001–997 (odd, men) and 002–998 (even, women): 499 per gender, a prime, so stepping by 37 visits all. */
    private static final int SEQUENCES_PER_GENDER = 499;

    /** 40 real mobile prefixes; a phone is a prefix and 8 digits, so 4e9 numbers in all. */
    private static final String[] PHONE_PREFIXES = ("130 131 132 133 134 135 136 137 138 139 150 151 152 153 155 156 157 "
            + "158 159 166 172 173 175 176 177 178 180 181 182 183 184 185 186 187 188 189 191 193 195 198").split(" ");
    private static final long PHONE_SPACE = PHONE_PREFIXES.length * 100_000_000L;
    /** A 5·1 card is a 19-digit bank card: an 8-digit prefix and 11 digits. */
    private static final String CARD_PREFIX = "62305809";
    private static final long CARD_SPACE = 100_000_000_000L;
    /** Odd and not a multiple of 5, so multiplying by it permutes both spaces. */
    private static final long MULTIPLIER = 2_654_435_761L;

    private final long seed;
    private final CityPlan plan;
    private final int[] servicePoint;
    private final int[] birthDay;
    private final byte[] area;
    private final short[] sequence;
    private final byte[] type;

    Population(CityPlan plan, long seed) {
        this.plan = plan;
        this.seed = seed;
        int size = 0;
        for (int p = 0; p < plan.servicePoints().size(); p++) {
            size += plan.quota(p);
        }
        this.servicePoint = spread(plan, size, new Random(seed));
        this.birthDay = new int[size];
        this.area = new byte[size];
        this.sequence = new short[size];
        this.type = new byte[size];
        allocateIdNumbers();
    }

    int size() {
        return servicePoint.length;
    }

    /** Member {@code index} (0-based; the member id is {@code index + 1}). */
    Person person(int index) {
        SplittableRandom random = randomFor(index, 2);
        String idNumber = idNumber(index);
        Gender gender = (sequence[index] % 2 == 1) ? Gender.MALE : Gender.FEMALE;
        LocalDate birth = LocalDate.ofEpochDay(birthDay[index]);
        MemberType memberType = MemberType.values()[type[index]];
        LocalDate joined = joinDate(random, birth, memberType);
        int fate = random.nextInt(100);
        MemberStatus status = fate < 2 ? MemberStatus.LEFT : fate < 3 ? MemberStatus.TRANSFERRED : MemberStatus.ACTIVE;
        LocalDate changed = status == MemberStatus.ACTIVE ? null : between(random, joined, REFERENCE_DAY.minusDays(1));
        // about 1.41 of 3.55 million members hold a 5·1 card
        String card = random.nextInt(1000) < 397 ? cardNumber(index) : null;
        long orgId = plan.servicePoints().get(servicePoint[index]).id();
        return new Person(index + 1L, orgId, ChineseNames.next(random, gender), idNumber, phone(index), memberType,
                joined, status, changed, card);
    }

    /** The ID number of member {@code index}: valid to GB 11643 and unique in the population. */
    String idNumber(int index) {
        LocalDate birth = LocalDate.ofEpochDay(birthDay[index]);
        StringBuilder number = new StringBuilder(18).append(AreaCodes.ALL.get(area[index]));
        padded(number, birth.getYear(), 4);
        padded(number, birth.getMonthValue(), 2);
        padded(number, birth.getDayOfMonth(), 2);
        padded(number, sequence[index], 3);
        return number.append(IdNumber.checkCharacter(number.toString())).toString();
    }

    static String phone(int index) {
        long x = Math.floorMod(index * MULTIPLIER + 12_345_678L, PHONE_SPACE);
        return padded(new StringBuilder(11).append(PHONE_PREFIXES[(int) (x / 100_000_000L)]), x % 100_000_000L, 8).toString();
    }

    static String cardNumber(int index) {
        return padded(new StringBuilder(19).append(CARD_PREFIX), Math.floorMod(index * MULTIPLIER + 987_654_321L, CARD_SPACE),
                11).toString();
    }

    /** Appends a non-negative number with leading zeros (String.format is too slow for millions of rows). */
    private static StringBuilder padded(StringBuilder out, long value, int width) {
        String digits = Long.toString(value);
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(digits);
    }

    /** Service point indexes by quota, shuffled. */
    private static int[] spread(CityPlan plan, int size, Random random) {
        int[] points = new int[size];
        int next = 0;
        for (int p = 0; p < plan.servicePoints().size(); p++) {
            for (int k = 0; k < plan.quota(p); k++) {
                points[next++] = p;
            }
        }
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = points[i];
            points[i] = points[j];
            points[j] = swap;
        }
        return points;
    }

    /** Draws type, gender, birth date and area of everybody, then numbers people sharing those. */
    private void allocateIdNumbers() {
        short[] taken = new short[AreaCodes.ALL.size() * DAYS * 2];
        for (int i = 0; i < size(); i++) {
            SplittableRandom random = randomFor(i, 1);
            MemberType memberType = drawType(random);
            boolean male = random.nextInt(100) < (memberType == MemberType.RETIRED ? 50 : memberType == MemberType.MIGRANT ? 60 : 55);
            LocalDate birth = REFERENCE_DAY.minusYears(age(random, memberType, male)).minusDays(1 + random.nextInt(365));
            int areaIndex = AreaCodes.indexOf(area(random, memberType, birth.getYear(), servicePoint[i]));
            int day = (int) (birth.toEpochDay() - EARLIEST_BIRTH.toEpochDay());
            int slot = (areaIndex * DAYS + day) * 2 + (male ? 1 : 0);
            while (taken[slot] >= SEQUENCES_PER_GENDER) {
                // 499 people of one gender born on one day in one area: the next day still has room
                day++;
                slot += 2;
            }
            int k = taken[slot]++;
            int salt = (areaIndex * 31 + day) % SEQUENCES_PER_GENDER;
            sequence[i] = (short) (((k * 37 + salt) % SEQUENCES_PER_GENDER) * 2 + (male ? 1 : 2));
            birthDay[i] = (int) (EARLIEST_BIRTH.toEpochDay() + day);
            area[i] = (byte) areaIndex;
            type[i] = (byte) memberType.ordinal();
        }
    }

    private static MemberType drawType(SplittableRandom random) {
        int u = random.nextInt(100);
        return u < 12 ? MemberType.RETIRED : u < 32 ? MemberType.MIGRANT : MemberType.IN_SERVICE;
    }

    private static int age(SplittableRandom random, MemberType memberType, boolean male) {
        switch (memberType) {
            case RETIRED:
                return male ? 60 + random.nextInt(26) : 55 + random.nextInt(31);
            case MIGRANT:
                return 19 + random.nextInt(20) + random.nextInt(19);
            default:
                return 20 + random.nextInt(21) + random.nextInt(19);
        }
    }

    private String area(SplittableRandom random, MemberType memberType, int birthYear, int point) {
        int localPercent = memberType == MemberType.RETIRED ? 95 : memberType == MemberType.MIGRANT ? 8 : 75;
        if (random.nextInt(100) < localPercent) {
            if (random.nextInt(100) < 85) {
                CityPlan.District district = CityPlan.DISTRICTS.get(plan.servicePoints().get(point).district());
                return AreaCodes.bornIn(district.areaCode(), birthYear);
            }
            return AreaCodes.ningbo(random, birthYear);
        }
        int zhejiangPercent = memberType == MemberType.MIGRANT ? 10 : 50;
        return random.nextInt(100) < zhejiangPercent ? AreaCodes.zhejiang(random) : AreaCodes.elsewhere(random);
    }

    private static LocalDate joinDate(SplittableRandom random, LocalDate birth, MemberType memberType) {
        LocalDate earliest = birth.plusYears(18).isAfter(EARLIEST_JOIN) ? birth.plusYears(18) : EARLIEST_JOIN;
        LocalDate latest = REFERENCE_DAY.minusDays(1);
        if (memberType == MemberType.RETIRED && birth.plusYears(55).isBefore(latest)) {
            latest = birth.plusYears(55);
        }
        return earliest.isBefore(latest) ? between(random, earliest, latest) : latest;
    }

    private static LocalDate between(SplittableRandom random, LocalDate from, LocalDate to) {
        long days = to.toEpochDay() - from.toEpochDay();
        return days <= 0 ? from : from.plusDays(random.nextLong(days + 1));
    }

    private SplittableRandom randomFor(int index, int stream) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index * 4L + stream);
    }
}
