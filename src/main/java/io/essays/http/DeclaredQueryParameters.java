package io.essays.http;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.QueryParam;

/** The query parameters a resource method declares ({@code @QueryParam} names), read once per method. */
final class DeclaredQueryParameters {
    private static final Map<Method, Set<String>> NAMES = new ConcurrentHashMap<>();

    private DeclaredQueryParameters() {
    }

    static Set<String> of(Method method) {
        return NAMES.computeIfAbsent(method, DeclaredQueryParameters::read);
    }

    private static Set<String> read(Method method) {
        var names = new HashSet<String>();
        for (Parameter p : method.getParameters()) {
            QueryParam q = p.getAnnotation(QueryParam.class);
            if (q != null) {
                names.add(q.value());
            }
        }
        return Set.copyOf(names);
    }
}
