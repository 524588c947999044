package org.timebank.ledger.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.timebank.common.ApiException;
import org.timebank.common.Idempotency;
import org.timebank.common.Idempotent;
import org.timebank.common.ImportConfig;
import org.timebank.common.Page;
import org.timebank.common.Paging;
import org.timebank.common.Roles;
import org.timebank.common.Tx;
import org.timebank.ledger.LedgerAccounts;
import org.timebank.ledger.LedgerAudit;
import org.timebank.ledger.LedgerCheckpoints;
import org.timebank.ledger.LedgerService;
import org.timebank.ledger.OpeningBalanceImport;
import org.timebank.ledger.api.LedgerRequests.CreateAdjustment;
import org.timebank.ledger.api.LedgerRequests.CreateReversal;
import org.timebank.ledger.api.LedgerRequests.Direction;
import org.timebank.ledger.api.LedgerRequests.ImportResult;
import org.timebank.ledger.api.Views.AccountView;
import org.timebank.ledger.api.Views.CheckpointKeyView;
import org.timebank.ledger.api.Views.CheckpointView;
import org.timebank.ledger.api.Views.TransactionView;
import org.timebank.ledger.api.Views.TrialBalanceView;
import org.timebank.ledger.api.Views.VerificationView;
import org.timebank.security.Caller;

