package org.gonghui.helpdesk;

import java.time.Instant;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.shared.DomainException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.ReadOnlyProperty;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A help request (诉求) and its state machine. Every move checks where the request stands and is saved with an
 * optimistic lock, so two staff members acting at once cannot both move it. Protected values (contents, form
 * answers, contact details) arrive here already sealed by {@link HelpRequests}; this class never sees them clear.
 */
@Table("help_request")
class HelpRequest {

    @Id
    private Long id;
    private String requestNo;
    private RequestType requestType;
    private String subtypeCode;
    private Difficulty difficulty;
    private Channel channel;
    private Long memberId;
    private String contactNameEnc;
    private String contactNameMasked;
    private String contactPhoneEnc;
    private String contactPhoneHash;
    private String contactPhoneMasked;
    private String subject;
    private String contentEnc;
    private String formAnswersEnc;
    private Long memberOrgId;
    private boolean againstEmployer;
    private String excludedOrgPath;
    private Long handlingOrgId;
    private String handlingOrgPath;
    private RequestStatus status;
    private Outcome outcome;
    private String outcomeReason;
    private String referredTo;
    private Instant receivedAt;
    private String registeredBy;
    private Instant firstResponseAt;
    private Instant lastReplyAt;
    private Instant unansweredSince;
    private Instant pausedSince;
    private Instant firstResponseDue;
    private Instant nextUpdateDue;
    private Instant resolutionDue;
    /** Stored by the {@link LightJob} alone (never written back from a request loaded before it ran). */
    @ReadOnlyProperty
    private Light light;
    @ReadOnlyProperty
    private Instant lightSince;
    private boolean supervised;
    private Instant closedAt;
    private Instant callbackDue;
    private Satisfaction satisfaction;
    private Instant ratedAt;
    private boolean reopened;
    private Long duplicateOf;
    private Long closeWorkingSeconds;
    @Column("time_limit_version")
    private Long timeLimitVersion;
    private Instant updatedAt;
    @Version
    private Integer version;

    @PersistenceCreator
    HelpRequest() {
    }

    /** What a new request is made of, its protected values already sealed. */
    record Sealed(String contentEnc, String formAnswersEnc, String contactNameEnc, String contactNameMasked,
            String contactPhoneEnc, String contactPhoneHash, String contactPhoneMasked) {
    }

    static HelpRequest receive(String requestNo, RequestType type, String subtypeCode, Channel channel, Long memberId,
            Long memberOrgId, String subject, Sealed sealed, boolean againstEmployer, RoutingRule.Decision route,
            String registeredBy, Instant now) {
        HelpRequest request = new HelpRequest();
        request.requestNo = requestNo;
        request.requestType = type;
        request.subtypeCode = subtypeCode;
        request.difficulty = Difficulty.NORMAL;
        request.channel = channel;
        request.memberId = memberId;
        request.memberOrgId = memberOrgId;
        request.subject = subject;
        request.contentEnc = sealed.contentEnc();
        request.formAnswersEnc = sealed.formAnswersEnc();
        request.contactNameEnc = sealed.contactNameEnc();
        request.contactNameMasked = sealed.contactNameMasked();
        request.contactPhoneEnc = sealed.contactPhoneEnc();
        request.contactPhoneHash = sealed.contactPhoneHash();
        request.contactPhoneMasked = sealed.contactPhoneMasked();
        request.againstEmployer = againstEmployer;
        request.excludedOrgPath = route.excludedOrgPath();
        request.handlingOrgId = route.handling().id();
        request.handlingOrgPath = route.handling().path();
        request.status = RequestStatus.OPEN;
        request.receivedAt = now;
        request.registeredBy = registeredBy;
        request.unansweredSince = now;
        request.updatedAt = now;
        return request;
    }

    /** Whether staff with this scope path may see the request: above or at the handler, never in the excluded subtree. */
    boolean visibleToStaff(String scopePath) {
        return scopePath != null && handlingOrgPath.startsWith(scopePath) && !excludes(scopePath);
    }

