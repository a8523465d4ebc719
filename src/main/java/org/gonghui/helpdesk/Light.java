package org.gonghui.helpdesk;

/** The traffic light of an open request; a closed request has none. */
public enum Light {
    GREEN,
    YELLOW,
    RED
}
