package org.timebank.dev;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.timebank.common.Times;
import org.timebank.family.FamilyLinkService;
import org.timebank.family.domain.FamilyLink;
import org.timebank.hours.BudgetService;
import org.timebank.hours.ConversionRuleService;
import org.timebank.hours.HourClaimService;
import org.timebank.hours.domain.BudgetFunding;
import org.timebank.hours.domain.NewConversionRules;
import org.timebank.hours.domain.NewConversionRules.Rate;
import org.timebank.hours.domain.OverCap;
import org.timebank.hours.domain.Rounding;
import org.jboss.logging.Logger;
import org.timebank.common.Tx;
import org.timebank.ledger.LedgerService;
import org.timebank.ledger.domain.Asset;
import org.timebank.ledger.domain.Opening;
import org.timebank.redemption.ShopService;
import org.timebank.redemption.domain.CatalogueItem;
import org.timebank.redemption.domain.NewShop;
import org.timebank.redemption.domain.ShopKind;
import org.timebank.region.RegionService;
import org.timebank.servicerequest.ServiceRequestService;
import org.timebank.servicerequest.domain.NewServiceRequest;
import org.timebank.servicerequest.domain.PayerType;
import org.timebank.region.domain.NewRegion;
import org.timebank.region.domain.RegionLevel;
import org.timebank.volunteer.VolunteerService;
import org.timebank.volunteer.domain.NewVolunteer;
import org.timebank.volunteer.domain.VolunteerProfile;

/**
 * Dev and test only (not built into the production jar): a small region tree with three volunteers,
 * opening balances, claims awaiting review and a shop, created once. Dev mode loads it at start;
 * tests load it at the first {@code GET /dev/tokens}, so that the many tests that never ask for it
 * do not find it in their database. It is found again by region codes, phone numbers and the
 * shop's name, which tests do not use.
 */
@IfBuildProfile(anyOf = {"dev", "test"})
@ApplicationScoped
public class DemoData {
    private static final Logger LOG = Logger.getLogger(DemoData.class);
    private static final String ZHANG_PHONE = "13812345678";
    private static final String LI_PHONE = "13912345678";
    private static final String WANG_PHONE = "13712345678";
    private static final String SHOP_NAME = "首义爱心超市";

    @Inject
    RegionService regions;
    @Inject
    VolunteerService volunteers;
    @Inject
    LedgerService ledger;
    @Inject
    Tx tx;
    @Inject
    ConversionRuleService rules;
    @Inject
    BudgetService budgets;
    @Inject
    HourClaimService claims;
    @Inject
    ShopService shops;
    @Inject
    ServiceRequestService serviceRequests;
    @Inject
    FamilyLinkService family;

    public record Ids(long city, long houhuStreet, long shouyiCommunity, long zhang, long li, long wang, long shop) {}

    void onStart(@Observes StartupEvent event) {
        if (LaunchMode.current().isDev()) {
            ensureLoaded();
            LOG.info("Demo data ready. Demo tokens: GET http://localhost:8080/dev/tokens ; Swagger UI: http://localhost:8080/q/swagger-ui");
        }
    }

    /** Loads what is missing of the demo data; the ids of its regions, volunteers and shop. */
    public synchronized Ids ensureLoaded() {
        return tx.inNew(() -> {
            if (regions.withCode("4201").isEmpty()) {
                load();
            }
            if (shops.idNamed(id("420106004001"), SHOP_NAME).isEmpty()) {
                loadShop(id("420106004001"));
            }
            Ids ids = ids();
            if (rules.get(ids.city()).versions().isEmpty()) {
                loadHours(ids);
            }
            if (family.confirmedBetween(ids.zhang(), ids.li()).isEmpty()) {
                loadServices(ids);
            }
            return ids;
        });
    }

