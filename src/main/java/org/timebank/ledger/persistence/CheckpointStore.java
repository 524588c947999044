package org.timebank.ledger.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.timebank.common.Jdbc;
import org.timebank.ledger.domain.Checkpoint;

/** The signed checkpoints of the hash chain, and the chain's head they are made from. */
@ApplicationScoped
public class CheckpointStore {
    public record Head(long seq, byte[] hash) {}

    private static final String COLUMNS = "select seq, hash, signed_at, key_id, signature from ledger_checkpoint ";

    @Inject
    Jdbc jdbc;

    /** The last sealed link of the chain, unless nothing is sealed or a checkpoint already covers it. */
    public Optional<Head> unsignedHead() {
        return jdbc.run(c -> {
            try (PreparedStatement s = c.prepareStatement("select seq, hash from journal_chain "
                    + "where seq > coalesce((select max(seq) from ledger_checkpoint), 0) order by seq desc limit 1");
                 ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new Head(r.getLong(1), r.getBytes(2))) : Optional.<Head>empty();
            }
        });
    }

    /** Stores a checkpoint; false if one for that link exists already (another replica signed it). */
    public boolean insert(Checkpoint cp) {
        return jdbc.run(c -> {
            try (PreparedStatement s = c.prepareStatement("insert into ledger_checkpoint (seq, hash, signed_at, key_id, "
                    + "signature) values (?, ?, ?, ?, ?) on conflict (seq) do nothing")) {
                s.setLong(1, cp.seq());
                s.setBytes(2, cp.hash());
                s.setTimestamp(3, Timestamp.from(cp.signedAt()));
                s.setString(4, cp.keyId());
                s.setBytes(5, cp.signature());
                return s.executeUpdate() == 1;
            }
        });
    }

    /** Newest first, below {@code beforeSeq} when given; at most {@code limit}. */
    public List<Checkpoint> page(Long beforeSeq, int limit) {
        return jdbc.run(c -> {
            try (PreparedStatement s = c.prepareStatement(COLUMNS + "where seq < coalesce(?, 9223372036854775807) "
                    + "order by seq desc limit ?")) {
                Params.setLong(s, 1, beforeSeq);
                s.setInt(2, limit);
                return rows(s);
            }
        });
    }

    /** Every checkpoint, oldest first (for verification: one per signing period, so a few thousand a year). */
    public List<Checkpoint> all() {
        return jdbc.run(c -> {
            try (PreparedStatement s = c.prepareStatement(COLUMNS + "order by seq")) {
                return rows(s);
            }
        });
    }

    private static List<Checkpoint> rows(PreparedStatement s) throws SQLException {
        List<Checkpoint> list = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                list.add(new Checkpoint(r.getLong(1), r.getBytes(2), r.getTimestamp(3).toInstant(), r.getString(4),
                        r.getBytes(5)));
            }
        }
        return list;
    }
}
