package org.gonghui.myunion;

/** How often the union did one kind of thing for the member in a year, and the money in fen (null for none). */
public record YearTotal(RecordKind kind, long count, Long amountFen) {
}
