package org.timebank.ledger.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.timebank.common.Sql;
import org.timebank.ledger.domain.Checkpoint;

/** The signed checkpoints of the hash chain, and the chain's head they are made from. */
@ApplicationScoped
public class CheckpointStore {
    public record Head(long seq, byte[] hash) {}

    private static final String COLUMNS = "select seq, hash, signed_at, key_id, signature from ledger_checkpoint ";

    @Inject
    Sql sql;

    /** The last sealed link of the chain, unless nothing is sealed or a checkpoint already covers it. */
    public Optional<Head> unsignedHead() {
        return sql.one("select seq, hash from journal_chain "
                + "where seq > coalesce((select max(seq) from ledger_checkpoint), 0) order by seq desc limit 1",
                r -> new Head(r.getLong(1), r.getBytes(2)));
    }

    /** Stores a checkpoint; false if one for that link exists already (another replica signed it). */
    public boolean insert(Checkpoint cp) {
        return sql.update("insert into ledger_checkpoint (seq, hash, signed_at, key_id, "
                + "signature) values (?, ?, ?, ?, ?) on conflict (seq) do nothing",
                cp.seq(), cp.hash(), cp.signedAt(), cp.keyId(), cp.signature()) == 1;
    }

    /** Newest first, below {@code beforeSeq} when given; at most {@code limit}. */
    public List<Checkpoint> page(Long beforeSeq, int limit) {
        return sql.list(COLUMNS + "where seq < coalesce(?, 9223372036854775807) order by seq desc limit " + limit,
                CheckpointStore::checkpoint, Sql.bigint(beforeSeq));
    }

    /** Every checkpoint, oldest first (for verification: one per signing period, so a few thousand a year). */
    public List<Checkpoint> all() {
        return sql.list(COLUMNS + "order by seq", CheckpointStore::checkpoint);
    }

    private static Checkpoint checkpoint(ResultSet r) throws SQLException {
        return new Checkpoint(r.getLong(1), r.getBytes(2), r.getTimestamp(3).toInstant(), r.getString(4), r.getBytes(5));
    }
}
