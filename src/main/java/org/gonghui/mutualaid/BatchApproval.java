package org.gonghui.mutualaid;

/**
 * What approving a batch of claims did: claims considered, approved, waiting for a second reviewer
 * (above the maker-checker amount), not payable by the rules or with documents of the checklist missing (both
 * left under review for a person to decide),
 * changed by someone else meanwhile (left alone), and the amount approved.
 */
public record BatchApproval(int considered, int approved, int awaitingSecond, int notPayable, int documentsMissing, int conflicts,
        Money approvedTotal) {
}
