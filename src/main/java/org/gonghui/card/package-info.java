/**
 * The 5·1 service card (5·1服务卡): the member's bank debit card issued through the partner bank, its status
 * history, replacement and upgrade, the signed dynamic code shown at an outlet, and the card's partner services.
 */
@org.springframework.modulith.ApplicationModule(displayName = "5·1 card")
package org.gonghui.card;
