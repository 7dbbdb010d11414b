package io.essays.http;

import java.util.List;
import java.util.Map;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.essays.DomainException;
import jakarta.ws.rs.core.UriInfo;

/**
 * Every query parameter of this API takes one value (lists are comma-separated within it, as {@code fields=}), so a
 * parameter given twice ({@code ?series=a&series=b}) is a 400 naming it, never the first value taken silently and the
 * second thrown away. Runs after matching, so an unknown path is still a 404 and a wrong method a 405. The fast path
 * never serves such a URI: it binds only URIs whose parameters are each given once ({@link ContentResponses}).
 */
public class RepeatedQueryParameters {

    @ServerRequestFilter
    public void refuseRepeated(UriInfo uri) {
        for (Map.Entry<String, List<String>> parameter : uri.getQueryParameters().entrySet()) {
            if (parameter.getValue().size() > 1) {
                throw new DomainException.InvalidParameter("'" + parameter.getKey() + "' is given "
                        + parameter.getValue().size() + " times; it takes one value (a list is comma-separated within "
                        + "it, as in fields=slug,title)");
            }
        }
    }
}