    private void load() {
        long city = regions.create(new NewRegion("武汉市", RegionLevel.CITY, null, "4201")).id();
        long jiangan = regions.create(new NewRegion("江岸区", RegionLevel.DISTRICT, city, "420102")).id();
        long houhu = regions.create(new NewRegion("后湖街道", RegionLevel.STREET, jiangan, "420102017")).id();
        long baibuting = regions.create(new NewRegion("百步亭花园社区", RegionLevel.COMMUNITY, houhu, "420102017001")).id();
        long xingfu = regions.create(new NewRegion("幸福社区", RegionLevel.COMMUNITY, houhu, "420102017002")).id();
        long wuchang = regions.create(new NewRegion("武昌区", RegionLevel.DISTRICT, city, "420106")).id();
        long shouyiRoad = regions.create(new NewRegion("首义路街道", RegionLevel.STREET, wuchang, "420106004")).id();
        long shouyi = regions.create(new NewRegion("首义社区", RegionLevel.COMMUNITY, shouyiRoad, "420106004001")).id();
        VolunteerProfile zhang = register("张晓明", ZHANG_PHONE, "11010519491231002X", baibuting);
        VolunteerProfile li = register("李华", LI_PHONE, null, xingfu);
        VolunteerProfile wang = register("王芳", WANG_PHONE, null, shouyi);
        ledger.importOpeningBalances(List.of(
                new Opening(2, zhang.wallets().hoursAccountId(), Asset.HOURS, 7230, "demo: passbook"),
                new Opening(3, zhang.wallets().pointsAccountId(), Asset.POINTS, 150, "demo: passbook"),
                new Opening(4, li.wallets().hoursAccountId(), Asset.HOURS, 1200, "demo: passbook"),
                new Opening(5, li.wallets().pointsAccountId(), Asset.POINTS, 40, "demo: passbook"),
                new Opening(6, wang.wallets().hoursAccountId(), Asset.HOURS, 36000, "demo: passbook"),
                new Opening(7, wang.wallets().pointsAccountId(), Asset.POINTS, 500, "demo: passbook")), "system:demo");
        LOG.infof("Demo data loaded: city %d, volunteers %d, %d, %d", city, zhang.id(), li.id(), wang.id());
    }

    /** The demo shop operator's: a charity supermarket in 首义社区 with a small catalogue. */
    private void loadShop(long shouyiCommunity) {
        long shop = shops.create("system:demo", new NewShop(SHOP_NAME, ShopKind.CHARITY_SUPERMARKET, shouyiCommunity)).id();
        shops.putItems(shop, List.of(new CatalogueItem(null, "大米 5kg", 30L, 20, true),
                new CatalogueItem(null, "食用油 1L", 15L, 40, true), new CatalogueItem(null, "洗衣液", 10L, 0, true)));
    }

    /**
     * Conversion rules for the city (and 首义社区's own: 2.5 h of kitchen help = 15 points), a budget
     * for 幸福社区, and claims waiting for review, so that staff can try decisions in Swagger UI.
     */
    private void loadHours(Ids ids) {
        Instant since = OffsetDateTime.parse("2026-01-01T00:00:00+08:00").toInstant();
        rules.put(ids.city(), new NewConversionRules(since, 1, Rounding.DOWN, List.of(
                new Rate("DEFAULT", BigDecimal.ONE),
                new Rate("ELDERLY_VISIT", BigDecimal.valueOf(2))), null, null, false), "system:demo");
        rules.put(ids.shouyiCommunity(), new NewConversionRules(since, 15, Rounding.HALF_UP, List.of(
                new Rate("DEFAULT", BigDecimal.ONE),
                new Rate("KITCHEN", BigDecimal.valueOf(6))), 90_000L, OverCap.DONATE_TO_POOL, false),
                "system:demo");
        long xingfu = id("420102017002");
        budgets.fund(xingfu, new BudgetFunding(500, "demo: 2026 allocation of the community fund"), "system:demo");
        Instant yesterday9 = LocalDate.now(Times.ZONE).minusDays(1).atTime(9, 0).atZone(Times.ZONE).toInstant();
        claims.record("system:demo", ids.zhang(), home(ids.zhang()), null, "ELDERLY_VISIT", yesterday9,
                yesterday9.plus(Duration.ofMinutes(120)), "demo: visited an elderly neighbour");
        claims.record("system:demo", ids.wang(), home(ids.wang()), null, "KITCHEN", yesterday9,
                yesterday9.plus(Duration.ofMinutes(150)), "demo: community canteen");
        claims.record("system:demo", ids.li(), home(ids.li()), null, "DEFAULT",
                yesterday9.minus(Duration.ofDays(1)), yesterday9.minus(Duration.ofDays(1)).plus(Duration.ofMinutes(540)),
                "demo: a long day at the flood-prevention post (needs two reviewers)");
        LOG.info("Demo hours loaded: conversion rules, a budget for 幸福社区, three claims awaiting review");
    }

