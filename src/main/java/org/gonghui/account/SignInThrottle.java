package org.gonghui.account;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows guessing without letting a guesser lock anyone out. Every attempt takes a token from token buckets
 * (Bucket4j) <em>before</em> the password or code is checked, and gives them back when it succeeds, so only failures
 * count:
 * <ul>
 * <li>per account <em>and</em> client address: {@value #PER_PAIR} failures, then that address waits 15 minutes for
 * that account — the lock falls on the offending address, the real user elsewhere signs in as usual;</li>
 * <li>per client address, whatever the account: {@value #PER_ADDRESS} failures a quarter of an hour (one address
 * trying many accounts; configurable);</li>
 * <li>per account from every address (passwords only): {@value #PER_ACCOUNT} failures an hour (many addresses
 * trying one account); when that is spent, only addresses the account has signed in from before may still try, and
 * members can always sign in with a one-time code.</li>
 * </ul>
 * One-time codes have their own buckets (a spent password budget never blocks a code) and limits on code requests
 * per address. Unknown accounts get buckets like known ones: the answers cannot tell them apart. The client address is
 * Tomcat's, after {@code RemoteIpValve} (forwarded headers count only from trusted proxies). IPv6 addresses count by
 * their /64 network.
 *
 * <p>The buckets live in this process, bounded by Caffeine (an idle bucket is full again, so dropping it changes
 * nothing), or — profile {@code cluster} — in Redis through Bucket4j's proxy manager ({@link RedisThrottleStore}),
 * shared by every instance.
 */
@Component
public class SignInThrottle {

    /** How the user proves who they are; each has its own buckets. */
    public enum Door { PASSWORD, CODE }

    static final int PER_PAIR = 5;
    static final int PER_ADDRESS = 50;
    static final int PER_ACCOUNT = 100;
    static final int CODE_REQUESTS_PER_ADDRESS = 10;
    static final int CODE_REQUESTS_PER_PHONE_AND_ADDRESS = 3;
    static final Duration PAIR_WAIT = Duration.ofMinutes(15);

    private static final Bandwidth PAIR = Bandwidth.builder().capacity(PER_PAIR).refillIntervally(PER_PAIR, PAIR_WAIT)
            .build();
    private static final Bandwidth ACCOUNT = Bandwidth.builder().capacity(PER_ACCOUNT)
            .refillGreedy(PER_ACCOUNT, Duration.ofHours(1)).build();
    private static final Bandwidth CODE_REQUESTS_FOR_PHONE = Bandwidth.builder()
            .capacity(CODE_REQUESTS_PER_PHONE_AND_ADDRESS)
            .refillGreedy(CODE_REQUESTS_PER_PHONE_AND_ADDRESS, Duration.ofDays(1)).build();

    private final ThrottleStore store;
    private final Bandwidth perAddress;
    private final Bandwidth codeRequests;
    private final Counter refusedPasswords;
    private final Counter refusedCodes;

    /**
     * The limits per address can be raised ({@code gonghui.signin.failures-per-address},
     * {@code gonghui.signin.code-requests-per-address}) where many people share one address, and are in the tests,
     * whose every MockMvc call comes from 127.0.0.1.
     */
    @Autowired
    SignInThrottle(MeterRegistry meters, ThrottleStore store,
            @Value("${gonghui.signin.failures-per-address:" + PER_ADDRESS + "}") int failuresPerAddress,
            @Value("${gonghui.signin.code-requests-per-address:" + CODE_REQUESTS_PER_ADDRESS + "}") int codeRequests) {
        this.store = store;
        this.perAddress = Bandwidth.builder().capacity(failuresPerAddress)
                .refillGreedy(failuresPerAddress, Duration.ofMinutes(15)).build();
        this.codeRequests = Bandwidth.builder().capacity(codeRequests).refillGreedy(codeRequests, Duration.ofHours(1))
                .build();
        this.refusedPasswords = refused(meters, Door.PASSWORD);
        this.refusedCodes = refused(meters, Door.CODE);
    }

    SignInThrottle(MeterRegistry meters) {
        this(meters, new ThrottleStore.Local(), PER_ADDRESS, CODE_REQUESTS_PER_ADDRESS);
    }

    private static Counter refused(MeterRegistry meters, Door door) {
        return Counter.builder("gonghui.signin.throttled").tag("door", door.name().toLowerCase(Locale.ROOT))
                .description("sign-in attempts refused by the throttle before any check").register(meters);
    }

    /**
     * Takes one attempt for {@code account} (as typed) from {@code address}, or refuses it.
     *
     * @throws SignInThrottled when any of the buckets is empty; nothing is taken then
     */
    public Attempt attempt(Door door, String account, String address) {
        String name = account == null ? "" : account.trim().toLowerCase(Locale.ROOT);
        String from = addressKey(address);
        String prefix = door.name() + '|';
        List<Bucket> needed = new ArrayList<>(3);
        Bucket pair = bucket(prefix + "pair|" + name + '|' + from, PAIR);
        needed.add(pair);
        needed.add(bucket(prefix + "address|" + from, perAddress));
        if (door == Door.PASSWORD && !store.known(name + '|' + from)) {
            needed.add(bucket(prefix + "account|" + name, ACCOUNT));
        }
        List<Bucket> taken = takeFromEach(needed, door == Door.PASSWORD ? refusedPasswords : refusedCodes);
        return new Attempt(taken, pair, name + '|' + from);
    }

    /**
     * Takes one code request for {@code phone} from {@code address}, or refuses it: {@value #CODE_REQUESTS_PER_ADDRESS}
     * an hour from an address, {@value #CODE_REQUESTS_PER_PHONE_AND_ADDRESS} a day for one phone from one address (so
     * one address cannot spend a member's daily codes, which {@link OneTimeCodes} limits per phone).
     */
    void codeRequested(String phone, String address) {
        String from = addressKey(address);
        List<Bucket> needed = List.of(bucket("CODE|request|" + from, codeRequests),
                bucket("CODE|request|" + phone + '|' + from, CODE_REQUESTS_FOR_PHONE));
        takeFromEach(needed, refusedCodes);
    }

    /** One token from every bucket, or none at all: a refusal gives back what it took and waits for the slowest. */
    private static List<Bucket> takeFromEach(List<Bucket> needed, Counter refused) {
        List<Bucket> taken = new ArrayList<>(needed.size());
        long waitNanos = 0;
        for (Bucket bucket : needed) {
            ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
            if (probe.isConsumed()) {
                taken.add(bucket);
            } else {
                waitNanos = Math.max(waitNanos, probe.getNanosToWaitForRefill());
            }
        }
        if (waitNanos > 0) {
            taken.forEach(bucket -> bucket.addTokens(1));
            refused.increment();
            throw new SignInThrottled(seconds(waitNanos));
        }
        return taken;
    }

    private static long seconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }

    /** Forgets every bucket of an account (an administrator unlocked it), for both doors and every address. */
    void forget(String account) {
        String name = account == null ? "" : account.trim().toLowerCase(Locale.ROOT);
        store.forget(name);
    }

    private Bucket bucket(String key, Bandwidth limit) {
        return store.bucket(key, limit);
    }

    /** The address as counted: IPv4 as is, IPv6 by its /64 network (one host usually holds a whole /64). */
    static String addressKey(String address) {
        if (address == null || address.isBlank()) {
            return "unknown";
        }
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            // a literal (hex digits, colons, dots) is parsed without any name look-up
            if (!address.matches("[0-9a-fA-F:.]+")) {
                return address;
            }
            byte[] bytes = InetAddress.getByName(address).getAddress();
            return bytes.length == 16 ? HexFormat.of().formatHex(bytes, 0, 8) + "::/64" : address;
        } catch (UnknownHostException e) {
            return address;
        }
    }

    /** One attempt taken: report how it ended. Not reporting counts as a failure. */
    public final class Attempt {
        private final List<Bucket> taken;
        private final Bucket pair;
        private final String knownKey;

        private Attempt(List<Bucket> taken, Bucket pair, String knownKey) {
            this.taken = taken;
            this.pair = pair;
            this.knownKey = knownKey;
        }

        /** The right password or code: the attempt is given back and the address is known to the account. */
        public void succeeded() {
            taken.forEach(bucket -> bucket.addTokens(1));
            pair.reset();
            store.markKnown(knownKey);
        }

        /** Nothing was checked after all (the database did not answer …): the attempt is given back. */
        public void notChecked() {
            taken.forEach(bucket -> bucket.addTokens(1));
        }
    }
}
