package org.gonghui.helpdesk;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gonghui.member.IdNumber;
import org.gonghui.member.MemberLookup;
import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
import org.gonghui.member.PhoneNumber;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.LikePattern;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.audit.AuditLog;
import org.gonghui.shared.crypto.Masking;
import org.gonghui.shared.crypto.PersonalDataCipher;
import org.gonghui.shared.files.DocumentStore;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.Role;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The help desk's requests: received from members (portal, API) or registered by staff (window, hotline), routed
 * by the {@link RoutingRule}, moved between organisations (派单 dispatch, 转办 transfer, 退回 send back), answered
 * and noted, each step kept in the history with who, when and why.
 *
 * <p>Who sees a request: its member; staff whose organisation is the handling one or above it — never staff in the
 * excluded subtree (the employer's service point of a complaint against the employer). To anyone else a request
 * does not exist ("not found"). Every staff look at a sensitive request (complaint, legal aid) is audit-logged.
 */
@Service
public class HelpRequests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> ANSWERS = new TypeReference<>() {
    };

    private final HelpRequestRepository repository;
    private final HelpRequestRecords records;
    private final Subtypes subtypes;
    private final Organisations organisations;
    private final Members members;
    private final MemberLookup lookup;
    private final PersonalDataCipher cipher;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final PlatformTime time;
    private final HelpdeskProperties properties;
    private final JdbcClient jdbc;
    private final DocumentStore files;
    private final Lawyers lawyers;
    private final TimeLimits timeLimits;
    private final WorkingTime workingTime;
    private final DocumentStore.Area area;

    private final LightRefresh lightRefresh;

    HelpRequests(HelpRequestRepository repository, HelpRequestRecords records, Subtypes subtypes,
            Organisations organisations, Members members, MemberLookup lookup, PersonalDataCipher cipher, AuditLog audit,
            ApplicationEventPublisher events, PlatformTime time, HelpdeskProperties properties, JdbcClient jdbc,
            DocumentStore files, Lawyers lawyers, LightRefresh lightRefresh, TimeLimits timeLimits,
            WorkingTime workingTime) {
        this.lightRefresh = lightRefresh;
        this.timeLimits = timeLimits;
        this.workingTime = workingTime;
        this.files = files;
        this.lawyers = lawyers;
        this.area = new DocumentStore.Area("helpdesk/requests", properties.maxDocumentBytes(),
                "helpdesk.document.unsupported", "helpdesk.document.not-found");
        this.repository = repository;
        this.records = records;
        this.subtypes = subtypes;
        this.organisations = organisations;
        this.members = members;
        this.lookup = lookup;
        this.cipher = cipher;
        this.audit = audit;
        this.events = events;
        this.time = time;
        this.properties = properties;
        this.jdbc = jdbc;
    }

    // ---- receiving

    /** A member submits a request on the portal or through the API; it is routed at once. */
    @Transactional
    public HelpRequestView submit(CurrentUser user, NewHelpRequest form, Channel channel) {
        if (user == null || !user.isMember()) {
            throw DomainException.forbidden("error.forbidden");
        }
        if (channel != Channel.PORTAL && channel != Channel.API) {
            throw DomainException.invalid("helpdesk.channel.member");
        }
        MemberView member = members.find(user.memberId()).orElseThrow(() -> DomainException.notFound("member.not-found"));
        PhoneNumber phone = blank(form.contactPhone()) ? null : new PhoneNumber(form.contactPhone());
        Contact contact = new Contact(null, phone);
        return receive(user, channel, member, contact, form.type(), form.subtype(), form.subject(), form.content(),
                form.answers(), Boolean.TRUE.equals(form.againstEmployer()));
    }

    /**
     * Staff register a request at a service window or taken on the 12351 hotline. The member is found by ID number
     * or phone (anywhere in the city: a worker may walk into any window); someone who is not a member yet is
     * recorded by name and phone and handled where they were registered.
     */
    @Transactional
    public HelpRequestView register(CurrentUser staff, Registration form) {
        requireStaff(staff);
        if (form.channel() == null || !form.channel().isStaffRegistered()) {
            throw DomainException.invalid("helpdesk.channel.staff");
        }
        MemberView member = findMember(form.idNumber(), form.phone()).orElse(null);
        Contact contact;
        if (member != null) {
            contact = new Contact(null, null);
        } else {
            if (blank(form.name()) || blank(form.phone())) {
                throw DomainException.invalid(blank(form.idNumber()) ? "helpdesk.register.contact-required"
                        : "helpdesk.register.member-not-found");
            }
            contact = new Contact(form.name().trim(), new PhoneNumber(form.phone()));
        }
        return receive(staff, form.channel(), member, contact, form.type(), form.subtype(), form.subject(),
                form.content(), form.answers(), Boolean.TRUE.equals(form.againstEmployer()));
    }

    /** How to reach someone: a name (non-members only) and a phone (else the member's own). */
    private record Contact(String name, PhoneNumber phone) {
    }

    private Optional<MemberView> findMember(String idNumber, String phone) {
        if (!blank(idNumber)) {
            if (!IdNumber.isValid(idNumber.trim())) {
                throw DomainException.invalid("helpdesk.register.id-number");
            }
            return Optional.ofNullable(lookup.byIdNumbers(List.of(idNumber.trim())).get(new IdNumber(idNumber.trim()).value()))
                    .flatMap(found -> members.find(found.memberId()));
        }
        if (!blank(phone)) {
            PhoneNumber number = new PhoneNumber(phone);
            return members.findByPhone(number.value());
        }
        throw DomainException.invalid("helpdesk.register.who");
    }

    private HelpRequestView receive(CurrentUser by, Channel channel, MemberView member, Contact contact,
            RequestType type, String subtypeCode, String subject, String content, Map<String, String> answers,
            boolean againstEmployer) {
        if (type == null) {
            throw DomainException.invalid("helpdesk.type.required");
        }
        SubtypeView subtype = subtypes.require(type, subtypeCode);
        Map<String, String> checkedAnswers = FormAnswers.check(subtype, answers);
        if (blank(subject) || blank(content)) {
            throw DomainException.invalid("helpdesk.request.incomplete");
        }
        if (subject.trim().length() > 100 || content.trim().length() > 4000) {
            throw DomainException.invalid("helpdesk.request.too-long");
        }
        if (againstEmployer && type != RequestType.COMPLAINT) {
            throw DomainException.invalid("helpdesk.against-employer.complaint-only");
        }
        OrganisationView from = member != null
                ? organisations.find(member.orgId()).orElseThrow()
                : organisations.find(by.orgId()).orElseThrow(() -> DomainException.forbidden("error.forbidden"));
        RoutingRule.Decision route = RoutingRule.route(organisations.lineage(from), member != null, type, againstEmployer,
                properties.routing());
        Instant now = time.now();
        Optional<DuplicateRule.Earlier> open = member == null ? Optional.empty()
                : DuplicateRule.openOne(records.openOf(member.id()), type, subtype.code(), now,
                        timeLimits.inForce(now).duplicateWindowDays());
        String name = contact.name();
        PhoneNumber phone = contact.phone();
        HelpRequest.Sealed sealed = new HelpRequest.Sealed(cipher.encrypt(content.trim()),
                checkedAnswers.isEmpty() ? null : cipher.encrypt(JSON.writeValueAsString(checkedAnswers)),
                name == null ? null : cipher.encrypt(name), name == null ? null : Masking.name(name),
                phone == null ? null : cipher.encrypt(phone.value()), phone == null ? null : cipher.hash(phone.value()),
                phone == null ? null : phone.masked());
        HelpRequest request = repository.save(HelpRequest.receive(nextNumber(now), type, subtype.code(), channel,
                member == null ? null : member.id(), member == null ? null : member.orgId(), subject.trim(), sealed,
                againstEmployer, route, by.getUsername(), now));
        EventKind kind = channel.isStaffRegistered() ? EventKind.REGISTERED : EventKind.SUBMITTED;
        records.event(request.id(), now, HelpRequestRecords.Event.by(kind, by.getUsername(), by.orgId(), true)
                .move(null, route.handling().id()));
        if (open.isPresent()) {
            return linkDuplicate(by, request, open.get().id(), subject.trim() + "\n" + content.trim(), now);
        }
        audit.record("helpdesk.request." + kind.name().toLowerCase(Locale.ROOT), "help_request", request.id(),
                channel.name());
        events.publishEvent(new HelpRequestSubmitted(request.id(), request.requestNo(), request.memberId(),
                request.handlingOrgId(), channel));
        return view(request, by);
    }

    /**
     * A request on a matter already open: kept (closed at once, linked to the open one), its words added to the open
     * request as the member's information, and the member told which request goes on.
     */
    private HelpRequestView linkDuplicate(CurrentUser by, HelpRequest duplicate, long openId, String words, Instant now) {
        HelpRequest original = repository.findById(openId).orElseThrow();
        duplicate.linkAsDuplicateOf(openId, now);
        HelpRequest saved = repository.save(duplicate);
        records.event(saved.id(), now, HelpRequestRecords.Event.by(EventKind.DUPLICATE_LINKED, by.getUsername(),
                by.orgId(), true).move(null, original.handlingOrgId()).because(original.requestNo()));
        EventKind kind = memberSpoke(original, now);
        repository.save(original);
        records.event(openId, now, HelpRequestRecords.Event.by(kind, by.getUsername(), by.orgId(), true).saying(words));
        records.event(openId, now, HelpRequestRecords.Event.by(EventKind.DUPLICATE_LINKED, by.getUsername(), by.orgId(),
                true).because(saved.requestNo()));
        audit.record("helpdesk.request.duplicate", "help_request", saved.id(), "of " + openId);
        events.publishEvent(new HelpdeskTexts.Tell(saved.id(), "helpdesk.sms.duplicate", saved.requestNo(), original.requestNo()));
        return view(saved, by);
    }

    /** {@code 12351-2026-0000123}: the year of receipt and a number that never repeats. */
    private String nextNumber(Instant now) {
        long next = jdbc.sql("select nextval('help_request_no_seq')").query(Long.class).single();
        return String.format("12351-%d-%07d", time.dateOf(now).getYear(), next);
    }

    // ---- reading

    /** A request with its history, if this user may see it; staff looks at sensitive requests are audit-logged. */
    @Transactional
    public HelpRequestDetails view(CurrentUser user, long id) {
        HelpRequest request = readable(user, id);
        if (!user.isMember() && request.type().isSensitive()) {
            audit.record("helpdesk.request.view", "help_request", id, request.type().name());
        }
        return new HelpRequestDetails(view(request, user), records.history(id, user.isMember()),
                records.documents(id, user.isMember()), user.isMember() ? List.of() : records.supervisions(id),
                records.referrals(id));
    }

    /**
     * The staff user's requests: handled in their subtree (never those they are excluded from), open ones unless the
     * query asks for a status, most urgent first — red, then yellow, then the earliest resolution deadline.
     */
    @Transactional(readOnly = true)
    public PageResult<HelpRequestSummary> search(CurrentUser staff, HelpRequestQuery query, int page, int size) {
        TreePath scope = TreePath.scopeOf(staff);
        HelpRequestQuery q = query == null ? HelpRequestQuery.open() : query;
        if (q.orgId() != null) {
            scope = organisations.requireInScope(q.orgId(), scope).treePath();
        }
        int safeSize = PageResult.clampSize(size);
        int safePage = PageResult.clampPage(page);
        StringBuilder sql = new StringBuilder(SUMMARY).append(" where r.handling_org_path like :scope")
                .append(" and (r.excluded_org_path is null or :userPath not like (r.excluded_org_path || '%'))");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("scope", scope.likePattern());
        params.put("userPath", staff.orgPath());
        if (q.status() == null) {
            sql.append(" and r.status <> 'CLOSED'");
        } else {
            sql.append(" and r.status = :status");
            params.put("status", q.status().name());
        }
        if (q.type() != null) {
            sql.append(" and r.request_type = :type");
            params.put("type", q.type().name());
        }
        if (q.light() != null) {
            sql.append(" and r.light = :light");
            params.put("light", q.light().name());
        }
        if (q.channel() != null) {
            sql.append(" and r.channel = :channel");
            params.put("channel", q.channel().name());
        }
        if (q.supervised() != null) {
            sql.append(" and r.supervised = :supervised");
            params.put("supervised", q.supervised());
        }
        if (q.text() != null && !q.text().isBlank()) {
            sql.append(" and (r.request_no = :text or r.subject like :textPattern" + LikePattern.ESCAPE + ")");
            params.put("text", q.text().trim());
            params.put("textPattern", LikePattern.containing(q.text().trim()));
        }
        if (q.receivedFrom() != null) {
            sql.append(" and r.received_at >= :receivedFrom");
            params.put("receivedFrom", Timestamp.from(q.receivedFrom()));
        }
        if (q.receivedTo() != null) {
            sql.append(" and r.received_at < :receivedTo");
            params.put("receivedTo", Timestamp.from(q.receivedTo()));
        }
        sql.append(URGENCY).append(" limit :limit offset :offset");
        params.put("limit", safeSize + 1);
        params.put("offset", (long) safePage * safeSize);
        var statement = jdbc.sql(sql.toString());
        for (Map.Entry<String, Object> param : params.entrySet()) {
            statement = statement.param(param.getKey(), param.getValue());
        }
        return PageResult.of(lightRefresh.current(statement.query((rs, n) -> summary(rs)).list()), safePage, safeSize);
    }

    /** The signed-in member's requests, newest first. */
    @Transactional(readOnly = true)
    public PageResult<HelpRequestSummary> mine(CurrentUser user, int page, int size) {
        if (user == null || !user.isMember()) {
            throw DomainException.forbidden("error.forbidden");
        }
        int safeSize = PageResult.clampSize(size);
        int safePage = PageResult.clampPage(page);
        return PageResult.of(lightRefresh.current(jdbc.sql(SUMMARY + " where r.member_id = :m order by r.id desc limit :limit offset :offset")
                .param("m", user.memberId()).param("limit", safeSize + 1).param("offset", (long) safePage * safeSize)
                .query((rs, n) -> summary(rs)).list()), safePage, safeSize);
    }

    // ---- the chain

    /** 派单: sends the request to an organisation in the actor's subtree (never into the excluded subtree). */
    @Transactional
    public HelpRequestView dispatch(CurrentUser staff, long id, Integer version, long toOrgId, String note) {
        HelpRequest request = actionable(staff, id, version);
        OrganisationView target = organisations.requireInScope(toOrgId, TreePath.scopeOf(staff));
        return move(staff, request, target, EventKind.DISPATCHED, blank(note) ? null : note.trim());
    }

    /**
     * 转办: hands the request to another organisation — in the actor's subtree or beside it (under the actor's
     * parent organisation) — with a reason.
     */
    @Transactional
    public HelpRequestView transfer(CurrentUser staff, long id, Integer version, long toOrgId, String reason) {
        HelpRequest request = actionable(staff, id, version);
        requireReason(reason);
        TreePath own = TreePath.scopeOf(staff);
        List<Long> ids = own.ids();
        TreePath reach = ids.size() > 1 ? TreePath.root(ids.get(0)) : own;
        for (int i = 1; i < ids.size() - 1; i++) {
            reach = reach.child(ids.get(i));
        }
        OrganisationView target = organisations.requireInScope(toOrgId, reach);
        return move(staff, request, target, EventKind.TRANSFERRED, reason.trim());
    }

    /** 退回: returns a wrongly routed request to the organisation it came from (else the one above), with a reason. */
    @Transactional
    public HelpRequestView sendBack(CurrentUser staff, long id, Integer version, String reason) {
        HelpRequest request = actionable(staff, id, version);
        requireReason(reason);
        OrganisationView handling = organisations.find(request.handlingOrgId()).orElseThrow();
        Long back = records.cameFrom(id, request.handlingOrgId()).orElse(handling.parentId());
        if (back == null) {
            throw DomainException.conflict("helpdesk.send-back.nowhere");
        }
        return move(staff, request, organisations.find(back).orElseThrow(), EventKind.SENT_BACK, reason.trim());
    }

    private HelpRequestView move(CurrentUser staff, HelpRequest request, OrganisationView target, EventKind kind,
            String reason) {
        if (!target.isActive()) {
            throw DomainException.conflict("organisation.closed", target.name());
        }
        long from = request.handlingOrgId();
        Instant now = time.now();
        request.moveTo(target, now);
        HelpRequest saved = repository.save(request);
        records.event(saved.id(), now, HelpRequestRecords.Event.by(kind, staff.getUsername(), staff.orgId(), true)
                .move(from, target.id()).because(reason));
        audit.record("helpdesk.request." + kind.name().toLowerCase(Locale.ROOT), "help_request", saved.id(),
                from + " -> " + target.id());
        events.publishEvent(new HelpRequestMoved(saved.id(), saved.requestNo(), saved.memberId(), kind, from, target.id()));
        return view(saved, staff);
    }

    /** A reply to the member: it answers what they said so far and is the first response if none was given yet. */
    @Transactional
    public HelpRequestView reply(CurrentUser staff, long id, Integer version, String text) {
        HelpRequest request = actionable(staff, id, version);
        String words = requireText(text);
        Instant now = time.now();
        request.replied(now);
        HelpRequest saved = repository.save(request);
        records.event(saved.id(), now, HelpRequestRecords.Event.by(EventKind.REPLY, staff.getUsername(), staff.orgId(),
                true).saying(words));
        audit.record("helpdesk.request.reply", "help_request", saved.id(), null);
        events.publishEvent(new HelpRequestReplied(saved.id(), saved.requestNo(), saved.memberId(), false));
        return view(saved, staff);
    }

    /** An internal note: staff in scope see it, the member never does. */
    @Transactional
    public HelpRequestView note(CurrentUser staff, long id, Integer version, String text) {
        HelpRequest request = actionable(staff, id, version);
        String words = requireText(text);
        Instant now = time.now();
        request.noted(now);
        HelpRequest saved = repository.save(request);
        records.event(saved.id(), now, HelpRequestRecords.Event.by(EventKind.NOTE, staff.getUsername(), staff.orgId(),
                false).saying(words));
        audit.record("helpdesk.request.note", "help_request", saved.id(), null);
        return view(saved, staff);
    }

    /** Staff judge how hard the request is (一般, 疑难, 特别复杂): it sets the resolution time limit. */
    @Transactional
    public HelpRequestView changeDifficulty(CurrentUser staff, long id, Integer version, Difficulty difficulty) {
        HelpRequest request = actionable(staff, id, version);
        if (difficulty == null) {
            throw DomainException.invalid("helpdesk.difficulty.required");
        }
        Difficulty before = request.difficulty();
        if (before == difficulty) {
            return view(request, staff);
        }
        Instant now = time.now();
        request.changeDifficulty(difficulty, now);
        HelpRequest saved = repository.save(request);
        records.event(saved.id(), now, HelpRequestRecords.Event.by(EventKind.DIFFICULTY_CHANGED, staff.getUsername(),
                staff.orgId(), false).because(before + " -> " + difficulty));
        audit.record("helpdesk.request.difficulty", "help_request", saved.id(), before + " -> " + difficulty);
        return view(saved, staff);
    }

    // ---- supervision, closing, call-back, rating

    /**
     * 督办: staff of an organisation above the handling one send a supervision notice, which the handling organisation
     * must answer; the request is marked supervised.
     */
    @Transactional
    public SupervisionView supervise(CurrentUser staff, long id, String reason) {
        HelpRequest request = actionable(staff, id, null);
        request.requireOpen();
        requireReason(reason);
        if (request.handlingOrgId() == staff.orgId()) {
            throw DomainException.invalid("helpdesk.supervise.own");
        }
        Instant now = time.now();
        OrganisationView from = organisations.find(staff.orgId()).orElseThrow();
        long notice = records.supervisionNotice(id, from, request.handlingOrgId(), false, reason.trim(),
                staff.getUsername(), now);
        request.markSupervised(now);
        repository.save(request);
        records.event(id, now, HelpRequestRecords.Event.by(EventKind.SUPERVISION_NOTICE, staff.getUsername(),
                staff.orgId(), false).move(from.id(), request.handlingOrgId()).because(reason.trim()));
        audit.record("helpdesk.request.supervise", "help_request", id, String.valueOf(notice));
        return records.supervision(id, notice).orElseThrow();
    }

    /** The handling organisation answers a supervision notice; both are kept. */
    @Transactional
    public SupervisionView answerSupervision(CurrentUser staff, long id, long noticeId, String text) {
        HelpRequest request = actionable(staff, id, null);
        String words = requireText(text);
        SupervisionView notice = records.supervision(id, noticeId)
                .orElseThrow(() -> DomainException.notFound("helpdesk.supervision.not-found"));
        if (staff.orgId() != notice.toOrgId() && staff.orgId() != request.handlingOrgId()) {
            throw DomainException.forbidden("helpdesk.supervision.handler-answers");
        }
        Instant now = time.now();
        if (!records.answerSupervision(id, noticeId, words, staff.getUsername(), now)) {
            throw DomainException.conflict("helpdesk.supervision.answered");
        }
        records.event(id, now, HelpRequestRecords.Event.by(EventKind.SUPERVISION_ANSWER, staff.getUsername(),
                staff.orgId(), false).move(staff.orgId(), notice.fromOrgId()).saying(words));
        audit.record("helpdesk.request.supervision-answer", "help_request", id, String.valueOf(noticeId));
        return records.supervision(id, noticeId).orElseThrow();
    }

    /** Open supervision notices to answer or to follow in the staff user's subtree, oldest first. */
    @Transactional(readOnly = true)
    public PageResult<SupervisionView> openSupervisions(CurrentUser staff, int page, int size) {
        TreePath scope = TreePath.scopeOf(staff);
        int safeSize = PageResult.clampSize(size);
        int safePage = PageResult.clampPage(page);
        return PageResult.of(records.openSupervisions(scope.value(), safeSize + 1, (long) safePage * safeSize),
                safePage, safeSize);
    }

    /** 办结: records the outcome; the member is told and must be called back by the call-back due date. */
    @Transactional
    public HelpRequestView close(CurrentUser staff, long id, Integer version, Outcome outcome, String reason,
            String referredTo) {
        HelpRequest request = actionable(staff, id, version);
        if (reason != null && reason.trim().length() > 500) {
            throw DomainException.invalid("helpdesk.reason.too-long", 500);
        }
        if (referredTo != null && referredTo.trim().length() > 200) {
            throw DomainException.invalid("helpdesk.close.authority-too-long", 200);
        }
        Instant now = time.now();
        boolean waiting = request.status() == RequestStatus.WAITING_MEMBER;
        request.close(outcome, reason, referredTo, now, callbackDue(request, now), workingSecondsToClose(request, now));
        HelpRequest saved = repository.save(request);
        if (waiting) {
            records.closePause(id, now);
        }
        records.event(id, now, HelpRequestRecords.Event.by(EventKind.CLOSED, staff.getUsername(), staff.orgId(), true)
                .because(outcome + (saved.outcomeReason() == null ? "" : ": " + saved.outcomeReason())
                        + (saved.referredTo() == null ? "" : " -> " + saved.referredTo())));
        audit.record("helpdesk.request.close", "help_request", id, outcome.name());
        events.publishEvent(new HelpRequestClosed(id, saved.requestNo(), saved.memberId(), saved.handlingOrgId(), outcome));
        return view(saved, staff);
    }

    /**
     * When the member must be called back after closing: {@code callbackDays} working days after it, as the time
     * limits in force when the request was received say.
     */
    Instant callbackDue(HelpRequest request, Instant closedAt) {
        return workingTime.plus(closedAt, timeLimits.inForce(request.receivedAt()).callbackDays(), List.of(), closedAt);
    }

    /** The working time from receipt to closing, the waits for the member left out (for the figures). */
    long workingSecondsToClose(HelpRequest request, Instant closedAt) {
        List<Pause> pauses = records.pauses(request.id()).stream()
                .map(p -> new Pause(p.from(), p.to() == null ? closedAt : p.to())).toList();
        return workingTime.between(request.receivedAt(), closedAt, pauses).getSeconds();
    }

    /**
     * 回访: staff record the call-back — who called (the user), when, and the rating the member gave on the phone.
     * 不满意 reopens the request once, supervised by the level above.
     */
    @Transactional
    public HelpRequestView callBack(CurrentUser staff, long id, Integer version, java.time.LocalDateTime calledAt,
            Satisfaction rating, String note) {
        HelpRequest request = actionable(staff, id, version);
        Instant now = time.now();
        Instant at = calledAt == null ? now : time.instantOf(calledAt);
        if (at.isAfter(now) || (request.closedAt() != null && at.isBefore(request.closedAt()))) {
            throw DomainException.invalid("helpdesk.callback.when");
        }
        if (note != null && note.trim().length() > 4000) {
            throw DomainException.invalid("helpdesk.text.too-long", 4000);
        }
        return rated(staff, request, rating, now, at, blank(note) ? null : note.trim(), true);
    }

    /** The member rates the result on the portal or the API; 不满意 reopens the request once. */
    @Transactional
    public HelpRequestView rate(CurrentUser member, long id, Satisfaction rating, String comment) {
        if (member == null || !member.isMember()) {
            throw DomainException.forbidden("error.forbidden");
        }
        HelpRequest request = readable(member, id);
        if (comment != null && comment.trim().length() > 4000) {
            throw DomainException.invalid("helpdesk.text.too-long", 4000);
        }
        Instant now = time.now();
        return rated(member, request, rating, now, now, blank(comment) ? null : comment.trim(), false);
    }

    private HelpRequestView rated(CurrentUser by, HelpRequest request, Satisfaction rating, Instant now, Instant at,
            String words, boolean onCallback) {
        boolean reopened = request.rate(rating, now);
        HelpRequest saved = repository.save(request);
        long id = saved.id();
        Long orgId = by.isMember() ? null : by.orgId();
        records.event(id, at, HelpRequestRecords.Event.by(onCallback ? EventKind.CALLBACK : EventKind.RATED,
                by.getUsername(), orgId, true).because(rating.name()).saying(words));
        if (reopened) {
            OrganisationView handling = organisations.find(saved.handlingOrgId()).orElseThrow();
            OrganisationView above = handling.parentId() == null ? handling
                    : organisations.find(handling.parentId()).orElseThrow();
            long notice = records.supervisionNotice(id, above, handling.id(), true, REOPEN_REASON, "system", now);
            records.event(id, now, HelpRequestRecords.Event.by(EventKind.REOPENED, by.getUsername(), orgId, true)
                    .move(null, handling.id()));
            records.event(id, now, HelpRequestRecords.Event.by(EventKind.SUPERVISION_NOTICE, "system", above.id(), false)
                    .move(above.id(), handling.id()).because(REOPEN_REASON));
            audit.record("helpdesk.request.reopen", "help_request", id, "supervision " + notice);
        }
        audit.record(onCallback ? "helpdesk.request.callback" : "helpdesk.request.rate", "help_request", id, rating.name());
        events.publishEvent(new HelpRequestRated(id, saved.requestNo(), saved.memberId(), rating, reopened, onCallback));
        return view(saved, by);
    }

    /** The reason of the supervision notice a dissatisfied member's rating sends (kept in Chinese, the records' language). */
    static final String REOPEN_REASON = "会员对办理结果不满意，重新办理，由上级督办";

    /**
     * 法律援助: refers a legal-aid request to a union lawyer of the roster with an appointment (time, place) that the
     * member is told and sees on the request.
     */
    @Transactional
    public ReferralView refer(CurrentUser staff, long id, long lawyerId, java.time.LocalDateTime appointmentAt,
            String place, String note) {
        HelpRequest request = actionable(staff, id, null);
        request.requireOpen();
        if (request.type() != RequestType.LEGAL_AID) {
            throw DomainException.invalid("helpdesk.referral.legal-aid-only");
        }
        LawyerView lawyer = lawyers.find(staff, lawyerId);
        if (!lawyer.active()) {
            throw DomainException.conflict("helpdesk.referral.lawyer-inactive", lawyer.name());
        }
        Instant now = time.now();
        if (appointmentAt == null || blank(place)) {
            throw DomainException.invalid("helpdesk.referral.appointment-required");
        }
        Instant at = time.instantOf(appointmentAt);
        if (at.isBefore(now)) {
            throw DomainException.invalid("helpdesk.referral.appointment-past");
        }
        if (place.trim().length() > 200 || (note != null && note.trim().length() > 4000)) {
            throw DomainException.invalid("helpdesk.text.too-long", 200);
        }
        long referral = records.referral(id, lawyer.id(), at, place.trim(), blank(note) ? null : note.trim(),
                staff.getUsername(), now);
        records.event(id, now, HelpRequestRecords.Event.by(EventKind.LEGAL_REFERRAL, staff.getUsername(), staff.orgId(),
                true).because(lawyer.name() + "（" + lawyer.firm() + "）").saying(time.dateTime(at) + " " + place.trim()));
        request.replied(now);
        repository.save(request);
        audit.record("helpdesk.request.refer", "help_request", id, "lawyer " + lawyer.id());
        events.publishEvent(new HelpdeskTexts.Tell(id, "helpdesk.sms.referral", request.requestNo(), lawyer.name(),
                lawyer.firm(), time.dateTime(at), place.trim()));
        return records.referrals(id).stream().filter(r -> r.id() == referral).findFirst().orElseThrow();
    }

    // ---- the member's part and documents

    /**
     * The member adds information to their open request. If staff asked them for something, this is the answer:
     * the pause ends and the request is open again; otherwise it waits for staff like any member message.
     */
    @Transactional
    public HelpRequestView addInformation(CurrentUser member, long id, String text) {
        HelpRequest request = ownRequest(member, id);
        String words = requireText(text);
        Instant now = time.now();
        EventKind kind = memberSpoke(request, now);
        HelpRequest saved = repository.save(request);
        records.event(saved.id(), now, HelpRequestRecords.Event.by(kind, member.getUsername(), null, true).saying(words));
        return view(saved, member);
    }

    /** 请会员补充: staff ask the member for something (a document, a fact); the clock stands still until they answer. */
    @Transactional
    public HelpRequestView askMember(CurrentUser staff, long id, Integer version, String text) {
        HelpRequest request = actionable(staff, id, version);
        String words = requireText(text);
        Instant now = time.now();
        request.askMember(now);
        HelpRequest saved = repository.save(request);
        records.openPause(saved.id(), now);
        records.event(saved.id(), now, HelpRequestRecords.Event.by(EventKind.MEMBER_ASKED, staff.getUsername(),
                staff.orgId(), true).saying(words));
        audit.record("helpdesk.request.ask-member", "help_request", saved.id(), null);
        events.publishEvent(new HelpRequestReplied(saved.id(), saved.requestNo(), saved.memberId(), true));
        return view(saved, staff);
    }

    /**
     * Attaches a document or photo (PDF, JPEG or PNG by content): the member to their own open request (from the
     * phone), staff to a request they see. A member's photo while staff wait for them is their answer.
     */
    @Transactional
    public HelpDocumentView attach(CurrentUser user, long id, org.springframework.web.multipart.MultipartFile file) {
        HelpRequest request = user != null && user.isMember() ? ownRequest(user, id) : actionable(user, id, null);
        request.requireOpen();
        Instant now = time.now();
        DocumentStore.Stored stored = files.store(area, String.valueOf(id), file);
        boolean byMember = user.isMember();
        long documentId = records.document(id, file.getOriginalFilename(), stored, user.getUsername(), byMember, now);
        if (byMember) {
            EventKind kind = memberSpoke(request, now);
            repository.save(request);
            if (kind == EventKind.MEMBER_ANSWERED) {
                records.event(id, now, HelpRequestRecords.Event.by(kind, user.getUsername(), null, true));
            }
        }
        records.event(id, now, HelpRequestRecords.Event.by(EventKind.DOCUMENT_ADDED, user.getUsername(), user.orgId(),
                true).because(DocumentStore.safeName(file.getOriginalFilename())));
        audit.record("helpdesk.document.upload", "help_request", id, String.valueOf(documentId));
        return records.documentOf(id, documentId, byMember).orElseThrow();
    }

    /** A document's content for the member or staff in scope; every opening by staff is audit-logged. */
    @Transactional
    public HelpDocument openDocument(CurrentUser user, long id, long documentId) {
        HelpRequest request = readable(user, id);
        HelpDocumentView document = records.documentOf(id, documentId, user.isMember())
                .orElseThrow(() -> DomainException.notFound("helpdesk.document.not-found"));
        if (!user.isMember() || request.type().isSensitive()) {
            audit.record("helpdesk.document.view", "help_request_document", documentId, "request " + id);
        }
        return new HelpDocument(document, files.read(area, records.storageKey(documentId)));
    }

    /** The member's words or photo: the answer when staff wait for them (the pause ends), else new information. */
    private EventKind memberSpoke(HelpRequest request, Instant now) {
        if (request.status() == RequestStatus.WAITING_MEMBER) {
            request.memberAnswered(now);
            records.closePause(request.id(), now);
            return EventKind.MEMBER_ANSWERED;
        }
        request.memberSaid(now);
        return EventKind.INFORMATION_ADDED;
    }

    private HelpRequest ownRequest(CurrentUser member, long id) {
        if (member == null || !member.isMember()) {
            throw DomainException.forbidden("error.forbidden");
        }
        HelpRequest request = readable(member, id);
        request.requireOpen();
        return request;
    }

    // ---- scope

    /** The request if this user may see it: its member, or staff above or at its handler and not excluded. */
    HelpRequest readable(CurrentUser user, long id) {
        HelpRequest request = repository.findById(id)
                .orElseThrow(() -> DomainException.notFound("helpdesk.request.not-found"));
        boolean allowed = user != null && (user.isMember()
                ? request.memberId() != null && request.memberId().equals(user.memberId())
                : user.isStaff() && request.visibleToStaff(user.orgPath()));
        if (!allowed) {
            throw DomainException.notFound("helpdesk.request.not-found");
        }
        return request;
    }

    /** The request for a staff action: staff (not only a reviewer) in scope, at the version they saw. */
    private HelpRequest actionable(CurrentUser staff, long id, Integer version) {
        requireStaff(staff);
        HelpRequest request = readable(staff, id);
        if (version != null && version != request.version()) {
            throw new OptimisticLockingFailureException("help request " + id + " changed since version " + version);
        }
        return request;
    }

    private static void requireStaff(CurrentUser user) {
        if (user == null || !user.isStaff() || !(user.has(Role.STAFF) || user.has(Role.ADMIN))) {
            throw DomainException.forbidden("error.forbidden");
        }
    }

    private static void requireReason(String reason) {
        if (blank(reason)) {
            throw DomainException.invalid("helpdesk.reason.required");
        }
        if (reason.trim().length() > 500) {
            throw DomainException.invalid("helpdesk.reason.too-long", 500);
        }
    }

    private static String requireText(String text) {
        if (blank(text)) {
            throw DomainException.invalid("helpdesk.text.required");
        }
        if (text.trim().length() > 4000) {
            throw DomainException.invalid("helpdesk.text.too-long", 4000);
        }
        return text.trim();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    // ---- views

    HelpRequestView view(HelpRequest request, CurrentUser viewer) {
        boolean staffView = viewer == null || !viewer.isMember();
        boolean masked = staffView && request.type().isSensitive();
        String name;
        String phone = request.contactPhoneMasked();
        if (request.memberId() != null) {
            MemberLookupResult member = memberOf(request.memberId());
            name = member.name();
            phone = phone != null ? phone : member.phoneMasked();
        } else {
            name = cipher.decrypt(request.contactNameEnc());
        }
        if (masked && name != null) {
            name = Masking.name(name);
        }
        Locale locale = LocaleContextHolder.getLocale();
        String subtypeLabel = subtypes.find(request.subtypeCode()).map(s -> s.label(locale)).orElse(request.subtypeCode());
        String handlingName = organisations.find(request.handlingOrgId()).map(OrganisationView::name).orElse(null);
        Map<String, String> answers = request.formAnswersEnc() == null ? Map.of()
                : JSON.readValue(cipher.decrypt(request.formAnswersEnc()), ANSWERS);
        boolean open = request.status().isOpen();
        return lightRefresh.current(request, new HelpRequestView(request.id(), request.requestNo(), request.type(), request.subtypeCode(), subtypeLabel,
                request.difficulty(), request.channel(), request.memberId(), name, phone, request.subject(),
                cipher.decrypt(request.contentEnc()), answers, request.memberOrgId(), request.againstEmployer(),
                request.handlingOrgId(), handlingName, request.status(), request.outcome(), request.outcomeReason(),
                request.referredTo(), request.receivedAt(), request.firstResponseAt(), request.lastReplyAt(),
                request.unansweredSince(), request.pausedSince(), request.firstResponseDue(), request.nextUpdateDue(),
                request.resolutionDue(), open ? request.light() : null, open ? request.lightSince() : null,
                request.supervised(), request.closedAt(), request.callbackDue(), request.satisfaction(),
                request.ratedAt(), request.reopened(), request.duplicateOf(), request.version()));
    }

    private record MemberLookupResult(String name, String phoneMasked) {
    }

    private MemberLookupResult memberOf(long memberId) {
        MemberLookup.Listed listed = lookup.byIds(List.of(memberId)).get(memberId);
        return listed == null ? new MemberLookupResult(null, null)
                : new MemberLookupResult(listed.name(), listed.phoneMasked());
    }

    private static final String SUMMARY = """
            select r.id, r.request_no, r.request_type, r.subtype_code, r.channel, r.subject, r.status, r.difficulty,
                   r.handling_org_id, o.name as org_name, r.received_at, r.first_response_due, r.next_update_due,
                   r.resolution_due, r.light, r.supervised, r.against_employer, r.member_id,
                   r.first_response_at
            from help_request r join organisation o on o.id = r.handling_org_id""";

    /** Red first, then yellow, then the earliest resolution deadline, then the oldest. */
    private static final String URGENCY = " order by case r.light when 'RED' then 0 when 'YELLOW' then 1 else 2 end,"
            + " r.resolution_due, r.received_at, r.id";

    private static HelpRequestSummary summary(java.sql.ResultSet rs) throws java.sql.SQLException {
        RequestStatus status = RequestStatus.valueOf(rs.getString("status"));
        String light = rs.getString("light");
        return new HelpRequestSummary(rs.getLong("id"), rs.getString("request_no"),
                RequestType.valueOf(rs.getString("request_type")), rs.getString("subtype_code"),
                Channel.valueOf(rs.getString("channel")), rs.getString("subject"), status,
                Difficulty.valueOf(rs.getString("difficulty")), rs.getLong("handling_org_id"), rs.getString("org_name"),
                instant(rs.getTimestamp("received_at")), instant(rs.getTimestamp("first_response_due")),
                instant(rs.getTimestamp("next_update_due")), instant(rs.getTimestamp("resolution_due")),
                light == null || !status.isOpen() ? null : Light.valueOf(light), rs.getBoolean("supervised"),
                rs.getBoolean("against_employer"), (Long) rs.getObject("member_id", Long.class),
                instant(rs.getTimestamp("first_response_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
