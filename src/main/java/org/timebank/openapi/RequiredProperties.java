package org.timebank.openapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.timebank.common.Page;
import org.timebank.common.Problem;
import org.timebank.common.ProblemError;
import org.timebank.expiry.api.ExpiryViews;
import org.timebank.hours.api.ActivityViews;
import org.timebank.hours.api.BudgetViews;
import org.timebank.hours.api.HoursViews;
import org.timebank.leaderboard.api.LeaderboardViews;
import org.timebank.ledger.api.LedgerRequests;
import org.timebank.ledger.api.Views;
import org.timebank.me.api.MeViews;
import org.timebank.redemption.api.RedemptionRuleViews;
import org.timebank.redemption.api.RedemptionViews;
import org.timebank.region.api.RegionView;
import org.timebank.servicerequest.api.HoursLiabilityResource;
import org.timebank.servicerequest.api.ServiceRequestViews;
import org.timebank.transfer.api.TransferViews;
import org.timebank.family.api.FamilyLinkViews;
import org.timebank.volunteer.api.VolunteerViews;

/**
 * Lists, on every object a response carries, the properties it always has, so that a client
 * generated from the document gets fields, not optional ones. Which those are is read from the
 * Java record behind the schema: every component of a record that writes its nulls (they are then
 * present, as null where the schema says nullable), and the primitive components of one that
 * leaves nulls out ({@code @JsonInclude(NON_NULL)}). Request bodies keep what their validation
 * says.
 */
final class RequiredProperties {
    private static final String REF = "#/components/schemas/";

    /** The records the API answers with, by themselves or as the holders of nested ones. */
    static final List<Class<?>> VIEWS = List.of(Page.class, Problem.class, ProblemError.class, ExpiryViews.class,
            ActivityViews.class, BudgetViews.class, HoursViews.class, LeaderboardViews.class, Views.class, LedgerRequests.class,
            RedemptionRuleViews.class, RedemptionViews.class, RegionView.class, TransferViews.class,
            VolunteerViews.class, MeViews.class, ServiceRequestViews.class, HoursLiabilityResource.class,
            FamilyLinkViews.class);

    private RequiredProperties() {}

    static void apply(OpenAPI api) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        Map<String, Class<?>> records = new HashMap<>();
        for (Class<?> holder : VIEWS) {
            collect(holder, records);
        }
        for (String name : answered(api, schemas)) {
            Schema schema = schemas.get(name);
            Class<?> type = records.get(name);
            if (type == null && name.startsWith("Page")) {
                type = Page.class; // Page<T> is named after its items: PageActivity, PageHourClaim, ...
            }
            if (type == null || schema.getProperties() == null || schema.getProperties().isEmpty()) {
                continue;
            }
            boolean writesNulls = writesNulls(type);
            // what a component's own @Schema(required = true) says stands; this adds to it
            List<String> required = new ArrayList<>(schema.getRequired() == null ? List.of() : schema.getRequired());
            for (RecordComponent c : type.getRecordComponents()) {
                String property = propertyName(c);
                if (schema.getProperties().containsKey(property) && (writesNulls || c.getType().isPrimitive())
                        && !required.contains(property)) {
                    required.add(property);
                }
            }
            if (!required.isEmpty()) {
                schema.setRequired(required);
            }
        }
    }

    /** A record and the records nested in it, by the name their schema has. */
    private static void collect(Class<?> type, Map<String, Class<?>> records) {
        if (type.isRecord()) {
            org.eclipse.microprofile.openapi.annotations.media.Schema named =
                    type.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
            String name = named != null && !named.name().isEmpty() ? named.name() : type.getSimpleName();
            records.putIfAbsent(name, type);
        }
        for (Class<?> nested : type.getDeclaredClasses()) {
            collect(nested, records);
        }
    }

    private static boolean writesNulls(Class<?> type) {
        JsonInclude include = type.getAnnotation(JsonInclude.class);
        return include == null || include.value() == JsonInclude.Include.ALWAYS
                || include.value() == JsonInclude.Include.USE_DEFAULTS;
    }

    private static String propertyName(RecordComponent c) {
        JsonProperty renamed = c.getAccessor().getAnnotation(JsonProperty.class);
        if (renamed == null) {
            renamed = c.getAnnotation(JsonProperty.class);
        }
        return renamed != null && !renamed.value().isEmpty() ? renamed.value() : c.getName();
    }

    /** The schemas a 2xx response carries, directly or inside one another. */
    private static Set<String> answered(OpenAPI api, Map<String, Schema> schemas) {
        Deque<Schema> todo = new ArrayDeque<>();
        if (api.getPaths() != null) {
            for (PathItem item : api.getPaths().getPathItems().values()) {
                for (Operation op : item.getOperations().values()) {
                    if (op.getResponses() == null || op.getResponses().getAPIResponses() == null) {
                        continue;
                    }
                    for (Map.Entry<String, APIResponse> r : op.getResponses().getAPIResponses().entrySet()) {
                        if (r.getKey().startsWith("2") && r.getValue().getContent() != null
                                && r.getValue().getContent().getMediaTypes() != null) {
                            for (MediaType media : r.getValue().getContent().getMediaTypes().values()) {
                                if (media.getSchema() != null) {
                                    todo.add(media.getSchema());
                                }
                            }
                        }
                    }
                }
            }
        }
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            Schema s = todo.pop();
            if (s.getRef() != null && s.getRef().startsWith(REF)) {
                String name = s.getRef().substring(REF.length());
                if (seen.add(name) && schemas.containsKey(name)) {
                    todo.add(schemas.get(name));
                }
            }
            if (s.getItems() != null) {
                todo.add(s.getItems());
            }
            if (s.getProperties() != null) {
                todo.addAll(s.getProperties().values());
            }
            for (List<Schema> group : java.util.Arrays.asList(s.getAllOf(), s.getAnyOf(), s.getOneOf())) {
                if (group != null) {
                    todo.addAll(group);
                }
            }
            if (s.getAdditionalPropertiesSchema() != null) {
                todo.add(s.getAdditionalPropertiesSchema());
            }
        }
        return seen;
    }
}
