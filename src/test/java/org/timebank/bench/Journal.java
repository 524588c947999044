package org.timebank.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.timebank.ledger.domain.AccountFlags;
import org.timebank.ledger.domain.AccountPurpose;
import org.timebank.ledger.domain.Asset;
import org.timebank.ledger.domain.ChainHash;
import org.timebank.ledger.domain.Entry;
import org.timebank.ledger.domain.Posting;

/**
 * The ledger as the generator writes it: accounts with their four balance columns kept in memory,
 * and journal transactions streamed to {@code journal_transaction}, {@code posting} and
 * {@code journal_chain}. It applies each transaction the way {@code ledger_post} does (balanced per
 * asset and phase, flagged accounts never overdrawn, checked at every posting, not only at the
 * end) and seals it at once with the service's own {@link ChainHash}: ids are given in time order,
 * so the chain's sequence is the transaction id. The simulation thread applies transactions to the
 * balances; a writer thread encodes, seals and streams them.
 */
final class Journal {
    static final String[] OWNER_TYPES = {"VOLUNTEER", "REGION", "SYSTEM", "SHOP"};
    private static final AccountPurpose[] PURPOSES = AccountPurpose.values();
    private static final Asset[] ASSETS = Asset.values();

    // accounts, indexed by id (index 0 unused)
    private int accounts;
    private byte[] purpose = new byte[1 << 16];
    private byte[] asset = new byte[1 << 16];
    private byte[] ownerType = new byte[1 << 16];
    private long[] owner = new long[1 << 16];
    private long[] openedAt = new long[1 << 16];
    private long[] debitsPosted = new long[1 << 16];
    private long[] creditsPosted = new long[1 << 16];
    private long[] debitsPending = new long[1 << 16];
    private long[] creditsPending = new long[1 << 16];
    private int[] version = new int[1 << 16];

    private final BinaryCopy transactions;
    private final BinaryCopy postings;
    private final BinaryCopy chain;
    private byte[] head = ChainHash.GENESIS;
    private volatile long lastId;
    private volatile long postingCount;

    Journal(BinaryCopy transactions, BinaryCopy postings, BinaryCopy chain) {
        this.transactions = transactions;
        this.postings = postings;
        this.chain = chain;
        writer.setDaemon(true);
        writer.start();
    }

