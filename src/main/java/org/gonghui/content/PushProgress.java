package org.gonghui.content;

import java.time.Instant;

/** How far an article's push has come: members texted, skipped (opted out, no phone) and failed. */
public record PushProgress(long articleId, String status, int sent, int skipped, int failed, int opened,
        Instant startedAt, Instant finishedAt) {

    public boolean running() {
        return "RUNNING".equals(status);
    }

    public int done() {
        return sent + skipped + failed;
    }
}
