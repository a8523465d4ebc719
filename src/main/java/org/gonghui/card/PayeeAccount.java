package org.gonghui.card;

/**
 * Where the union pays a member's relief and benefits: the account of their live 5·1 card at the partner bank.
 * {@code accountNumber} is in clear text for a bank file; never show it, show {@code accountMasked}.
 */
public record PayeeAccount(long memberId, long cardId, String accountNumber, String accountMasked, String bank) {
}
