package org.gonghui.account;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.gonghui.shared.crypto.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The development SMS sender: writes each message to the log (so a developer can read the one-time code)
 * and keeps the last few in memory for tests.
 */
public class LoggingSmsSender implements SmsSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingSmsSender.class);
    private static final int KEEP = 100;

    private final Deque<String[]> recent = new ArrayDeque<>();

    @Override
    public synchronized void send(String phone, String text) {
        log.info("SMS to {}: {}", Masking.phone(phone), text);
        recent.addFirst(new String[] {phone, text});
        while (recent.size() > KEEP) {
            recent.removeLast();
        }
    }

    /** The last message sent to a phone, if any. */
    public synchronized Optional<String> lastTo(String phone) {
        return recent.stream().filter(m -> m[0].equals(phone)).map(m -> m[1]).findFirst();
    }
}
