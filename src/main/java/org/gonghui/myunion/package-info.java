/**
 * 我的工会 — a member's own record: everything the union did for them (activities attended, welfare and vouchers,
 * mutual-aid, hardship and school aid, allowances, card discounts, help-desk requests), written from the other
 * modules' events in their transactions and shown newest first with yearly totals.
 */
@org.springframework.modulith.ApplicationModule(displayName = "我的工会 — member's record")
package org.gonghui.myunion;
