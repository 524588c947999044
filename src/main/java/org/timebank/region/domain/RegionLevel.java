package org.timebank.region.domain;

/** The four levels of the tree, top down: city > district > street > community. */
public enum RegionLevel {
    CITY, DISTRICT, STREET, COMMUNITY;

    /** The level a child of this one has, or null for a community (a leaf). */
    public RegionLevel child() {
        return this == COMMUNITY ? null : values()[ordinal() + 1];
    }
}