@Path("/api/v1/ledger")
@Tag(name = "Ledger", description = "Adjustments, imports, reversals and audit (admin)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class LedgerResource {
    @Inject
    LedgerService ledger;
    @Inject
    LedgerAccounts accounts;
    @Inject
    LedgerAudit audit;
    @Inject
    OpeningBalanceImport imports;
    @Inject
    LedgerCheckpoints checkpoints;
    @Inject
    Idempotency idempotency;
    @Inject
    Caller caller;
    @Inject
    Tx tx;

    @Inject
    ImportConfig importConfig;

    @POST
    @Path("/adjustments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createAdjustment", summary = "Post a manual, reasoned credit or debit (admin; Idempotency-Key required)",
            description = "The counterparty is the system adjustment account of the account's asset. A debit never "
                    + "overdraws a volunteer wallet.")
    @APIResponse(responseCode = "201", description = "Posted",
            content = @Content(schema = @Schema(implementation = TransactionView.class)))
    @APIResponse(responseCode = "422", description = "ACCOUNT_NOT_FOUND, ADJUSTMENT_ACCOUNT_INVALID, INSUFFICIENT_POINTS, "
            + "INSUFFICIENT_HOURS, IDEMPOTENCY_KEY_REUSED")
    @Idempotent(keyRequired = true)
    public Response adjust(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
                           @Valid @NotNull CreateAdjustment request) {
        return idempotency.write(idempotencyKey, request, () -> {
            long id = ledger.adjust(request.accountId(), request.direction() == Direction.CREDIT, request.amount(),
                    request.reason().strip(), caller.subject()).id();
            return Idempotency.Outcome.created(URI.create("/api/v1/ledger/transactions/" + id),
                    TransactionView.of(ledger.transaction(id).orElseThrow()));
        });
    }

    @POST
    @Path("/imports")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Operation(operationId = "importOpeningBalances", summary = "Import opening balances from CSV (admin; Idempotency-Key required)",
            description = "Header `volunteer_id,asset,amount,reference` or `phone,asset,amount,reference`; amounts in "
                    + "whole minutes (HOURS) or points (POINTS). The file is checked whole: one bad line fails it all, "
                    + "every bad line is reported by number, and nothing is written. One opening balance per account.")
    @RequestBody(content = @Content(mediaType = "text/csv", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING),
            examples = @ExampleObject(name = "by volunteer id",
                    value = "volunteer_id,asset,amount,reference\n1001,HOURS,750,passbook 2019 p.12\n1001,POINTS,120,\n")))
    @APIResponse(responseCode = "201", description = "Imported",
            content = @Content(schema = @Schema(implementation = ImportResult.class)))
    @APIResponse(responseCode = "413", description = "BODY_TOO_LARGE (a file over timebank.import.max-bytes); "
            + "IMPORT_TOO_LARGE when an upload without Content-Length turns out too large")
    @APIResponse(responseCode = "422", description = "IMPORT_INVALID, with the bad lines in `errors`")
    @Idempotent(keyRequired = true)
    public Response importOpeningBalances(@HeaderParam(Idempotency.HEADER) String idempotencyKey, String csv) {
        if (csv == null || csv.isBlank()) {
            throw ApiException.badRequest("MISSING_BODY");
        }
        if (csv.getBytes(StandardCharsets.UTF_8).length > importConfig.maxBytes()) {
            throw new ApiException(413, "IMPORT_TOO_LARGE", importConfig.maxBytes());
        }
        return idempotency.write(idempotencyKey, csv, () -> {
            ImportResult result = ImportResult.of(imports.run(csv, caller.subject()));
            return Idempotency.Outcome.created(URI.create("/api/v1/ledger/imports/" + result.importId()), result);
        });
    }

    @POST
    @Path("/transactions/{id}/reversal")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "reverseTransaction", summary = "Reverse a posted transaction (admin; Idempotency-Key required)",
            description = "Posts the mirror image of the transaction, pointing at it; a transaction is reversed at "
                    + "most once. Holds are settled by resolving them, not by reversal.")
    @APIResponse(responseCode = "201", description = "Reversed",
            content = @Content(schema = @Schema(implementation = TransactionView.class)))
    @APIResponse(responseCode = "404", description = "TRANSACTION_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "ALREADY_REVERSED")
    @APIResponse(responseCode = "422", description = "NOT_REVERSIBLE, CLAIM_REVERSAL_REQUIRED (an approval: reverse its hour claim), "
            + "INSUFFICIENT_POINTS, INSUFFICIENT_HOURS")
    @Idempotent(keyRequired = true)
    public Response reverse(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @PathParam("id") long id,
                            @Valid @NotNull CreateReversal request) {
        return idempotency.write(idempotencyKey, request, () -> {
                    long reversal = ledger.reverse(id, request.reason().strip(), caller.subject()).id();
                    return Idempotency.Outcome.created(URI.create("/api/v1/ledger/transactions/" + reversal),
                            TransactionView.of(ledger.transaction(reversal).orElseThrow()));
                });
    }

    @GET
    @Path("/accounts/{id}")
    @Operation(operationId = "getAccount", summary = "Read an account and its balance (admin)")
    public AccountView account(@PathParam("id") long id) {
        return tx.inNew(() -> accounts.account(id).map(AccountView::of)
                .orElseThrow(() -> ApiException.notFound("ACCOUNT_NOT_FOUND", id)));
    }

    @GET
    @Path("/transactions/{id}")
    @Operation(operationId = "getTransaction", summary = "Read a journal transaction with its postings and chain link (admin)")
    public TransactionView transaction(@PathParam("id") long id) {
        return tx.inNew(() -> ledger.transaction(id).map(TransactionView::of)
                .orElseThrow(() -> ApiException.notFound("TRANSACTION_NOT_FOUND", id)));
    }

    @GET
    @Path("/trial-balance")
    @Operation(operationId = "getTrialBalance", summary = "Per asset, the sums that must be zero (admin)",
            description = "Sums every account's columns and the journal's postings in one snapshot; `balanced` is "
                    + "true when credits equal debits per asset, posted and pending, and every account's stored "
                    + "balance equals the sum of its postings.")
    public TrialBalanceView trialBalance() {
        return TrialBalanceView.of(audit.trialBalance());
    }

    @GET
    @Path("/verification")
    @Operation(operationId = "verifyChain", summary = "Recompute the hash chain from the journal (admin)",
            description = "Rebuilds every link from the stored transactions and postings and compares it with the "
                    + "stored hash, with every stored signed checkpoint, and with the checkpoint given in "
                    + "`checkpointSeq` and `checkpointHash` (one kept from a shop statement or from "
                    + "GET /ledger/checkpoints). `valid` is false at the first mismatch, when a transaction is neither "
                    + "sealed nor queued for sealing, or when a checkpoint disagrees: a rewrite of history that "
                    + "recomputed the whole chain still disagrees with the checkpoints signed before it.")
    @APIResponse(responseCode = "200", description = "The chain, recomputed",
            content = @Content(schema = @Schema(implementation = VerificationView.class)))
    @APIResponse(responseCode = "400", description = "INVALID_CHECKPOINT (give both or neither; the hash is 64 hex digits)")
    public VerificationView verification(
            @QueryParam("checkpointSeq") @Parameter(description = "the link a kept checkpoint names",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1")) String checkpointSeq,
            @QueryParam("checkpointHash") @Parameter(description = "the hash it states, hex",
                    schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9a-fA-F]{64}$")) String checkpointHash) {
        if (checkpointSeq == null && checkpointHash == null) {
            return VerificationView.of(audit.verify());
        }
        long seq;
        byte[] hash;
        try {
            seq = Long.parseLong(checkpointSeq == null ? "" : checkpointSeq);
            if (seq < 1 || checkpointHash == null || checkpointHash.length() != 64) {
                throw new IllegalArgumentException();
            }
            hash = HexFormat.of().parseHex(checkpointHash);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("INVALID_CHECKPOINT");
        }
        return VerificationView.of(audit.verify(seq, hash));
    }

    @GET
    @Path("/checkpoints")
    @RolesAllowed({Roles.VOLUNTEER, Roles.STAFF, Roles.SHOP, Roles.ADMIN})
    @Operation(operationId = "listLedgerCheckpoints", summary = "The signed checkpoints of the hash chain, newest first (anyone signed in)",
            description = "Every hour (timebank.ledger.checkpoints.every) the service signs the chain's last sealed "
                    + "link with an Ed25519 key the database does not hold. Keep a checkpoint: GET /ledger/verification "
                    + "with it shows whether the history up to it was rewritten since. Verify a signature with the "
                    + "key named by `keyId` (GET /ledger/checkpoint-keys) over the bytes of `signedText`.")
    @APIResponse(responseCode = "200", description = "A page of checkpoints, newest first")
    public Page<CheckpointView> checkpoints(
            @QueryParam("limit") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20")) String limit,
            @QueryParam("cursor") String cursor) {
        Paging paging = Paging.of(limit, cursor);
        return paging.page(checkpoints.page(paging.after(), paging.limit() + 1).stream().map(CheckpointView::of).toList(),
                CheckpointView::seq);
    }

    @GET
    @Path("/checkpoint-keys")
    @RolesAllowed({Roles.VOLUNTEER, Roles.STAFF, Roles.SHOP, Roles.ADMIN})
    @Operation(operationId = "listLedgerCheckpointKeys", summary = "The public keys that sign checkpoints (anyone signed in)",
            description = "The current key and the keys of earlier signing keys still trusted. Pin the key out of band "
                    + "(README \"Checkpoints\"): a key read from the service proves only what the service says.")
    public List<CheckpointKeyView> checkpointKeys() {
        return checkpoints.keys().stream().map(CheckpointKeyView::of).toList();
    }
}
