/**
 * The real-name member registry (职工会员): ID numbers to GB 11643, protected personal data, status
 * history, scoped search, transfers, Excel import and export.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Members")
package org.gonghui.member;
