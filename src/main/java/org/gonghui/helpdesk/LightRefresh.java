package org.gonghui.helpdesk;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A request's light and deadlines as they are now, from its facts through the one {@link TrafficLight}: on every
 * read (a request's page, every list row), so a page never shows a colour the scheduled {@link LightJob} has not
 * stored yet; before every save ({@link DueInstants}), so the stored deadlines follow each pause, resumption and
 * change of difficulty; and for the job itself. The time limits are those of the version in force when the
 * request was received.
 */
@Component
public class LightRefresh {

    private final TrafficLight trafficLight;
    private final TimeLimits timeLimits;
    private final PlatformTime time;
    private final JdbcClient jdbc;

    LightRefresh(TrafficLight trafficLight, TimeLimits timeLimits, PlatformTime time, JdbcClient jdbc) {
        this.trafficLight = trafficLight;
        this.timeLimits = timeLimits;
        this.time = time;
        this.jdbc = jdbc;
    }

    /** The reading of these facts now. */
    public LightReading read(LightFacts facts) {
        return trafficLight.read(facts, time.now());
    }

    /** The facts the light of a request depends on. */
    LightFacts facts(RequestStatus status, Instant receivedAt, Instant unansweredSince, Instant pausedSince,
            List<Pause> endedPauses, RequestType type, Difficulty difficulty, TimeLimitVersion version) {
        List<Pause> pauses = new ArrayList<>(endedPauses);
        if (pausedSince != null && status == RequestStatus.WAITING_MEMBER) {
            pauses.add(new Pause(pausedSince, null));
        }
        return new LightFacts(status, receivedAt, unansweredSince, pauses, version.limitsFor(type, difficulty),
                version.rule());
    }

    /** The version of a request's time limits: the one stored with it, else the one in force at its receipt. */
    TimeLimitVersion versionOf(Long stored, Instant receivedAt) {
        return stored != null ? timeLimits.version(stored) : timeLimits.inForce(receivedAt);
    }

    /** The reading of a request now (its ended pauses read from the database; the ongoing one from the request). */
    LightReading current(HelpRequest request) {
        List<Pause> ended = request.id() == null ? List.of() : endedPauses(List.of(request.id())).getOrDefault(request.id(), List.of());
        return read(facts(request.status(), request.receivedAt(), request.unansweredSince(), request.pausedSince(), ended,
                request.type(), request.difficulty(), versionOf(request.timeLimitVersion(), request.receivedAt())));
    }

    /** The view with the light and deadlines of now in place of those stored. */
    HelpRequestView current(HelpRequest request, HelpRequestView view) {
        LightReading now = current(request);
        Instant lightSince = now.light() != null && now.light() == request.light() ? request.lightSince() : null;
        return new HelpRequestView(view.id(), view.requestNo(), view.type(), view.subtypeCode(), view.subtypeLabel(),
                view.difficulty(), view.channel(), view.memberId(), view.contactName(), view.contactPhoneMasked(),
                view.subject(), view.content(), view.formAnswers(), view.memberOrgId(), view.againstEmployer(),
                view.handlingOrgId(), view.handlingOrgName(), view.status(), view.outcome(), view.outcomeReason(),
                view.referredTo(), view.receivedAt(), view.firstResponseAt(), view.lastReplyAt(), view.unansweredSince(),
                view.pausedSince(), now.firstResponseDue(), now.nextUpdateDue(), now.resolutionDue(), now.light(),
                lightSince, view.supervised(), view.closedAt(), view.callbackDue(), view.satisfaction(), view.ratedAt(),
                view.reopened(), view.duplicateOf(), view.version());
    }

    /** List rows with the light and deadlines of now: two queries for the whole page, however long. */
    List<HelpRequestSummary> current(List<HelpRequestSummary> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        List<Long> ids = rows.stream().map(HelpRequestSummary::id).toList();
        Map<Long, LightFacts> facts = new HashMap<>();
        Map<Long, List<Pause>> pauses = endedPauses(ids);
        jdbc.sql("""
                select id, status, received_at, unanswered_since, paused_since, request_type, difficulty, time_limit_version
                from help_request where id in (:ids)""").param("ids", ids).query(rs -> {
                    long id = rs.getLong("id");
                    Instant received = rs.getTimestamp("received_at").toInstant();
                    facts.put(id, facts(RequestStatus.valueOf(rs.getString("status")), received,
                            instant(rs.getTimestamp("unanswered_since")), instant(rs.getTimestamp("paused_since")),
                            pauses.getOrDefault(id, List.of()), RequestType.valueOf(rs.getString("request_type")),
                            Difficulty.valueOf(rs.getString("difficulty")),
                            versionOf((Long) rs.getObject("time_limit_version", Long.class), received)));
                });
        List<HelpRequestSummary> current = new ArrayList<>(rows.size());
        for (HelpRequestSummary row : rows) {
            LightFacts known = facts.get(row.id());
            if (known == null) {
                current.add(row);
                continue;
            }
            LightReading now = read(known);
            current.add(new HelpRequestSummary(row.id(), row.requestNo(), row.type(), row.subtypeCode(), row.channel(),
                    row.subject(), row.status(), row.difficulty(), row.handlingOrgId(), row.handlingOrgName(),
                    row.receivedAt(), now.firstResponseDue(), now.nextUpdateDue(), now.resolutionDue(), now.light(),
                    row.supervised(), row.againstEmployer(), row.memberId(), row.firstResponseAt()));
        }
        return current;
    }

    /** The ended pauses of these requests, oldest first. */
    Map<Long, List<Pause>> endedPauses(List<Long> ids) {
        Map<Long, List<Pause>> pauses = new HashMap<>();
        if (ids.isEmpty()) {
            return pauses;
        }
        jdbc.sql("select request_id, from_at, to_at from help_request_pause where request_id in (:ids) "
                        + "and to_at is not null order by request_id, from_at")
                .param("ids", ids).query(rs -> {
                    pauses.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Pause(rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant()));
                });
        return pauses;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
