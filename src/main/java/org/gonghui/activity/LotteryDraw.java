package org.gonghui.activity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * The verifiable draw (抽签). Anyone holding the published entry list and seed can replay it with this class
 * alone — or with the steps below in any language.
 *
 * <ol>
 * <li><b>Entries.</b> Each entry is its number (the registration id) and a weight with three decimals (1.000
 * unless the activity weights its draw). The <em>canonical list</em> is the entries sorted by number, one
 * line each, {@code number,weight\n}, e.g. {@code 1042,1.500\n}, in UTF-8.</li>
 * <li><b>Commitment.</b> When the window closes the list is frozen and {@code SHA-256(canonical list)} (hex)
 * is published, before the seed is known.</li>
 * <li><b>Seed.</b> A text fixed and published at the draw, e.g. a public lottery number of that day.</li>
 * <li><b>Keys.</b> For each entry {@code h = SHA-256(seed + ":" + number)} (UTF-8); {@code x} = the first 8
 * bytes of {@code h} as an unsigned big-endian integer shifted right by 11 (53 bits); {@code u = (x + 0.5) /
 * 2^53}, in (0, 1); {@code key = -ln(u) / weight} ({@code StrictMath.log}).</li>
 * <li><b>Order.</b> Entries sorted by key ascending, ties by number. The first {@code capacity} win; the rest
 * form the waitlist in that order. (Exponential keys divided by weights: a weighted draw without replacement,
 * Efraimidis–Spirakis; an entry of weight 2 is twice as likely as one of weight 1 to be drawn first.)</li>
 * </ol>
 */
public final class LotteryDraw {

    private LotteryDraw() {
    }

    /** One entry: its number and weight. */
    public record Entry(long number, BigDecimal weight) {
        public Entry {
            if (weight == null || weight.signum() <= 0) {
                throw new IllegalArgumentException("weight must be positive");
            }
            weight = weight.setScale(3, RoundingMode.HALF_UP);
        }
    }

    /** The canonical list: sorted by number, {@code number,weight} per line. */
    public static String canonical(List<Entry> entries) {
        StringBuilder text = new StringBuilder();
        entries.stream().sorted(Comparator.comparingLong(Entry::number))
                .forEach(e -> text.append(e.number()).append(',').append(e.weight().toPlainString()).append('\n'));
        return text.toString();
    }

    /** The published commitment to the entries. */
    public static String hash(List<Entry> entries) {
        return sha256Hex(canonical(entries));
    }

    /** All entry numbers in draw order: winners first. */
    public static List<Long> order(List<Entry> entries, String seed) {
        record Keyed(long number, double key) {
        }
        List<Keyed> keyed = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            keyed.add(new Keyed(e.number(), key(seed, e)));
        }
        keyed.sort(Comparator.comparingDouble(Keyed::key).thenComparingLong(Keyed::number));
        return keyed.stream().map(Keyed::number).toList();
    }

    static double key(String seed, Entry e) {
        byte[] h = sha256(seed + ":" + e.number());
        long x = 0;
        for (int i = 0; i < 8; i++) {
            x = (x << 8) | (h[i] & 0xff);
        }
        double u = ((x >>> 11) + 0.5) / (double) (1L << 53);
        return -StrictMath.log(u) / e.weight().doubleValue();
    }

    static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256(text));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
