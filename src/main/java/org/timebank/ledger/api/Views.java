package org.timebank.ledger.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.timebank.common.Times;
import org.timebank.ledger.domain.Account;
import org.timebank.ledger.domain.AccountPosting;
import org.timebank.ledger.domain.AccountPurpose;
import org.timebank.ledger.domain.Asset;
import org.timebank.ledger.domain.Balance;
import org.timebank.ledger.domain.ChainHash;
import org.timebank.ledger.domain.ChainVerification;
import org.timebank.ledger.domain.Checkpoint;
import org.timebank.ledger.domain.CheckpointKeys;
import org.timebank.ledger.domain.JournalTransaction;
import org.timebank.ledger.domain.Phase;
import org.timebank.ledger.domain.TrialBalance;

/** The ledger's JSON shapes. Amounts are whole minutes (HOURS) or whole points (POINTS). */
public final class Views {
    private Views() {}

    @Schema(name = "Balance", description = "An account's columns, as TigerBeetle keeps them")
    public record BalanceView(
            @Schema(example = "0") long debitsPosted,
            @Schema(example = "150") long creditsPosted,
            @Schema(example = "30") long debitsPending,
            @Schema(example = "0") long creditsPending,
            @Schema(description = "creditsPosted - debitsPosted", example = "150") long posted,
            @Schema(description = "creditsPosted - debitsPosted - debitsPending", example = "120") long available) {
        public static BalanceView of(Balance b) {
            return new BalanceView(b.debitsPosted(), b.creditsPosted(), b.debitsPending(), b.creditsPending(),
                    b.posted(), b.available());
        }
    }

    @Schema(name = "Account")
    public record AccountView(
            @Schema(example = "12") long id,
            Asset asset,
            AccountPurpose purpose,
            @Schema(example = "VOLUNTEER", enumeration = {"VOLUNTEER", "REGION", "SYSTEM", "SHOP"}) String ownerType,
            @Schema(example = "1001") long ownerId,
            @Schema(description = "debits may not exceed credits (the account cannot be overdrawn)")
            boolean debitsMustNotExceedCredits,
            boolean creditsMustNotExceedDebits,
            BalanceView balance,
            @Schema(description = "increases with every in-place change of the account row") long version,
            OffsetDateTime createdAt) {
        public static AccountView of(Account a) {
            return new AccountView(a.id(), a.asset(), a.purpose(), a.ownerType().name(), a.ownerId(),
                    a.flags().debitsMustNotExceedCredits(), a.flags().creditsMustNotExceedDebits(),
                    BalanceView.of(a.balance()), a.version(), Times.local(a.createdAt()));
        }
    }

