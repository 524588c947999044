package org.timebank.redemption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.timebank.redemption.RedemptionFixtures.code;
import static org.timebank.redemption.RedemptionFixtures.item;
import static org.timebank.redemption.RedemptionFixtures.redeemItem;
import static org.timebank.redemption.RedemptionFixtures.redeemPoints;
import static org.timebank.redemption.RedemptionFixtures.shop;
import static org.timebank.redemption.RedemptionFixtures.stock;
import static org.timebank.redemption.RedemptionFixtures.volunteerWith;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.timebank.ledger.LedgerHousekeeping;
import org.timebank.redemption.RedemptionFixtures.Shop;
import org.timebank.support.Api;
import org.timebank.support.LedgerChecks;
import org.timebank.support.Parallel;

@QuarkusTest
class RedemptionConcurrencyTest {
    @Inject
    LedgerHousekeeping housekeeping;

    @Test
    void of_fifty_simultaneous_uses_of_one_code_exactly_one_succeeds() throws Exception {
        Api.Tree t = Api.tree();
        Shop shop = shop(t.community());
        Api.Volunteer v = volunteerWith(t.community(), 1000);
        String code = code(v);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            calls.add(() -> redeemPoints(shop, code, 7, null).statusCode());
        }
        Map<Integer, Long> statuses = Parallel.run(50, calls).stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

        assertEquals(Map.of(201, 1L, 409, 49L), statuses);
        assertEquals(993, Api.balance(v, "points.available"));
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void parallel_redemptions_against_one_wallet_never_overdraw_it() throws Exception {
        Api.Tree t = Api.tree();
        Shop shop = shop(t.community());
        Api.Volunteer v = volunteerWith(t.community(), 100);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            codes.add(code(v));
        }
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            String code = codes.get(i);
            // a mix of immediate captures and holds: both are checked against the same available balance
            String mode = i % 2 == 0 ? "CAPTURE" : "HOLD";
            calls.add(() -> redeemPoints(shop, code, 10, mode).statusCode());
        }
        Map<Integer, Long> statuses = Parallel.run(25, calls).stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

        assertEquals(Map.of(201, 10L, 422, 15L), statuses);
        assertEquals(0, Api.balance(v, "points.available"));
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void concurrent_orders_sell_exactly_the_units_in_stock_and_never_more() throws Exception {
        Api.Tree t = Api.tree();
        Shop shop = shop(t.community());
        long rice = item(shop, 1, 12);
        long oil = item(shop, 2, 1000);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String code = code(volunteerWith(t.community(), 100));
            boolean both = i % 2 == 0;
            calls.add(() -> both
                    ? Api.as(shop.operator()).body(Map.of("shopId", shop.id(), "code", code, "items", List.of(
                            Map.of("itemId", oil, "quantity", 1), Map.of("itemId", rice, "quantity", 1))))
                            .post("/api/v1/redemptions").statusCode()
                    : redeemItem(shop, code, rice, 1, null).statusCode());
        }
        Map<Integer, Long> statuses = Parallel.run(30, calls).stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

        assertEquals(Map.of(201, 12L, 409, 18L), statuses);
        assertEquals(0, stock(shop, rice));
        LedgerChecks.assertLedgerSound(housekeeping);
    }
}
