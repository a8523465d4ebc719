/**
 * Shared kernel: audit log, personal-data protection, spreadsheets, the current user and web basics.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.gonghui.shared;
