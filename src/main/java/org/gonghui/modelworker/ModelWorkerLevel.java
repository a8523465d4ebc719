package org.gonghui.modelworker;

/** The level of a model worker's title: national (全国), provincial or ministerial (省部级), city (市级). */
public enum ModelWorkerLevel {
    NATIONAL, PROVINCIAL, CITY
}
