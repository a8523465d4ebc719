package org.gonghui.content;

/**
 * Delivers a new-article notice. The platform sends text messages through the account module's {@code SmsSender};
 * a deployment may define its own bean (a WeChat template message sender) and the text-message sender steps aside.
 * Throwing means the notice failed (counted as failed, never retried: at most one notice per member and article).
 */
public interface PushSender {

    /** What became of a notice that did not fail. */
    enum Outcome { SENT, NO_ADDRESS }

    Outcome send(PushMessage message);
}
