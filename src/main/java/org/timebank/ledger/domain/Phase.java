package org.timebank.ledger.domain;

/**
 * Which balance columns a posting moves. A hold opens with {@link #PENDING} postings; when it is
 * posted, voided or expires, {@link #RELEASED} postings repeat its amounts to take them off pending.
 */
public enum Phase {
    POSTED(0), PENDING(1), RELEASED(2);

    private final short code;

    Phase(int code) {
        this.code = (short) code;
    }

    public short code() {
        return code;
    }

    public static Phase of(int code) {
        for (Phase p : values()) {
            if (p.code == code) {
                return p;
            }
        }
        throw new IllegalArgumentException("phase " + code);
    }
}
