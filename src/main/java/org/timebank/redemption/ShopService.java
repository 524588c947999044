package org.timebank.redemption;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.timebank.common.AfterCommit;
import org.timebank.common.ApiException;
import org.timebank.ledger.LedgerAccounts;
import org.timebank.redemption.domain.CatalogueItem;
import org.timebank.redemption.domain.NewShop;
import org.timebank.redemption.domain.ShopRef;
import org.timebank.redemption.persistence.RedemptionStore;
import org.timebank.redemption.persistence.RedemptionStore.ItemRow;
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
    public ShopRef create(String actor, NewShop request) {
        String level = store.regionLevel(request.regionId())
                .orElseThrow(() -> ApiException.unprocessable("REGION_NOT_FOUND", request.regionId()));
        if (!"COMMUNITY".equals(level)) {
            throw ApiException.unprocessable("NOT_A_COMMUNITY", request.regionId());
        }
        long id = store.nextShopId();
        long settlement = accounts.shopSettlement(id);
        store.insertShop(id, request.name(), request.kind(), request.regionId(), settlement, actor);
        return ref(shop(id));
    }

    /**
     * The shop, from memory once a committed read has seen it: a shop's name, kind, region and
     * settlement account never change and no shop is deleted, so every replica may keep it.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ShopRow shop(long id) {
        ShopRow known = shops.get(id);
        if (known != null) {
            return known;
        }
        ShopRow found = store.shop(id).orElseThrow(() -> ApiException.notFound("SHOP_NOT_FOUND", id));
        AfterCommit.run(() -> shops.put(id, found));
        return found;
    }

    private final java.util.Map<Long, ShopRow> shops = new java.util.concurrent.ConcurrentHashMap<>();

    /** The shop as other features see it, if there is one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ShopRef> find(long id) {
        return store.shop(id).map(ShopService::ref);
    }

    private static ShopRef ref(ShopRow s) {
        return new ShopRef(s.id(), s.name(), s.kind(), s.regionId(), s.settlementAccountId(), s.createdAt());
    }

    /** The id of the region's shop of this name (the oldest, should there be several), if any. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Long> idNamed(long regionId, String name) {
        return store.shopNamed(regionId, name);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ItemRow> items(long shopId) {
        shop(shopId);
        return store.items(shopId);
    }

    /**
     * Adds the items without an id and rewrites those with one (in id order, like every stock
     * taker); items not in the list stay as they are (deactivate them instead: past redemptions
     * name them).
     */
    public List<ItemRow> putItems(Caller caller, long shopId, List<CatalogueItem> items) {
        shop(shopId);
        if (!caller.isAdmin() && !caller.operates(shopId)) {
            throw ApiException.forbidden("FORBIDDEN");
        }
        return putItems(shopId, items);
    }

    /** As {@link #putItems(Caller, long, List)}, for an actor who may: the demo data's. */
    public List<ItemRow> putItems(long shopId, List<CatalogueItem> items) {
        List<CatalogueItem> existing = items.stream().filter(i -> i.id() != null)
                .sorted(Comparator.comparingLong(CatalogueItem::id)).toList();
        if (existing.stream().map(CatalogueItem::id).distinct().count() != existing.size()) {
            throw ApiException.unprocessable("SHOP_ITEM_DUPLICATE");
        }
        for (CatalogueItem i : existing) {
            if (!store.updateItem(shopId, i.id(), i.name(), i.pointsPrice(), i.stock(), i.active())) {
                throw ApiException.unprocessable("SHOP_ITEM_NOT_FOUND", i.id());
            }
        }
        for (CatalogueItem i : items) {
            if (i.id() == null) {
                store.insertItem(shopId, i.name(), i.pointsPrice(), i.stock(), i.active());
            }
        }
        return store.items(shopId);
    }
}
