package org.gonghui.hardship.internal;

/** The cause of hardship the applicant states (致困原因). Injury, disability and death make a household accident-caused. */
public enum Cause {
    ILLNESS, DISABILITY, INJURY, DEATH, UNEMPLOYMENT, EDUCATION, DISASTER, OTHER;

    /** Whether the cause is an accident in the means test's sense: injury, disability or death. */
    public boolean accident() {
        return this == INJURY || this == DISABILITY || this == DEATH;
    }
}
