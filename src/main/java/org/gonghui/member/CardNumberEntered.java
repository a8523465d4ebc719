package org.gonghui.member;

/**
 * Staff typed a 5·1 card number for a member in the registry (a form, the API, an import or demo data). The card
 * module records the card and may refuse the number, which undoes the registry change. The number is a bank
 * account in clear text: listen synchronously ({@code @EventListener}), never through a persisted publication.
 */
@org.gonghui.shared.events.StaysInProcess
public record CardNumberEntered(long memberId, String number) {
}
