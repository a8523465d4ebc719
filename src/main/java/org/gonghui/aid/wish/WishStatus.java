package org.gonghui.aid.wish;

/** Posted and open to donors → claimed by exactly one donor → fulfilled once the member confirms; or withdrawn. */
public enum WishStatus {
    OPEN, CLAIMED, FULFILLED, WITHDRAWN
}