    /** The accounts the migrations seed (the system accounts), kept with their ids. */
    static Journal withSeededAccounts(Connection c, BinaryCopy transactions, BinaryCopy postings, BinaryCopy chain)
            throws SQLException {
        Journal j = new Journal(transactions, postings, chain);
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select id, asset, purpose, owner_type, owner_id, created_at, "
                     + "debits_posted + credits_posted + debits_pending + credits_pending from account order by id")) {
            while (r.next()) {
                if (r.getLong(7) != 0) {
                    throw new IllegalStateException("account " + r.getLong(1) + " already has a balance");
                }
                long id = j.open(AccountPurpose.valueOf(r.getString(3)), Asset.valueOf(r.getString(2)), r.getString(4),
                        r.getLong(5), micros(r.getObject(6, OffsetDateTime.class).toInstant()));
                if (id != r.getLong(1)) {
                    throw new IllegalStateException("seeded account ids are not 1.." + id);
                }
            }
        }
        return j;
    }

    /** Opens an account (the service's AccountStore.openAccount: flags from the purpose). */
    long open(AccountPurpose p, Asset a, String type, long ownerId, long atMicros) {
        int id = ++accounts;
        if (id >= purpose.length) {
            grow();
        }
        purpose[id] = (byte) p.ordinal();
        asset[id] = (byte) a.ordinal();
        ownerType[id] = (byte) Arrays.asList(OWNER_TYPES).indexOf(type);
        if (ownerType[id] < 0) {
            throw new IllegalArgumentException(type);
        }
        owner[id] = ownerId;
        openedAt[id] = atMicros;
        return id;
    }

    private void grow() {
        int n = purpose.length * 2;
        purpose = Arrays.copyOf(purpose, n);
        asset = Arrays.copyOf(asset, n);
        ownerType = Arrays.copyOf(ownerType, n);
        owner = Arrays.copyOf(owner, n);
        openedAt = Arrays.copyOf(openedAt, n);
        debitsPosted = Arrays.copyOf(debitsPosted, n);
        creditsPosted = Arrays.copyOf(creditsPosted, n);
        debitsPending = Arrays.copyOf(debitsPending, n);
        creditsPending = Arrays.copyOf(creditsPending, n);
        version = Arrays.copyOf(version, n);
    }


    long lastTransactionId() {
        return lastId;
    }

    long postingCount() {
        return postingCount;
    }

    /** Credits posted - debits posted - debits pending: what a wallet may spend. */
    long available(long account) {
        int a = (int) account;
        return creditsPosted[a] - debitsPosted[a] - debitsPending[a];
    }

    /** Credits posted - debits posted. */
    long posted(long account) {
        int a = (int) account;
        return creditsPosted[a] - debitsPosted[a];
    }

    Asset assetOf(long account) {
        return ASSETS[asset[(int) account]];
    }

    /**
     * Applies one transaction at {@code atMicros} to the accounts and returns its id; a second thread
     * writes it with its postings and seals it (the simulation only waits for the balances).
     */
    long post(Entry e, long atMicros) {
        List<Posting> ps = e.postings();
        for (Posting p : ps) {
            if (p.accountId() < 1 || p.accountId() > accounts) {
                throw new IllegalStateException("ACCOUNT_NOT_FOUND " + p.accountId());
            }
        }
        for (int i = 0; i < ps.size(); i++) {
            Posting p = ps.get(i);
            int a = (int) p.accountId();
            long amount = p.amount();
            switch (p.phase()) {
                case POSTED -> {
                    if (amount < 0) {
                        debitsPosted[a] -= amount;
                    } else {
                        creditsPosted[a] += amount;
                    }
                }
                case PENDING -> {
                    if (amount < 0) {
                        debitsPending[a] -= amount;
                    } else {
                        creditsPending[a] += amount;
                    }
                }
                case RELEASED -> {
                    if (amount < 0) {
                        debitsPending[a] += amount;
                    } else {
                        creditsPending[a] -= amount;
                    }
                }
            }
            if (firstOf(ps, i)) {
                version[a]++;
            }
        }
        for (Posting p : ps) {
            int a = (int) p.accountId();
            AccountFlags flags = PURPOSES[purpose[a]].flags();
            if ((flags.debitsMustNotExceedCredits() && debitsPosted[a] + debitsPending[a] > creditsPosted[a])
                    || (flags.creditsMustNotExceedDebits() && creditsPosted[a] + creditsPending[a] > debitsPosted[a])
                    || debitsPending[a] < 0 || creditsPending[a] < 0) {
                throw new IllegalStateException("INSUFFICIENT_BALANCE:" + a + " in " + e);
            }
        }
        long id = lastId + 1;
        batch[batchSize] = e;
        batchAt[batchSize++] = atMicros;
        if (batchSize == batch.length) {
            handOff();
        }
        postingCount += ps.size();
        lastId = id;
        return id;
    }

    // transactions travel to the writer in batches, in id order
    private static final int BATCH = 2048;
    private static final Object[] END = new Object[0];
    private Entry[] batch = new Entry[BATCH];
    private long[] batchAt = new long[BATCH];
    private int batchSize;
    private final BlockingQueue<Object[]> toWriter = new ArrayBlockingQueue<>(16);
    private volatile Throwable writerFailure;
    private final Thread writer = new Thread(this::write, "journal-writer");

    private void handOff() {
        put(new Object[] {batch, batchAt, batchSize});
        batch = new Entry[BATCH];
        batchAt = new long[BATCH];
        batchSize = 0;
    }

    private void put(Object[] item) {
        try {
            while (!toWriter.offer(item, 1, TimeUnit.SECONDS)) {
                if (writerFailure != null) {
                    throw new IllegalStateException("writing the journal failed", writerFailure);
                }
            }
        } catch (InterruptedException x) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(x);
        }
    }

    private void write() {
        long id = 0;
        try {
            while (true) {
                Object[] item = toWriter.take();
                if (item == END) {
                    return;
                }
                Entry[] entries = (Entry[]) item[0];
                long[] at = (long[]) item[1];
                for (int i = 0, n = (Integer) item[2]; i < n; i++) {
                    write(++id, entries[i], at[i]);
                }
            }
        } catch (Throwable t) {
            writerFailure = t;
            toWriter.clear();
        }
    }

    private void write(long id, Entry e, long atMicros) {
        if (!e.balances(this::assetOf)) {
            throw new IllegalStateException("UNBALANCED " + e);
        }
        List<Posting> ps = e.postings();
        transactions.row(10).int8(id).text(e.kind().name()).text(e.sourceType()).text(e.sourceId()).text(e.actor())
                .text(e.memo()).int4(e.ruleVersion()).int8(e.reversesId()).int8(e.resolvesId()).timestamp(atMicros);
        for (Posting p : ps) {
            postings.row(4).int8(id).int8(p.accountId()).int2(p.phase().code()).int8(p.amount());
        }
        head = ChainHash.next(head, new ChainHash.Transaction(id, e.kind().name(), e.sourceType(), e.sourceId(),
                e.actor(), e.memo(), e.ruleVersion(), e.reversesId(), e.resolvesId(), instant(atMicros), ps));
        chain.row(3).int8(id).int8(id).bytes(head);
    }

    /** Waits until every transaction is written and sealed. */
    void drain() {
        handOff();
        put(END);
        try {
            writer.join();
        } catch (InterruptedException x) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(x);
        }
        if (writerFailure != null) {
            throw new IllegalStateException("writing the journal failed", writerFailure);
        }
    }

    private static boolean firstOf(List<Posting> ps, int i) {
        for (int k = 0; k < i; k++) {
            if (ps.get(k).accountId() == ps.get(i).accountId()) {
                return false;
            }
        }
        return true;
    }

    /** Every account with its final columns, in id order; the account_delta table stays empty. */
    void writeAccounts(BinaryCopy out) {
        for (int a = 1; a <= accounts; a++) {
            AccountFlags flags = PURPOSES[purpose[a]].flags();
            out.row(13).int8(a).text(ASSETS[asset[a]].name()).text(PURPOSES[purpose[a]].name())
                    .text(OWNER_TYPES[ownerType[a]]).int8(owner[a]).bool(flags.debitsMustNotExceedCredits())
                    .bool(flags.creditsMustNotExceedDebits()).int8(debitsPosted[a]).int8(creditsPosted[a])
                    .int8(debitsPending[a]).int8(creditsPending[a]).int8(version[a]).timestamp(openedAt[a]);
        }
    }

    static final String ACCOUNT_COLUMNS = "id, asset, purpose, owner_type, owner_id, debits_must_not_exceed_credits, "
            + "credits_must_not_exceed_debits, debits_posted, credits_posted, debits_pending, credits_pending, version, "
            + "created_at";
    static final String TRANSACTION_COLUMNS = "id, kind, source_type, source_id, actor, memo, rule_version, reverses_id, "
            + "resolves_id, created_at";
    static final String POSTING_COLUMNS = "transaction_id, account_id, phase, amount";
    static final String CHAIN_COLUMNS = "seq, transaction_id, hash";

    static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
    }

    static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }
}
