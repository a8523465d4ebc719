/**
 * The payment engine (支付): every sum the union pays a member — mutual-aid benefits, hardship and school aid,
 * honour allowances — is an entitlement of a declared programme, paid by batches through the partner bank's
 * transfer and result files, at most once per entitlement, and accounted in the programme's double-entry
 * journal. Source modules create entitlements ({@link org.gonghui.payment.Entitlements}) and follow the events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Payment")
package org.gonghui.payment;
