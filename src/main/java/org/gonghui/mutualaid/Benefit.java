package org.gonghui.mutualaid;

import java.util.List;

/**
 * What the rules pay for one claim, with the reasons line by line. {@code payable} is false when a rule
 * excludes the claim (outside cover, waiting period, late, disease not listed or already paid); the lines
 * then say which.
 */
public record Benefit(Money amount, boolean payable, List<ExplanationLine> lines) {

    public Benefit {
        lines = List.copyOf(lines);
    }
}
