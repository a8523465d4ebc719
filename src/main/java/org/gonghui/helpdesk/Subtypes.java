package org.gonghui.helpdesk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gonghui.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sub-types of each request type and their form fields, as configured in {@code helpdesk_subtype} and
 * {@code helpdesk_subtype_field}. Read on every use (a few dozen rows): a change an admin makes applies at once.
 */
@Service
public class Subtypes {

    private final JdbcClient jdbc;

    Subtypes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The active sub-types of every type, in the order forms show them. */
    @Transactional(readOnly = true)
    public List<SubtypeView> all() {
        Map<String, List<FormField>> fields = new LinkedHashMap<>();
        jdbc.sql("select * from helpdesk_subtype_field order by subtype_code, sort_order, field_key")
                .query(rs -> {
                    String choices = rs.getString("choices");
                    fields.computeIfAbsent(rs.getString("subtype_code"), c -> new ArrayList<>()).add(new FormField(
                            rs.getString("field_key"), FieldKind.valueOf(rs.getString("kind")), rs.getString("label_zh"),
                            rs.getString("label_en"), rs.getBoolean("required"), (Integer) rs.getObject("max_length", Integer.class),
                            choices == null || choices.isBlank() ? List.of() : Arrays.asList(choices.split(","))));
                });
        return jdbc.sql("select * from helpdesk_subtype where active = true order by request_type, sort_order, code")
                .query((rs, n) -> new SubtypeView(rs.getString("code"), RequestType.valueOf(rs.getString("request_type")),
                        rs.getString("label_zh"), rs.getString("label_en"),
                        fields.getOrDefault(rs.getString("code"), List.of())))
                .list();
    }

    /** The active sub-types of one type. */
    @Transactional(readOnly = true)
    public List<SubtypeView> of(RequestType type) {
        return all().stream().filter(s -> s.type() == type).toList();
    }

    @Transactional(readOnly = true)
    public Optional<SubtypeView> find(String code) {
        return code == null ? Optional.empty() : all().stream().filter(s -> s.code().equals(code.trim())).findFirst();
    }

    /** The active sub-type with this code under this type; else a clear refusal. */
    SubtypeView require(RequestType type, String code) {
        SubtypeView subtype = find(code).orElseThrow(() -> DomainException.invalid("helpdesk.subtype.unknown",
                code == null ? "" : code));
        if (subtype.type() != type) {
            throw DomainException.invalid("helpdesk.subtype.unknown", code);
        }
        return subtype;
    }
}
