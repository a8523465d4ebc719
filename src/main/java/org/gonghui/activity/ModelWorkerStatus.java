package org.gonghui.activity;

/**
 * Whether a member holds a model worker's title, asked when they register for an activity of the category
 * {@link ActivityCategory#MODEL_WORKER} (劳模专享: health checks, recuperation places). The model-worker module
 * implements it; it depends on this module and not the other way round, because the payment engine it uses depends on
 * the card, which depends on activities. Without an implementation nobody may register for such an activity.
 */
public interface ModelWorkerStatus {

    boolean isModelWorker(long memberId);
}
