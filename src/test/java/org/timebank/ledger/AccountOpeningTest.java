package org.timebank.ledger;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.timebank.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.timebank.common.Tx;
import org.timebank.ledger.domain.AccountPurpose;
import org.timebank.ledger.domain.Asset;
import org.timebank.support.Api;
import org.timebank.support.Parallel;
import org.timebank.support.Tokens;

/** Accounts open on their first need, inside the ledger, once, whoever needs them at the same moment. */
@QuarkusTest
class AccountOpeningTest {
    @Inject
    LedgerAccounts accounts;
    @Inject
    Tx tx;

    @Test
    void a_communitys_account_opens_on_its_first_need_and_stays_the_same_account() {
        long community = Api.tree().community();
        long opened = tx.inNew(() -> accounts.communityAccount(community, Asset.HOURS, AccountPurpose.COMMUNITY_POOL));

        assertEquals(opened, tx.inNew(() -> accounts.communityAccount(community, Asset.HOURS, AccountPurpose.COMMUNITY_POOL)));
        assertEquals(Optional.of(opened),
                tx.inNew(() -> accounts.openedCommunityAccount(community, Asset.HOURS, AccountPurpose.COMMUNITY_POOL)));
        as(Tokens.admin()).get("/api/v1/ledger/accounts/" + opened).then().statusCode(200)
                .body("ownerType", equalTo("REGION")).body("ownerId", equalTo((int) community))
                .body("purpose", equalTo("COMMUNITY_POOL")).body("asset", equalTo("HOURS"))
                .body("debitsMustNotExceedCredits", equalTo(true));
    }

    @Test
    void many_first_needs_at_once_open_one_account() throws Exception {
        long community = Api.tree().community();
        List<Callable<Long>> needs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            needs.add(() -> tx.inNew(() -> accounts.communityAccount(community, Asset.POINTS,
                    AccountPurpose.COMMUNITY_ISSUANCE)));
        }

        Set<Long> ids = Set.copyOf(Parallel.run(12, needs));

        assertEquals(1, ids.size(), ids::toString);
    }

    @Test
    void an_account_opened_by_a_write_that_rolls_back_is_gone_with_it() {
        long community = Api.tree().community();
        assertThrows(IllegalStateException.class, () -> tx.inNew(() -> {
            accounts.communityAccount(community, Asset.POINTS, AccountPurpose.COMMUNITY_ISSUANCE);
            throw new IllegalStateException("the write fails after opening the account");
        }));

        assertTrue(tx.inNew(() -> accounts.openedCommunityAccount(community, Asset.POINTS,
                AccountPurpose.COMMUNITY_ISSUANCE)).isEmpty());
    }

    @Test
    void a_community_holds_no_account_of_another_owners_purpose() {
        long community = Api.tree().community();
        assertThrows(IllegalArgumentException.class, () -> tx.inNew(() -> accounts.communityAccount(community,
                Asset.POINTS, AccountPurpose.SHOP_SETTLEMENT)));
    }
}
