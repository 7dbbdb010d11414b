package io.essays.http;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

/**
 * The HTTP methods each path of the service answers, read once from the JAX-RS annotations of its resource classes:
 * the {@code Allow} header that a 405 must carry (RFC 9110, section 15.5.6), which Quarkus REST leaves out of the 405
 * it throws. HEAD comes with every GET and OPTIONS with every path, as Quarkus REST answers both itself.
 */
@Singleton
class AllowedMethods {
    /** The order methods are listed in: the safe ones first, as in Quarkus REST's own answer to OPTIONS. */
    private static final List<String> ORDER = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final Pattern PARAMETER = Pattern.compile("\\{\\s*\\w[\\w.-]*\\s*(?::\\s*((?:[^{}]|\\{[^{}]*})+))?}");

    /** A resource method: its path template (class and method {@link Path} joined) and its HTTP method. */
    record Route(String template, String method) {
    }

    private record Compiled(Pattern path, String method) {
    }

    private final List<Compiled> routes;

    @Inject
    AllowedMethods(BeanManager beans) {
        this(routes(beans.getBeans(Object.class, Any.Literal.INSTANCE).stream().<Class<?>>map(Bean::getBeanClass)
                .filter(type -> type.isAnnotationPresent(Path.class)).distinct().toList()));
    }

    AllowedMethods(List<Route> routes) {
        this.routes = routes.stream().map(r -> new Compiled(template(r.template()), r.method())).toList();
    }

    /** The resource methods of {@code resources}, each a class annotated {@link Path}. */
    static List<Route> routes(Collection<Class<?>> resources) {
        var found = new ArrayList<Route>();
        for (Class<?> resource : resources) {
            String base = resource.getAnnotation(Path.class).value();
            for (Method method : resource.getMethods()) {
                String http = httpMethod(method);
                if (http != null) {
                    Path path = method.getAnnotation(Path.class);
                    found.add(new Route(join(base, path == null ? "" : path.value()), http));
                }
            }
        }
        return found;
    }

    /**
     * What {@code path} answers, in a stable order (GET, HEAD, ..., OPTIONS); empty when no resource has it. The path
     * is the raw one, percent-encoding kept, as routing sees it: {@code /admin%2Fimport} is not {@code /admin/import}.
     */
    Set<String> of(String path) {
        var declared = new TreeSet<String>((a, b) -> Integer.compare(rank(a), rank(b)));
        for (Compiled route : routes) {
            if (route.path().matcher(path).matches()) {
                declared.add(route.method());
            }
        }
        if (declared.isEmpty()) {
            return Set.of();
        }
        if (declared.contains("GET")) {
            declared.add("HEAD");
        }
        declared.add("OPTIONS");
        return new LinkedHashSet<>(declared);
    }

    private static int rank(String method) {
        int rank = ORDER.indexOf(method);
        return rank < 0 ? ORDER.size() : rank;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    static String join(String base, String sub) {
        String path = "/" + base.replaceAll("^/+|/+$", "") + "/" + sub.replaceAll("^/+|/+$", "");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** A JAX-RS path template as a pattern: {@code {name}} is one segment, {@code {name: regex}} its regex. */
    static Pattern template(String template) {
        var pattern = new StringBuilder();
        Matcher m = PARAMETER.matcher(template);
        int last = 0;
        while (m.find()) {
            pattern.append(Pattern.quote(template.substring(last, m.start())));
            pattern.append(m.group(1) == null ? "[^/]+" : "(?:" + m.group(1).strip() + ")");
            last = m.end();
        }
        pattern.append(Pattern.quote(template.substring(last)));
        return Pattern.compile(pattern + "/?");
    }
}
