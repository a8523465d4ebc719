package org.gonghui.card;

/**
 * What staff look for among their subtree's cards; every part optional: the last digits of the number (as a member
 * reads them off the card), the beginning of the holder's name, status, version.
 */
public record CardQuery(String suffix, String name, CardStatus status, CardVersion version) {

    public CardQuery {
        suffix = suffix == null || suffix.isBlank() ? null : suffix.strip();
        name = name == null || name.isBlank() ? null : name.strip();
    }
}