    /**
     * Stored hours spent on services (issue 13): 张晓明 and 李华 linked as family (李华 pays at most
     * 10 hours a month for him), two needs of 张晓明's open to take (one paid by 李华), and a need of
     * 李华's that 张晓明 took and reported and 李华 disputed, waiting in the queue of 后湖街道's staff.
     * The windows are the days after loading; an open need whose window has passed stays as it was.
     */
    private void loadServices(Ids ids) {
        DemoCaller zhang = DemoCaller.volunteer(ids.zhang());
        DemoCaller li = DemoCaller.volunteer(ids.li());
        FamilyLink link = family.request(zhang, ids.zhang(), ids.li(), "子女");
        family.confirm(li, ids.li(), link.id());
        family.setLimit(li, ids.li(), link.id(), 600);
        LocalDate tomorrow = LocalDate.now(Times.ZONE).plusDays(1);
        serviceRequests.create(zhang, need("MEAL_DELIVERY", "午饭送到家，不要辣", "百步亭花园 8号楼",
                tomorrow.atTime(11, 0), 60, PayerType.SELF, null));
        serviceRequests.create(zhang, need("HOSPITAL_ESCORT", "陪同去市一医院复查", "百步亭花园 8号楼",
                tomorrow.plusDays(1).atTime(8, 30), 120, PayerType.FAMILY, ids.li()));
        long disputed = serviceRequests.create(li, need("CLEANING", "打扫厨房和客厅", "幸福社区 2号楼",
                tomorrow.atTime(9, 0), 60, PayerType.SELF, null)).id();
        serviceRequests.accept(zhang, disputed);
        serviceRequests.reportCompletion(zhang, disputed, 50);
        serviceRequests.dispute(li, disputed, "只打扫了厨房");
        LOG.info("Demo services loaded: a family link, two open needs, a disputed service for 后湖街道's staff");
    }

    private static NewServiceRequest need(String category, String description, String place,
                                          java.time.LocalDateTime startsAt, int minutes, PayerType payer, Long payerId) {
        Instant start = startsAt.atZone(Times.ZONE).toInstant();
        return new NewServiceRequest(null, null, category, description, place, start,
                start.plus(Duration.ofMinutes(Math.max(minutes, 120))), minutes, payer, payerId, null);
    }

    private VolunteerProfile register(String name, String phone, String idNumber, long community) {
        return volunteers.register(new NewVolunteer(name, phone, idNumber, community), "system:demo", r -> true);
    }

    private Ids ids() {
        Map<String, Long> volunteer = volunteers.idsByPhone(List.of(ZHANG_PHONE, LI_PHONE, WANG_PHONE));
        long shouyi = id("420106004001");
        return new Ids(id("4201"), id("420102017"), shouyi, volunteer.get(ZHANG_PHONE), volunteer.get(LI_PHONE),
                volunteer.get(WANG_PHONE), shops.idNamed(shouyi, SHOP_NAME).orElseThrow());
    }

    private long id(String code) {
        return regions.withCode(code).orElseThrow().id();
    }

    private long home(long volunteer) {
        return volunteers.find(volunteer).orElseThrow().homeCommunityId();
    }
}
