package org.gonghui.member;

public enum Gender {
    MALE, FEMALE
}
