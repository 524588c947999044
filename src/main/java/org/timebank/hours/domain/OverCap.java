package org.timebank.hours.domain;

/** What happens to approved minutes that would take a volunteer's stored hours over the cap. */
public enum OverCap {
    /** The volunteer keeps up to the cap; the rest goes to the community's hours pool. */
    DONATE_TO_POOL,
    /** The approval is refused (HOURS_CAP_REACHED) and nothing is posted. */
    REFUSE
}
