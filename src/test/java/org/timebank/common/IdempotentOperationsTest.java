package org.timebank.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ws.rs.HeaderParam;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Stored keys are bound to an operation name; these are the names every write had when each
 * resource spelt its own, so the derived names must stay exactly these for stored keys to match.
 */
class IdempotentOperationsTest {
    /** Resource method, as class#method, to the operation name of id 7 and whether a key is required. */
    static final Map<String, String> OPERATIONS = new TreeMap<>(Map.ofEntries(
            Map.entry("org.timebank.auth.api.SelfRegistrationResource#put", "PUT /regions/7/self-registration"),
            Map.entry("org.timebank.expiry.api.PointsExpiryResource#put", "PUT /regions/7/points-expiry"),
            Map.entry("org.timebank.family.api.FamilyLinkResource#request", "POST /volunteers/7/family-links"),
            Map.entry("org.timebank.family.api.FamilyLinkResource#confirm", "POST /volunteers/7/family-links/7/confirmation"),
            Map.entry("org.timebank.family.api.FamilyLinkResource#remove", "POST /volunteers/7/family-links/7/removal"),
            Map.entry("org.timebank.family.api.FamilyLinkResource#setLimit", "PUT /volunteers/7/family-links/7/payment-limit"),
            Map.entry("org.timebank.hours.api.ActivityResource#create", "POST /activities"),
            Map.entry("org.timebank.hours.api.ActivityResource#enroll", "POST /activities/7/enrollments"),
            Map.entry("org.timebank.hours.api.ActivityResource#attend", "POST /activities/7/attendance"),
            Map.entry("org.timebank.hours.api.ActivityResource#issueCode", "POST /activities/7/checkin-codes"),
            Map.entry("org.timebank.hours.api.ActivityResource#checkIn", "POST /activities/7/check-ins"),
            Map.entry("org.timebank.hours.api.HourClaimResource#submit", "POST /hour-claims"),
            Map.entry("org.timebank.hours.api.HourClaimResource#decide", "POST /hour-claims/7/decision"),
            Map.entry("org.timebank.hours.api.HourClaimResource#decideMany", "POST /hour-claims/decisions"),
            Map.entry("org.timebank.hours.api.HourClaimResource#reverse", "POST /hour-claims/7/reversal"),
            Map.entry("org.timebank.hours.api.RegionHoursResource#putRules", "PUT /regions/7/conversion-rules"),
            Map.entry("org.timebank.hours.api.RegionHoursResource#fund", "POST /regions/7/budget-fundings (key required)"),
            Map.entry("org.timebank.ledger.api.LedgerResource#adjust", "POST /ledger/adjustments (key required)"),
            Map.entry("org.timebank.ledger.api.LedgerResource#importOpeningBalances", "POST /ledger/imports (key required)"),
            Map.entry("org.timebank.ledger.api.LedgerResource#reverse", "POST /ledger/transactions/7/reversal (key required)"),
            Map.entry("org.timebank.notice.api.NoticeSubscriptionResource#record", "POST /volunteers/7/notice-subscriptions (key required)"),
            Map.entry("org.timebank.notice.api.NoticeWebhookResource#put", "PUT /regions/7/notice-webhook"),
            Map.entry("org.timebank.notice.api.PointsExpiryNoticeResource#put", "PUT /regions/7/points-expiry-notice"),
            Map.entry("org.timebank.redemption.api.RedemptionResource#redeem", "POST /redemptions"),
            Map.entry("org.timebank.redemption.api.RedemptionResource#capture", "POST /redemptions/7/capture"),
            Map.entry("org.timebank.redemption.api.RedemptionResource#voidHeld", "POST /redemptions/7/void"),
            Map.entry("org.timebank.redemption.api.RedemptionResource#refund", "POST /redemptions/7/refund (key required)"),
            Map.entry("org.timebank.redemption.api.RedemptionRuleResource#put", "PUT /regions/7/redemption-rules"),
            Map.entry("org.timebank.redemption.api.ShopResource#create", "POST /shops"),
            Map.entry("org.timebank.redemption.api.ShopResource#putItems", "PUT /shops/7/items"),
            Map.entry("org.timebank.region.api.RegionResource#create", "POST /regions"),
            Map.entry("org.timebank.servicerequest.api.ServiceEligibilityResource#put", "PUT /volunteers/7/service-eligibility"),
            Map.entry("org.timebank.servicerequest.api.ServiceProfileResource#put", "PUT /volunteers/7/service-profile"),
            Map.entry("org.timebank.servicerequest.api.ServiceRequestResource#create", "POST /service-requests"),
            Map.entry("org.timebank.servicerequest.api.ServiceRequestResource#accept", "POST /service-requests/7/acceptance (key required)"),
            Map.entry("org.timebank.servicerequest.api.ServiceRequestResource#cancel", "POST /service-requests/7/cancellation"),
            Map.entry("org.timebank.servicerequest.api.ServiceRequestResource#noShow", "POST /service-requests/7/no-show"),
            Map.entry("org.timebank.servicerequest.api.ServiceRequestResource#complete", "POST /service-requests/7/completion"),
            Map.entry("org.timebank.servicerequest.api.ServiceRequestResource#confirm", "POST /service-requests/7/confirmation (key required)"),
            Map.entry("org.timebank.servicerequest.api.ServiceRequestResource#dispute", "POST /service-requests/7/dispute"),
            Map.entry("org.timebank.servicerequest.api.ServiceRequestResource#resolve", "POST /service-requests/7/resolution (key required)"),
            Map.entry("org.timebank.servicerequest.api.ServiceRuleResource#put", "PUT /regions/7/service-rules"),
            Map.entry("org.timebank.transfer.api.PoolResource#grant", "POST /regions/7/pool-grants (key required)"),
            Map.entry("org.timebank.transfer.api.PoolResource#putRules", "PUT /regions/7/transfer-rules"),
            Map.entry("org.timebank.transfer.api.TransferResource#transfer", "POST /transfers (key required)"),
            Map.entry("org.timebank.volunteer.api.VolunteerResource#create", "POST /volunteers"),
            Map.entry("org.timebank.volunteer.api.VolunteerResource#move", "POST /volunteers/7/moves")));

