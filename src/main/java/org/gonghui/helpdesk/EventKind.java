package org.gonghui.helpdesk;

/** What happened to a request, as its history shows it. */
public enum EventKind {
    /** submitted by the member (portal, API) */
    SUBMITTED,
    /** registered by staff (window, hotline) */
    REGISTERED,
    /** first routed by the routing rule */
    ROUTED,
    /** 派单: sent down to an organisation in the sender's subtree */
    DISPATCHED,
    /** 转办: handed to another organisation, with a reason */
    TRANSFERRED,
    /** 退回: returned to the organisation it came from as wrongly routed, with a reason */
    SENT_BACK,
    /** a reply to the member */
    REPLY,
    /** an internal note the member does not see */
    NOTE,
    DIFFICULTY_CHANGED,
    DOCUMENT_ADDED,
    /** staff asked the member for something: the clock is paused */
    MEMBER_ASKED,
    /** the member answered: the clock runs again */
    MEMBER_ANSWERED,
    /** the member added information without being asked */
    INFORMATION_ADDED,
    LIGHT_CHANGED,
    SUPERVISION_NOTICE,
    SUPERVISION_ANSWER,
    LEGAL_REFERRAL,
    CLOSED,
    CALLBACK,
    RATED,
    REOPENED,
    /** a new request of the member on the same matter was linked to this open one */
    DUPLICATE_LINKED
}
