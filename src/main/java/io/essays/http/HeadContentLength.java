package io.essays.http;

import java.nio.charset.StandardCharsets;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * A HEAD answered through JAX-RS carries the {@code Content-Length} its GET would send (RFC 9110 §9.3.2), as the fast
 * path's and {@link ContentResponses}' answers do: Quarkus REST drops a HEAD's body and sends no length. This covers
 * the rest, the uncached answers ({@code /releases}, the admin's) and problems, whose bodies are small: a JSON entity
 * is serialized here by the mapper that writes the GET's.
 */
public class HeadContentLength {
    private final ObjectMapper mapper;

    HeadContentLength(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @ServerResponseFilter
    public void lengthOfTheGet(ContainerRequestContext request, ContainerResponseContext response)
            throws JsonProcessingException {
        if (!"HEAD".equals(request.getMethod()) || !response.hasEntity()
                || response.getHeaders().containsKey(HttpHeaders.CONTENT_LENGTH)) {
            return;
        }
        Object entity = response.getEntity();
        long length;
        if (entity instanceof byte[] bytes) {
            length = bytes.length;
        } else if (entity instanceof String text) {
            length = text.getBytes(StandardCharsets.UTF_8).length;
        } else if (json(response.getMediaType())) {
            length = mapper.writeValueAsBytes(entity).length;
        } else {
            return;
        }
        response.getHeaders().putSingle(HttpHeaders.CONTENT_LENGTH, length);
    }

    private static boolean json(MediaType type) {
        return type != null && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"));
    }
}
