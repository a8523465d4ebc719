/**
 * Demo data for a first start: a Ningbo-like organisation tree, members with valid ID numbers and one staff
 * account per level, listed on the sign-in page.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package org.gonghui.demo;