    /** Whether an organisation with this path lies in the subtree the request must never reach. */
    boolean excludes(String orgPath) {
        return excludedOrgPath != null && orgPath != null && orgPath.startsWith(excludedOrgPath);
    }

    /** Moves the request to another handling organisation (派单, 转办, 退回). */
    void moveTo(OrganisationView target, Instant now) {
        requireOpen();
        if (target.id() == handlingOrgId) {
            throw DomainException.invalid("helpdesk.move.same-organisation");
        }
        if (excludes(target.path())) {
            throw DomainException.invalid("helpdesk.move.excluded");
        }
        this.handlingOrgId = target.id();
        this.handlingOrgPath = target.path();
        touch(now);
    }

    /** A reply to the member: the first response if none yet, and the member's messages count as answered. */
    void replied(Instant now) {
        requireOpen();
        if (firstResponseAt == null) {
            firstResponseAt = now;
        }
        lastReplyAt = now;
        unansweredSince = null;
        touch(now);
    }

    /** The member said something (added information, a photo): unanswered from now unless already waiting. */
    void memberSaid(Instant now) {
        requireOpen();
        if (unansweredSince == null) {
            unansweredSince = now;
        }
        touch(now);
    }

    /** Staff ask the member for something: it answers them so far, and the clock stands still until they reply. */
    void askMember(Instant now) {
        if (status != RequestStatus.OPEN) {
            throw DomainException.conflict(status == RequestStatus.WAITING_MEMBER ? "helpdesk.ask.already-waiting"
                    : "helpdesk.request.closed");
        }
        replied(now);
        status = RequestStatus.WAITING_MEMBER;
        pausedSince = now;
    }

    /** The member answered what staff asked: the request is open again and the clock runs. */
    void memberAnswered(Instant now) {
        if (status != RequestStatus.WAITING_MEMBER) {
            throw DomainException.conflict("helpdesk.answer.not-waiting");
        }
        status = RequestStatus.OPEN;
        pausedSince = null;
        memberSaid(now);
    }

    /**
     * The clock's part ({@link LightRefresh}): the time-limit version in force at receipt and the three deadlines,
     * recomputed before every save (so at submission and after every pause, resumption or change of difficulty).
     */
    void clock(long timeLimitVersion, LightReading reading) {
        this.timeLimitVersion = timeLimitVersion;
        this.firstResponseDue = reading.firstResponseDue();
        this.nextUpdateDue = reading.nextUpdateDue();
        this.resolutionDue = reading.resolutionDue();
    }

    /**
     * 办结: records the outcome — a reason when not accepted, the authority when referred — and when the member must
     * be called back. A request waiting for the member stops waiting.
     */
    void close(Outcome result, String reason, String authority, Instant now, Instant callbackBy, long workingSeconds) {
        requireOpen();
        if (result == null) {
            throw DomainException.invalid("helpdesk.close.outcome-required");
        }
        if (result == Outcome.NOT_ACCEPTED && (reason == null || reason.isBlank())) {
            throw DomainException.invalid("helpdesk.close.reason-required");
        }
        if (result == Outcome.REFERRED && (authority == null || authority.isBlank())) {
            throw DomainException.invalid("helpdesk.close.authority-required");
        }
        this.status = RequestStatus.CLOSED;
        this.outcome = result;
        this.outcomeReason = reason == null || reason.isBlank() ? null : reason.trim();
        this.referredTo = result == Outcome.REFERRED ? authority.trim() : null;
        this.pausedSince = null;
        this.closedAt = now;
        this.callbackDue = callbackBy;
        this.closeWorkingSeconds = workingSeconds;
        this.satisfaction = null;
        this.ratedAt = null;
        touch(now);
    }

    /** Whether the result of the last closing may still be rated (by the member or on the call-back). */
    boolean awaitsRating() {
        return status == RequestStatus.CLOSED && outcome != null && ratedAt == null;
    }

