package org.timebank.openapi;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.timebank.common.OpenApiProblems;

/**
 * The finishing touches of the OpenAPI document clients generate their code from, registered
 * with {@code mp.openapi.filter}: the problem responses every operation can give, then the
 * properties every response object always carries.
 */
public class ApiDocument implements OASFilter {
    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        new OpenApiProblems().filterOpenAPI(openAPI);
        RequiredProperties.apply(openAPI);
    }
}
