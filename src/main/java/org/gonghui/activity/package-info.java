/**
 * Activities and welfare (公益活动 / 普惠福利): publishing activities and offers, registrations first come
 * first served or by verifiable lottery, waitlists, check-in and no-shows, vouchers and their redemption by
 * merchants — exact under a rush.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Activities and welfare")
package org.gonghui.activity;
