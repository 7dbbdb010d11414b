package io.essays.http;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.essays.DomainException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

/**
 * Every query parameter of this API takes one value (lists are comma-separated within it, as {@code fields=}), so a
 * parameter the operation takes given twice ({@code ?series=a&series=b}) is a 400 naming it, never the first value
 * taken silently and the second thrown away. Parameters the operation does not take are ignored, once or repeated
 * ({@code ?utm_source=a&utm_source=b}), so every operation that can answer this 400 lists query parameters in the
 * spec, and lists the 400. Runs after matching, so an unknown path is still a 404 and a wrong method a 405. The fast
 * path never serves such a URI: it binds only URIs whose parameters are each given once ({@link ContentResponses}).
 */
public class RepeatedQueryParameters {

    @ServerRequestFilter
    public void refuseRepeated(UriInfo uri, ResourceInfo resource) {
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        if (query.isEmpty()) {
            return;
        }
        Method method = resource.getResourceMethod();
        Set<String> declared = method == null ? Set.of() : DeclaredQueryParameters.of(method);
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            if (parameter.getValue().size() > 1 && declared.contains(parameter.getKey())) {
                throw new DomainException.InvalidParameter("'" + parameter.getKey() + "' is given "
                        + parameter.getValue().size() + " times; it takes one value (a list is comma-separated within "
                        + "it, as in fields=slug,title)");
            }
        }
    }
}
