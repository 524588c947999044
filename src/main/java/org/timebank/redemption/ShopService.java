package org.timebank.redemption;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.timebank.common.ApiException;
import org.timebank.ledger.LedgerAccounts;
import org.timebank.redemption.api.RedemptionViews.CreateShop;
import org.timebank.redemption.api.RedemptionViews.ItemInput;
import org.timebank.redemption.api.RedemptionViews.ItemView;
import org.timebank.redemption.api.RedemptionViews.ShopView;
import org.timebank.redemption.persistence.RedemptionStore;
import org.timebank.redemption.persistence.RedemptionStore.ShopRow;
import org.timebank.security.Caller;

/** Shops and their catalogues. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ShopService {
    @Inject
    RedemptionStore store;
    @Inject
    LedgerAccounts accounts;

    /** Onboards a shop in a community, with its points settlement account. */
    public ShopView create(String actor, CreateShop request) {
        String level = store.regionLevel(request.regionId())
                .orElseThrow(() -> ApiException.unprocessable("REGION_NOT_FOUND", request.regionId()));
        if (!"COMMUNITY".equals(level)) {
            throw ApiException.unprocessable("NOT_A_COMMUNITY", request.regionId());
        }
        long id = store.nextShopId();
        long settlement = accounts.shopSettlement(id);
        store.insertShop(id, request.name().strip(), request.kind(), request.regionId(), settlement, actor);
        return ShopView.of(shop(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ShopRow shop(long id) {
        return store.shop(id).orElseThrow(() -> ApiException.notFound("SHOP_NOT_FOUND", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ShopRow> find(long id) {
        return store.shop(id);
    }

    /** The id of the region's shop of this name (the oldest, should there be several), if any. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Long> idNamed(long regionId, String name) {
        return store.shopNamed(regionId, name);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ItemView> items(long shopId) {
        shop(shopId);
        return store.items(shopId).stream().map(ItemView::of).toList();
    }

    /**
     * Adds the items without an id and rewrites those with one (in id order, like every stock
     * taker); items not in the list stay as they are (deactivate them instead: past redemptions
     * name them).
     */
    public List<ItemView> putItems(Caller caller, long shopId, List<ItemInput> items) {
        shop(shopId);
        if (!caller.isAdmin() && !caller.operates(shopId)) {
            throw ApiException.forbidden("FORBIDDEN");
        }
        return putItems(shopId, items);
    }

    /** As {@link #putItems(Caller, long, List)}, for an actor who may: the demo data's. */
    public List<ItemView> putItems(long shopId, List<ItemInput> items) {
        List<ItemInput> existing = items.stream().filter(i -> i.id() != null)
                .sorted(Comparator.comparingLong(ItemInput::id)).toList();
        if (existing.stream().map(ItemInput::id).distinct().count() != existing.size()) {
            throw ApiException.unprocessable("SHOP_ITEM_DUPLICATE");
        }
        for (ItemInput i : existing) {
            if (!store.updateItem(shopId, i.id(), i.name().strip(), i.pointsPrice(), i.stock(), i.active())) {
                throw ApiException.unprocessable("SHOP_ITEM_NOT_FOUND", i.id());
            }
        }
        for (ItemInput i : items) {
            if (i.id() == null) {
                store.insertItem(shopId, i.name().strip(), i.pointsPrice(), i.stock(), i.active());
            }
        }
        return store.items(shopId).stream().map(ItemView::of).toList();
    }
}
