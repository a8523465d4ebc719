/**
 * Articles (资讯): news, policy, welfare notices and the weekly column "你造吗" written by staff for an audience,
 * reviewed, published (now or on schedule), pushed to their readers once each and counted — clicks, exact distinct
 * readers, shares and push → open — per article and per subtree of the readers' organisations.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Content")
package org.gonghui.content;
