package org.gonghui.payment;

import java.util.List;

/**
 * What importing the bank's result file did: {@code repeatedFile} when the very same file was imported before
 * (nothing changed); lines for payments settled before count as {@code alreadySettled}; refused lines are listed
 * as {@code "<line number>: <reason>"} (reasons: layout, batch, payment, amount, result).
 */
public record ResultOutcome(boolean repeatedFile, int paid, int failed, int alreadySettled, List<String> refused) {
}