    /**
     * The member's rating of the result. 不满意 reopens the request once, under supervision: answers true when it
     * did; a second 不满意 is kept and changes nothing else.
     */
    boolean rate(Satisfaction rating, Instant now) {
        if (!awaitsRating()) {
            throw DomainException.conflict("helpdesk.rate.not-awaiting");
        }
        if (rating == null) {
            throw DomainException.invalid("helpdesk.rate.required");
        }
        this.satisfaction = rating;
        this.ratedAt = now;
        touch(now);
        if (rating != Satisfaction.DISSATISFIED || reopened) {
            return false;
        }
        this.reopened = true;
        this.supervised = true;
        this.status = RequestStatus.OPEN;
        this.outcome = null;
        this.outcomeReason = null;
        this.referredTo = null;
        this.closedAt = null;
        this.callbackDue = null;
        this.closeWorkingSeconds = null;
        this.unansweredSince = now;
        return true;
    }

    void markSupervised(Instant now) {
        this.supervised = true;
        touch(now);
    }

    /** A request of the member on a matter already open: kept, closed at once and linked to the open one. */
    void linkAsDuplicateOf(long openId, Instant now) {
        this.duplicateOf = openId;
        this.status = RequestStatus.CLOSED;
        this.closedAt = now;
        this.unansweredSince = null;
        touch(now);
    }

    void noted(Instant now) {
        touch(now);
    }

    void changeDifficulty(Difficulty next, Instant now) {
        requireOpen();
        this.difficulty = next;
        touch(now);
    }

    void requireOpen() {
        if (!status.isOpen()) {
            throw DomainException.conflict("helpdesk.request.closed");
        }
    }

    private void touch(Instant now) {
        this.updatedAt = now;
    }

    Long id() { return id; }
    String requestNo() { return requestNo; }
    RequestType type() { return requestType; }
    String subtypeCode() { return subtypeCode; }
    Difficulty difficulty() { return difficulty; }
    Channel channel() { return channel; }
    Long memberId() { return memberId; }
    String contactNameEnc() { return contactNameEnc; }
    String contactNameMasked() { return contactNameMasked; }
    String contactPhoneEnc() { return contactPhoneEnc; }
    String contactPhoneMasked() { return contactPhoneMasked; }
    String subject() { return subject; }
    String contentEnc() { return contentEnc; }
    String formAnswersEnc() { return formAnswersEnc; }
    Long memberOrgId() { return memberOrgId; }
    boolean againstEmployer() { return againstEmployer; }
    String excludedOrgPath() { return excludedOrgPath; }
    long handlingOrgId() { return handlingOrgId; }
    String handlingOrgPath() { return handlingOrgPath; }
    RequestStatus status() { return status; }
    Outcome outcome() { return outcome; }
    String outcomeReason() { return outcomeReason; }
    String referredTo() { return referredTo; }
    Instant receivedAt() { return receivedAt; }
    String registeredBy() { return registeredBy; }
    Instant firstResponseAt() { return firstResponseAt; }
    Instant lastReplyAt() { return lastReplyAt; }
    Instant unansweredSince() { return unansweredSince; }
    Instant pausedSince() { return pausedSince; }
    Instant firstResponseDue() { return firstResponseDue; }
    Instant nextUpdateDue() { return nextUpdateDue; }
    Instant resolutionDue() { return resolutionDue; }
    Light light() { return light; }
    Instant lightSince() { return lightSince; }
    boolean supervised() { return supervised; }
    Instant closedAt() { return closedAt; }
    Instant callbackDue() { return callbackDue; }
    Satisfaction satisfaction() { return satisfaction; }
    Instant ratedAt() { return ratedAt; }
    boolean reopened() { return reopened; }
    Long duplicateOf() { return duplicateOf; }
    Long timeLimitVersion() { return timeLimitVersion; }
    int version() { return version == null ? 0 : version; }
}
