package org.gonghui.mutualaid;

import java.util.List;

/**
 * What importing a bank result file did: payments confirmed, failures recorded, lines that had already been
 * settled (a re-import changes nothing), and lines refused with the reason.
 */
public record BankResultOutcome(boolean repeatedFile, int paid, int failed, int alreadySettled, List<String> refused) {
}
