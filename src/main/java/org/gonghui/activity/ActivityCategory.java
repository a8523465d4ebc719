package org.gonghui.activity;

/** What kind of activity it is; per-member monthly limits count per category. */
public enum ActivityCategory {
    /** 技能培训 (swimming lessons, drowning prevention …) */
    TRAINING,
    /** 文体活动 (tea art, archery, rock climbing …) */
    CULTURE_SPORT,
    /** 亲子活动 */
    PARENT_CHILD,
    /** DIY 材料包: a kit mailed home, a video class */
    DIY_KIT,
    /** 健步走 */
    WALKING,
    /** 讲座 */
    LECTURE,
    /** 劳模专享 (health checks, recuperation places): only model workers may register ({@link ModelWorkerStatus}) */
    MODEL_WORKER
}