    @Schema(name = "Posting")
    public record PostingView(
            @Schema(example = "12") long accountId,
            Asset asset,
            @Schema(description = "POSTED; PENDING (a hold opens); RELEASED (a hold is posted, voided or expires)")
            Phase phase,
            @Schema(description = "signed: credit > 0, debit < 0", example = "120") long amount) {
        public static PostingView of(AccountPosting p) {
            return new PostingView(p.accountId(), p.asset(), p.phase(), p.amount());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ChainLink")
    public record ChainView(
            @Schema(example = "42") long seq,
            @Schema(example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08") String hash) {
        static ChainView of(ChainVerification.Link link) {
            return link == null ? null : new ChainView(link.seq(), link.hash());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Transaction", description = "A journal transaction; written once, never changed")
    public record TransactionView(
            @Schema(example = "42") long id,
            @Schema(example = "ADJUSTMENT") String kind,
            @Schema(example = "ACCOUNT") String sourceType,
            @Schema(example = "12") String sourceId,
            @Schema(example = "admin-1") String actor,
            @Schema(example = "passbook correction") String memo,
            Integer ruleVersion,
            @Schema(description = "the transaction this one reverses") Long reversesId,
            @Schema(description = "the transaction that reverses this one, if any") Long reversedById,
            @Schema(description = "the hold this transaction resolves") Long resolvesId,
            OffsetDateTime createdAt,
            List<PostingView> postings,
            @Schema(description = "its link in the hash chain; absent until the sealer (about a second) has run")
            ChainView chain) {
        public static TransactionView of(JournalTransaction t) {
            return new TransactionView(t.id(), t.kind().name(), t.sourceType(), t.sourceId(), t.actor(), t.memo(),
                    t.ruleVersion(), t.reversesId(), t.reversedById(), t.resolvesId(), Times.local(t.createdAt()),
                    t.postings().stream().map(PostingView::of).toList(),
                    t.chainSeq() == null ? null : new ChainView(t.chainSeq(), ChainHash.hex(t.hash())));
        }
    }

    @Schema(name = "AssetTrialBalance")
    public record AssetTrialBalance(
            Asset asset,
            @Schema(description = "summed over every account") BalanceView accounts,
            @Schema(description = "summed over the journal's postings") BalanceView journal,
            @Schema(description = "credits - debits posted over all accounts: must be 0", example = "0") long postedNet,
            @Schema(description = "credits - debits pending over all accounts: must be 0", example = "0") long pendingNet,
            @Schema(description = "postedNet and pendingNet are 0 and the accounts agree with the journal")
            boolean balanced) {
        static AssetTrialBalance of(TrialBalance.OfAsset a) {
            return new AssetTrialBalance(a.asset(), BalanceView.of(a.accounts()), BalanceView.of(a.journal()),
                    a.postedNet(), a.pendingNet(), a.balanced());
        }
    }

    @Schema(name = "TrialBalance")
    public record TrialBalanceView(
            List<AssetTrialBalance> assets,
            @Schema(description = "ids of accounts whose stored balance differs from the sum of their postings (must be empty)")
            List<Long> accountsOutOfBalance,
            @Schema(description = "every asset balanced and no account out of balance") boolean balanced) {
        public static TrialBalanceView of(TrialBalance t) {
            return new TrialBalanceView(t.assets().stream().map(AssetTrialBalance::of).toList(),
                    t.accountsOutOfBalance(), t.balanced());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Verification", description = "The hash chain recomputed from the journal")
    public record VerificationView(
            @Schema(description = "every sealed link recomputes to its stored hash, and every transaction is sealed or queued")
            boolean valid,
            @Schema(example = "1200") long sealedTransactions,
            @Schema(description = "committed but not yet sealed (sealed within about a second)", example = "3")
            long unsealedTransactions,
            @Schema(description = "transactions neither sealed nor queued for sealing: must be 0", example = "0")
            long unaccountedTransactions,
            @Schema(description = "the last sealed link") ChainView head,
            @Schema(description = "the first link whose hash does not recompute") ChainView firstMismatch,
            @Schema(description = "transaction id of the first mismatch") Long firstMismatchTransactionId,
            @Schema(description = "stored signed checkpoints whose link recomputed to the hash they signed", example = "24")
            long checkpointsChecked,
            @Schema(description = "stored checkpoints that disagree with the recomputed chain or whose signature "
                    + "no known key made (at most 10, oldest first); empty when all agree")
            List<CheckpointCheck> checkpointFailures,
            @Schema(description = "the checkpoint the caller supplied, checked against the recomputed chain; absent "
                    + "when none was supplied")
            CheckpointCheck suppliedCheckpoint) {
        public static VerificationView of(ChainVerification v) {
            return new VerificationView(v.valid(), v.sealedTransactions(), v.unsealedTransactions(),
                    v.unaccountedTransactions(), ChainView.of(v.head()), ChainView.of(v.firstMismatch()),
                    v.firstMismatchTransactionId(), v.checkpointsChecked(),
                    v.checkpointFailures().stream().map(CheckpointCheck::of).toList(),
                    CheckpointCheck.of(v.suppliedCheckpoint()));
        }
    }

    @Schema(name = "CheckpointCheck", description = "A checkpoint compared with the chain recomputed from the journal")
    public record CheckpointCheck(@Schema(example = "1200") long seq,
                                  @Schema(description = "the hash the checkpoint states (hex)") String hash,
                                  @Schema(description = "MATCHES: the recomputed link has this hash; DIFFERS: it has "
                                          + "another (history up to it was rewritten); NOT_SEALED: the chain has no such "
                                          + "link (it was cut short); SIGNATURE_INVALID: no known key signed it")
                                  Outcome outcome) {
        public enum Outcome { MATCHES, DIFFERS, NOT_SEALED, SIGNATURE_INVALID }

        static CheckpointCheck of(ChainVerification.CheckpointCheck c) {
            return c == null ? null : new CheckpointCheck(c.seq(), c.hash(), Outcome.valueOf(c.outcome().name()));
        }
    }

    @Schema(name = "LedgerCheckpoint", description = "A signed statement that the hash chain's link `seq` had hash "
            + "`hash` at `signedAt`. Keep one: verification against it shows whether history up to it was rewritten.")
    public record CheckpointView(
            @Schema(example = "1200") long seq,
            @Schema(description = "the link's hash, hex", example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
            String hash,
            OffsetDateTime signedAt,
            @Schema(description = "id of the signing key (see /api/v1/ledger/checkpoint-keys)", example = "3fa1c0de2b9e4d71")
            String keyId,
            @Schema(description = "Ed25519 signature of `signedText`, base64") String signature,
            @Schema(description = "exactly the bytes signed (UTF-8): a fixed first line, then seq, hash and the "
                    + "signing time (ISO-8601, UTC), one per line", example = "timebank-ledger-checkpoint:v1\n1200\n9f86d0...\n2026-11-30T09:00:00.123456Z\n")
            String signedText) {
        public static CheckpointView of(Checkpoint c) {
            return new CheckpointView(c.seq(), ChainHash.hex(c.hash()), c.signedAt().atZone(Times.ZONE).toOffsetDateTime(), c.keyId(),
                    Base64.getEncoder().encodeToString(c.signature()),
                    new String(c.signedText(), StandardCharsets.UTF_8));
        }
    }

    @Schema(name = "LedgerCheckpointKey", description = "A public key that signs, or signed, checkpoints")
    public record CheckpointKeyView(@Schema(example = "3fa1c0de2b9e4d71") String keyId,
                                    @Schema(enumeration = "Ed25519") String algorithm,
                                    @Schema(description = "X.509 SubjectPublicKeyInfo, DER, base64") String publicKey,
                                    @Schema(description = "true for the key signing new checkpoints") boolean current) {
        public static CheckpointKeyView of(CheckpointKeys.PublishedKey k) {
            return new CheckpointKeyView(k.keyId(), "Ed25519", k.publicKey(), k.current());
        }
    }
}
