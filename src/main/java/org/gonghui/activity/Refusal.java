package org.gonghui.activity;

import org.gonghui.shared.DomainException;

/**
 * Why a registration or a voucher claim was refused. Each reason is a message code with a localised text; the
 * API returns the code in the problem detail's {@code code} so a client can react (e.g. offer the waitlist on
 * {@code activity.refused.full}).
 */
public final class Refusal {

    public static final String NOT_OPEN = "activity.refused.not-open";
    public static final String CLOSED = "activity.refused.closed";
    public static final String CANCELLED = "activity.refused.cancelled";
    public static final String FULL = "activity.refused.full";
    /** The member's organisation's quota is taken (and other quotas still keep theirs; maybe until a time). */
    public static final String FULL_QUOTA = "activity.refused.full.quota";
    public static final String FULL_QUOTA_UNTIL = "activity.refused.full.quota-until";
    public static final String ALREADY_REGISTERED = "activity.refused.already-registered";
    public static final String MONTHLY_LIMIT = "activity.refused.monthly-limit";
    public static final String SUSPENDED = "activity.refused.suspended";
    public static final String NOT_ELIGIBLE_TYPE = "activity.refused.not-eligible.type";
    public static final String NOT_ELIGIBLE_ORG = "activity.refused.not-eligible.organisation";
    public static final String NOT_ELIGIBLE_CARD = "activity.refused.not-eligible.card";
    public static final String NOT_ELIGIBLE_AGE = "activity.refused.not-eligible.age";
    public static final String NOT_ELIGIBLE_INACTIVE = "activity.refused.not-eligible.inactive";
    public static final String NOT_ELIGIBLE_MODEL_WORKER = "activity.refused.not-eligible.model-worker";
    public static final String ADDRESS_REQUIRED = "activity.refused.address-required";
    public static final String BUSY = "activity.refused.busy";

    public static final String SOLD_OUT = "welfare.refused.sold-out";
    public static final String CLAIM_NOT_OPEN = "welfare.refused.not-open";
    public static final String CLAIM_CLOSED = "welfare.refused.closed";
    public static final String VOUCHER_LIMIT = "welfare.refused.limit";

    private Refusal() {
    }

    static DomainException conflict(String code, Object... args) {
        return new Refused(DomainException.Kind.CONFLICT, code, args);
    }

    static DomainException forbidden(String code, Object... args) {
        return new Refused(DomainException.Kind.FORBIDDEN, code, args);
    }

    /** A refusal is an answer, not a fault: no stack trace, which a rush of "full" answers would pay for. */
    static final class Refused extends DomainException {
        Refused(Kind kind, String code, Object... args) {
            super(kind, code, args);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
