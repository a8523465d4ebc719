package org.gonghui.content;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads and shares as append-only rows of {@code content_read_event}: no counter row, so readers never wait for each
 * other. A reader's request only puts the event on an in-memory queue; one writer thread stores the queue every
 * {@value #INTERVAL_MS} ms in batches of up to {@value #BATCH} rows, one commit per batch (thousands of reads a second
 * cost a few commits). When the queue is full the request stores its own event. Figures call {@link #flush()} first,
 * so they include every read this instance has taken; a crash loses at most the last fraction of a second of reads
 * (figures, not money). Shutdown stores what is left.
 */
@Component
class ReadLog implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReadLog.class);
    static final int BATCH = 1000;
    static final long INTERVAL_MS = 200;
    private static final String INSERT =
            "insert into content_read_event (article_id, kind, read_at, org_path, member_id) values (?, ?, ?, ?, ?)";

    /** One view ({@code V}) or share ({@code S}) of an article by a member of the organisation at {@code orgPath}. */
    record ReadEvent(long articleId, char kind, Instant at, String orgPath, long memberId) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final BlockingQueue<ReadEvent> queue = new ArrayBlockingQueue<>(100_000);
    private final ReentrantLock writing = new ReentrantLock();
    private ScheduledExecutorService writer;

    ReadLog(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        // its own commit, also when a request's (read-only) transaction is open
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    void record(ReadEvent event) {
        if (!queue.offer(event)) {
            store(List.of(event));
        }
    }

    /** Stores everything queued so far. */
    void flush() {
        writing.lock();
        try {
            List<ReadEvent> batch = new ArrayList<>(BATCH);
            while (queue.drainTo(batch, BATCH) > 0) {
                store(batch);
                batch.clear();
            }
        } finally {
            writing.unlock();
        }
    }

    private void store(List<ReadEvent> batch) {
        tx.executeWithoutResult(status -> jdbc.batchUpdate(INSERT, batch, batch.size(), (ps, e) -> {
            ps.setLong(1, e.articleId());
            ps.setString(2, String.valueOf(e.kind()));
            ps.setTimestamp(3, Timestamp.from(e.at()));
            ps.setString(4, e.orgPath());
            ps.setLong(5, e.memberId());
        }));
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("could not store read events yet: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void start() {
        writer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "content-read-log");
            thread.setDaemon(true);
            return thread;
        });
        writer.scheduleWithFixedDelay(this::flushQuietly, INTERVAL_MS, INTERVAL_MS, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (writer != null) {
            writer.shutdown();
            try {
                writer.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            writer = null;
        }
        flushQuietly();
    }

    @Override
    public synchronized boolean isRunning() {
        return writer != null;
    }

    /** Stops after the web server (which stops first) so the last requests' reads are stored. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 4096;
    }
}