    @Test
    void every_idempotent_write_keeps_the_operation_name_and_key_rule_it_had() {
        assertEquals(OPERATIONS, derived(id -> "7"));
    }

    @Test
    void a_numeric_path_parameter_is_named_as_the_number_the_method_received() {
        assertEquals(OPERATIONS, derived(id -> "007"));
    }

    @Test
    void every_method_that_takes_an_idempotency_key_is_idempotent_and_the_other_way_round() {
        Map<String, Boolean> mismatched = new TreeMap<>();
        for (Method method : serviceMethods()) {
            boolean takesKey = Arrays.stream(method.getParameters()).anyMatch(IdempotentOperationsTest::isKey);
            if (takesKey != method.isAnnotationPresent(Idempotent.class)) {
                mismatched.put(name(method), takesKey);
            }
        }
        assertEquals(Map.of(), mismatched, "methods taking an Idempotency-Key (true) or not (false) against @Idempotent");
    }

    private static Map<String, String> derived(java.util.function.UnaryOperator<String> id) {
        Map<String, String> derived = new TreeMap<>();
        for (Method method : serviceMethods()) {
            Idempotent idempotent = method.getAnnotation(Idempotent.class);
            if (idempotent != null) {
                derived.put(name(method), Idempotency.operation(method.getDeclaringClass(), method, id)
                        + (idempotent.keyRequired() ? " (key required)" : ""));
            }
        }
        return derived;
    }

    private static boolean isKey(Parameter p) {
        HeaderParam header = p.getAnnotation(HeaderParam.class);
        return header != null && header.value().equals(Idempotency.HEADER);
    }

    private static String name(Method method) {
        return method.getDeclaringClass().getName() + "#" + method.getName();
    }

    private static Iterable<Method> serviceMethods() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.timebank").stream()
                .map(JavaClass::reflect)
                .flatMap(c -> Arrays.stream(c.getDeclaredMethods()))
                .toList();
    }
}
