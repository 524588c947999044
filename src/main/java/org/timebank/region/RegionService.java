package org.timebank.region;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.timebank.common.AfterCommit;
import org.timebank.common.ApiException;
import org.timebank.common.Page;
import org.timebank.common.Paging;
import org.timebank.region.domain.NewRegion;
import org.timebank.region.domain.RegionLevel;
import org.timebank.region.domain.RegionRef;
import org.timebank.region.persistence.Region;

@ApplicationScoped
public class RegionService {
    @Inject
    EntityManager em;

    /** Creates a region under its parent. A community's ledger accounts open on their first need, not here. */
    @Transactional(Transactional.TxType.MANDATORY)
    public RegionRef create(NewRegion request) {
        RegionLevel expected = RegionLevel.CITY;
        if (request.parentId() != null) {
            Region parent = Region.findById(request.parentId());
            if (parent == null) {
                throw ApiException.unprocessable("PARENT_REGION_NOT_FOUND", request.parentId());
            }
            expected = parent.level.child();
            if (expected == null) {
                throw ApiException.unprocessable("REGION_LEVEL_INVALID", request.level(), parent.level)
                        .explainedBy("REGION_UNDER_COMMUNITY");
            }
        }
        if (request.level() != expected) {
            ApiException wrong = ApiException.unprocessable("REGION_LEVEL_INVALID", request.level(), expected);
            throw request.parentId() == null ? wrong.explainedBy("REGION_PARENT_REQUIRED") : wrong;
        }
        Region region = new Region();
        region.parentId = request.parentId();
        region.level = request.level();
        region.name = request.name();
        region.code = request.code();
        region.persist();
        em.flush();
        em.refresh(region);
        return region.ref();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RegionRef require(long id) {
        return find(id).orElseThrow(() -> ApiException.notFound("REGION_NOT_FOUND", id));
    }

    /**
     * A region, from memory once a committed read has seen it: a region never changes (name, level,
     * parent and path are fixed at creation) and is never deleted, so every replica may keep it. One
     * read inside a transaction is remembered only when that transaction commits, so a region created
     * by a write that rolls back is never remembered.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<RegionRef> find(long id) {
        RegionRef known = known(id);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<RegionRef> found = Region.<Region>findByIdOptional(id).map(Region::ref);
        found.ifPresent(this::rememberOnCommit);
        return found;
    }

    private final Map<Long, RegionRef> known = new ConcurrentHashMap<>();

    private RegionRef known(long id) {
        return known.get(id);
    }

    private void rememberOnCommit(RegionRef region) {
        AfterCommit.run(() -> known.put(region.id(), region));
    }

    /** The regions among these ids that exist, by id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RegionRef> existing(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : Region.<Region>list("id in ?1 order by id", ids).stream().map(Region::ref).toList();
    }

    /** The region with this code (codes are unique), if any. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<RegionRef> withCode(String code) {
        return Region.<Region>find("code", code).firstResultOptional().map(Region::ref);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<RegionRef> children(Long parentId, Paging paging) {
        List<Region> rows = parentId == null
                ? Region.find("parentId is null and id > ?1 order by id", paging.after() == null ? 0L : paging.after())
                        .page(0, paging.limit() + 1).list()
                : Region.find("parentId = ?1 and id > ?2 order by id", parentId, paging.after() == null ? 0L : paging.after())
                        .page(0, paging.limit() + 1).list();
        return paging.page(rows.stream().map(Region::ref).toList(), RegionRef::id);
    }
}
