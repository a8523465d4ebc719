package org.gonghui.helpdesk;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.time.PlatformTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The traffic-light job: once a minute, on one instance at a time (ShedLock), it reads every open request in one
 * query (and their ended pauses in another), computes each light through the one {@link TrafficLight}, and in
 * batched statements stores the lights that changed ({@code light}, {@code light_since}) with a LIGHT_CHANGED line in
 * each history (a new request's first green is stored without one), refreshes deadlines that moved (a calendar or limit change), and puts every request newly red under
 * the supervision of the level above its handling organisation (an automatic supervision notice; the handler stays
 * responsible). Each change also leaves an alert for the handling organisation ({@link LightAlerts}), and a
 * {@link LightChanged} event per change tells the rest of the platform.
 * Nothing is loaded entity by entity: 30,000 open requests are two reads and a few batches.
 */
@Component
class LightJob {

    private static final Logger log = LoggerFactory.getLogger(LightJob.class);
    static final String ACTOR = "system";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final LightRefresh refresh;
    private final PlatformTime time;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;

    LightJob(JdbcClient jdbc, JdbcTemplate batch, LightRefresh refresh, PlatformTime time, MessageSource messages,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.refresh = refresh;
        this.time = time;
        this.messages = messages;
        this.events = events;
    }

    /** What one run did. */
    record Run(int evaluated, int changed, int supervised, int deadlinesMoved) {
    }

    @Scheduled(fixedDelayString = "${gonghui.helpdesk.light-delay:60000}",
            initialDelayString = "${gonghui.helpdesk.light-initial-delay:30000}")
    @SchedulerLock(name = "helpdesk-light", lockAtMostFor = "PT10M",
            lockAtLeastFor = "${gonghui.helpdesk.light-lock-at-least:PT50S}")
    void scheduled() {
        try {
            Run run = evaluate();
            if (run.changed() > 0) {
                log.info("traffic lights: {} open requests, {} changed, {} put under supervision", run.evaluated(),
                        run.changed(), run.supervised());
            }
        } catch (RuntimeException e) {
            log.warn("traffic-light job failed; will retry", e);
        }
    }

    private record Open(long id, String requestNo, Long memberId, long handlingOrgId, String handlingOrgPath,
            boolean supervised, Light light, Instant firstResponseDue, Instant nextUpdateDue, Instant resolutionDue,
            LightFacts facts) {
    }

    /** Evaluates every open request now. */
    @Transactional
    Run evaluate() {
        Instant now = time.now();
        Map<Long, List<Pause>> pauses = new HashMap<>();
        jdbc.sql("""
                select p.request_id, p.from_at, p.to_at from help_request_pause p join help_request r on r.id = p.request_id
                where r.status <> 'CLOSED' and p.to_at is not null order by p.request_id, p.from_at""").query(rs -> {
                    pauses.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Pause(rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant()));
                });
        List<Object[]> lights = new ArrayList<>();
        List<Object[]> deadlines = new ArrayList<>();
        List<Object[]> history = new ArrayList<>();
        List<Object[]> notices = new ArrayList<>();
        List<Object[]> supervised = new ArrayList<>();
        List<Object[]> alerts = new ArrayList<>();
        List<LightChanged> changes = new ArrayList<>();
        int[] evaluated = {0};
        Timestamp at = Timestamp.from(now);
        jdbc.sql("""
                select id, request_no, member_id, handling_org_id, handling_org_path, supervised, light, status, received_at,
                  unanswered_since, paused_since, request_type, difficulty, time_limit_version, first_response_due,
                  next_update_due, resolution_due
                from help_request where status <> 'CLOSED'""").query(rs -> {
                    evaluated[0]++;
                    long id = rs.getLong("id");
                    Instant received = rs.getTimestamp("received_at").toInstant();
                    String light = rs.getString("light");
                    Open open = new Open(id, rs.getString("request_no"), (Long) rs.getObject("member_id", Long.class),
                            rs.getLong("handling_org_id"), rs.getString("handling_org_path"), rs.getBoolean("supervised"),
                            light == null ? null : Light.valueOf(light), instant(rs.getTimestamp("first_response_due")),
                            instant(rs.getTimestamp("next_update_due")), instant(rs.getTimestamp("resolution_due")),
                            refresh.facts(RequestStatus.valueOf(rs.getString("status")), received,
                                    instant(rs.getTimestamp("unanswered_since")), instant(rs.getTimestamp("paused_since")),
                                    pauses.getOrDefault(id, List.of()), RequestType.valueOf(rs.getString("request_type")),
                                    Difficulty.valueOf(rs.getString("difficulty")),
                                    refresh.versionOf((Long) rs.getObject("time_limit_version", Long.class), received)));
                    LightReading reading = refresh.read(open.facts());
                    boolean moved = !Objects.equals(reading.firstResponseDue(), open.firstResponseDue())
                            || !Objects.equals(reading.nextUpdateDue(), open.nextUpdateDue())
                            || !Objects.equals(reading.resolutionDue(), open.resolutionDue());
                    if (moved) {
                        deadlines.add(new Object[] {ts(reading.firstResponseDue()), ts(reading.nextUpdateDue()),
                                ts(reading.resolutionDue()), id});
                    }
                    if (reading.light() == open.light()) {
                        return;
                    }
                    lights.add(new Object[] {reading.light().name(), at, id});
                    if (open.light() == null && reading.light() == Light.GREEN) {
                        return;
                    }
                    String words = change(open.light(), reading);
                    history.add(new Object[] {id, at, ACTOR, EventKind.LIGHT_CHANGED.name(), null, null, words, false});
                    alerts.add(new Object[] {id, open.handlingOrgId(), reading.light().name(), words, at});
                    boolean newRed = reading.light() == Light.RED && !open.supervised();
                    if (newRed) {
                        supervise(open, at, notices, history);
                        supervised.add(new Object[] {id});
                    }
                    changes.add(new LightChanged(id, open.requestNo(), open.memberId(), open.handlingOrgId(), open.light(),
                            reading.light(), reading.reasonKey(), now, newRed));
                });
        batch.batchUpdate("update help_request set light = ?, light_since = ? where id = ? and status <> 'CLOSED'", lights);
        batch.batchUpdate("update help_request set first_response_due = ?, next_update_due = ?, resolution_due = ? "
                + "where id = ? and status <> 'CLOSED'", deadlines);
        // The version moves so that a staff save of a copy loaded before this run fails rather than undoes it.
        batch.batchUpdate("update help_request set supervised = true, version = version + 1 where id = ?", supervised);
        batch.batchUpdate("""
                insert into help_light_alert (request_id, org_id, light, reason, created_at) values (?, ?, ?, ?, ?)""",
                alerts);
        batch.batchUpdate("""
                insert into help_request_supervision (request_id, from_org_id, from_org_path, to_org_id, automatic, reason,
                  sent_by, sent_at) values (?, ?, ?, ?, true, ?, ?, ?)""", notices);
        batch.batchUpdate("""
                insert into help_request_event (request_id, at, actor, kind, from_org_id, to_org_id, reason, visible_to_member)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", history);
        changes.forEach(events::publishEvent);
        return new Run(evaluated[0], lights.size(), supervised.size(), deadlines.size());
    }

    /** The automatic supervision notice from the level above the handler (the city supervises itself). */
    private void supervise(Open open, Timestamp at, List<Object[]> notices, List<Object[]> history) {
        TreePath handling = new TreePath(open.handlingOrgPath());
        List<Long> ids = handling.ids();
        long above = ids.size() > 1 ? ids.get(ids.size() - 2) : ids.get(0);
        String abovePath = ids.size() > 1
                ? handling.value().substring(0, handling.value().length() - (ids.get(ids.size() - 1) + "/").length())
                : handling.value();
        String reason = text("helpdesk.supervision.automatic");
        notices.add(new Object[] {open.id(), above, abovePath, open.handlingOrgId(), reason, ACTOR, at});
        history.add(new Object[] {open.id(), at, ACTOR, EventKind.SUPERVISION_NOTICE.name(), above, open.handlingOrgId(),
                reason, false});
    }

    /** The history's words for a change, in the platform's language (e.g. 绿灯 → 黄灯：…). */
    private String change(Light from, LightReading to) {
        String reason = text(to.reasonKey());
        String was = from == null ? "" : text("helpdesk.light." + from) + " → ";
        String text = was + text("helpdesk.light." + to.light()) + "：" + reason;
        return text.length() > 500 ? text.substring(0, 500) : text;
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, Locale.SIMPLIFIED_CHINESE);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
