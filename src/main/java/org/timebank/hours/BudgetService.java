package org.timebank.hours;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.timebank.common.ApiException;
import org.timebank.common.Page;
import org.timebank.common.Paging;
import org.timebank.hours.domain.Budget;
import org.timebank.hours.domain.BudgetFunding;
import org.timebank.hours.domain.BudgetFundingEntry;
import org.timebank.ledger.LedgerAccounts;
import org.timebank.ledger.LedgerService;
import org.timebank.ledger.domain.Account;
import org.timebank.ledger.domain.AccountPosting;
import org.timebank.ledger.domain.AccountPurpose;
import org.timebank.ledger.domain.Asset;
import org.timebank.ledger.domain.Balance;
import org.timebank.ledger.domain.Entry;
import org.timebank.ledger.domain.TransactionKind;
import org.timebank.region.RegionService;
import org.timebank.region.domain.RegionLevel;
import org.timebank.region.domain.RegionRef;
import org.timebank.security.Caller;

/**
 * A community's optional points budget. Its first funding opens it; from then on approvals in the
 * community draw their points from it, and fail with BUDGET_EXHAUSTED when it cannot pay.
 */
@ApplicationScoped
public class BudgetService {
    @Inject
    RegionService regions;
    @Inject
    LedgerService ledger;
    @Inject
    LedgerAccounts accounts;

    @Transactional(Transactional.TxType.MANDATORY)
    public Budget fund(long communityId, BudgetFunding funding, String actor) {
        community(communityId);
        long fund = accounts.communityAccount(communityId, Asset.POINTS, AccountPurpose.COMMUNITY_FUND);
        long budget = accounts.communityAccount(communityId, Asset.POINTS, AccountPurpose.COMMUNITY_BUDGET);
        ledger.post(Entry.transfer(TransactionKind.BUDGET_FUNDING, "REGION", Long.toString(communityId), actor,
                funding.memo(), fund, budget, funding.points()));
        return budget(communityId);
    }

    /** The budget, for staff serving the community and admins; to anyone else it does not exist. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Budget view(Caller caller, long communityId) {
        if (!caller.covers(community(communityId).pathIds())) {
            throw ApiException.notFound("REGION_NOT_FOUND", communityId);
        }
        return budget(communityId);
    }

    private Budget budget(long communityId) {
        Optional<Balance> budget = balance(AccountPurpose.COMMUNITY_BUDGET, communityId);
        if (budget.isEmpty()) {
            return Budget.none(communityId);
        }
        // the community fund is the counterparty of every funding (and only of fundings), so what it has
        // paid out is what was funded; a reversed approval gives points back without counting as funding
        long funded = balance(AccountPurpose.COMMUNITY_FUND, communityId).map(f -> -f.posted()).orElse(0L);
        return new Budget(communityId, true, funded, funded - budget.get().posted(), budget.get().available());
    }

    /**
     * The budget's fundings, newest first: the history of the community fund, whose only counterparty
     * is the budget (a funding taken back by a reversal shows as a negative one). Same audience as the
     * budget.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<BudgetFundingEntry> fundings(Caller caller, long communityId, Paging paging) {
        if (!caller.covers(community(communityId).pathIds())) {
            throw ApiException.notFound("REGION_NOT_FOUND", communityId);
        }
        Optional<Long> fund = accounts.openedCommunityAccount(communityId, Asset.POINTS, AccountPurpose.COMMUNITY_FUND);
        if (fund.isEmpty()) {
            return paging.page(List.of(), BudgetFundingEntry::transactionId);
        }
        List<BudgetFundingEntry> rows = ledger.history(List.of(fund.get()), paging.after(), paging.limit() + 1).stream()
                .map(h -> new BudgetFundingEntry(h.id(), h.kind(),
                        -h.postings().stream().mapToLong(AccountPosting::amount).sum(), h.memo(), h.actor(),
                        h.createdAt()))
                .toList();
        return paging.page(rows, BudgetFundingEntry::transactionId);
    }

    private Optional<Balance> balance(AccountPurpose purpose, long communityId) {
        return accounts.openedCommunityAccount(communityId, Asset.POINTS, purpose).flatMap(accounts::account)
                .map(Account::balance);
    }

    private RegionRef community(long id) {
        RegionRef region = regions.require(id);
        if (region.level() != RegionLevel.COMMUNITY) {
            throw ApiException.unprocessable("NOT_A_COMMUNITY", id);
        }
        return region;
    }
}
