/**
 * The four-level organisation tree (city → district/park → township → service point) and the subtree
 * queries that scope every other module's data.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisations")
package org.gonghui.organisation;
