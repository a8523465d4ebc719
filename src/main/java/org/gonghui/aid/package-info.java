/**
 * Aid (帮扶) for members in hardship: programmes with a yearly budget per organisation, grants and lists checked
 * against the hardship archive, 金秋助学 school aid once per child and school year, micro-wishes (微心愿) and summer
 * heat visits (高温慰问); approved money goes through the payment engine.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Aid")
package org.gonghui.aid;
