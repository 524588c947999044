package org.timebank.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.timebank.common.ApiException;
import org.timebank.common.ImportConfig;
import org.timebank.ledger.domain.Asset;
import org.timebank.ledger.domain.Opening;
import org.timebank.ledger.domain.OpeningBalanceCsv;
import org.timebank.ledger.domain.OpeningBalancesImported;
import org.timebank.ledger.domain.Wallets;
import org.timebank.ledger.persistence.ImportStore;

/**
 * Opening balances from an earlier system: the whole file is checked first (format, then that
 * every volunteer exists and has no opening balance yet); any bad line fails the import, reported
 * by line, and nothing is written.
 */
@ApplicationScoped
public class OpeningBalanceImport {
    /**
     * The volunteers a file names, answered by the volunteer feature: the ledger knows volunteers
     * only as the owners of accounts, and does not depend on the feature that registers them.
     */
    public interface Volunteers {
        /** Volunteer ids by phone number; numbers not registered are absent from the map. */
        Map<String, Long> idsByPhone(List<String> phones);

        /** Those of {@code ids} that name a volunteer. */
        List<Long> existing(List<Long> ids);
    }

    @Inject
    Volunteers volunteers;
    @Inject
    LedgerService ledger;
    @Inject
    LedgerAccounts ledgerAccounts;
    @Inject
    ImportStore imports;

    @Inject
    ImportConfig config;

    @Transactional(Transactional.TxType.MANDATORY)
    public OpeningBalancesImported run(String csv, String actor) {
        List<ApiException.Item> errors = new ArrayList<>();
        OpeningBalanceCsv.KeyColumn key;
        List<OpeningBalanceCsv.Line> lines;
        OpeningBalanceCsv.Result result = OpeningBalanceCsv.parse(csv, config.maxLines());
        if (result instanceof OpeningBalanceCsv.Invalid invalid) {
            invalid.errors().forEach(e -> errors.add(new ApiException.Item(null, e.line(), e.code(), e.value())));
            if (invalid.key() == null) {
                throw invalid(errors);
            }
            key = invalid.key();
            lines = invalid.lines();
        } else {
            OpeningBalanceCsv.Parsed parsed = (OpeningBalanceCsv.Parsed) result;
            key = parsed.key();
            lines = parsed.lines();
        }
        List<Opening> openings = resolve(key, lines, errors);
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparing(ApiException.Item::line));
            throw invalid(errors);
        }
        long importId = ledger.importOpeningBalances(openings, actor);
        long minutes = openings.stream().filter(o -> o.asset() == Asset.HOURS).mapToLong(Opening::amount).sum();
        long points = openings.stream().filter(o -> o.asset() == Asset.POINTS).mapToLong(Opening::amount).sum();
        return new OpeningBalancesImported(importId, openings.size(), minutes, points);
    }

    /** The well-formed lines, checked against the data: the volunteer exists, the account has no opening balance yet. */
    private List<Opening> resolve(OpeningBalanceCsv.KeyColumn key, List<OpeningBalanceCsv.Line> lines,
                                  List<ApiException.Item> errors) {
        if (lines.isEmpty()) {
            return List.of();
        }
        Map<String, Long> ids = new HashMap<>();
        List<String> refs = lines.stream().map(OpeningBalanceCsv.Line::volunteer).distinct().toList();
        if (key == OpeningBalanceCsv.KeyColumn.PHONE) {
            ids.putAll(volunteers.idsByPhone(refs));
        } else {
            volunteers.existing(refs.stream().map(Long::valueOf).toList()).forEach(id -> ids.put(id.toString(), id));
        }
        List<Opening> openings = new ArrayList<>();
        Map<Long, Wallets> accounts = new HashMap<>();
        for (OpeningBalanceCsv.Line line : lines) {
            Long volunteerId = ids.get(line.volunteer());
            if (volunteerId == null) {
                errors.add(new ApiException.Item(null, line.number(), "IMPORT_VOLUNTEER_UNKNOWN", line.volunteer()));
                continue;
            }
            long accountId = accounts.computeIfAbsent(volunteerId, ledgerAccounts::wallets).of(line.asset());
            openings.add(new Opening(line.number(), accountId, line.asset(), line.amount(), line.reference()));
        }
        Set<Long> already = new HashSet<>(imports.accountsWithOpeningBalance(
                openings.stream().map(Opening::accountId).toList()));
        for (Opening o : openings) {
            if (already.contains(o.accountId())) {
                errors.add(new ApiException.Item(null, o.line(), "IMPORT_OPENING_BALANCE_EXISTS", o.asset()));
            }
        }
        return openings;
    }

    private static ApiException invalid(List<ApiException.Item> errors) {
        return new ApiException(422, "IMPORT_INVALID", errors, errors.size());
    }
}
