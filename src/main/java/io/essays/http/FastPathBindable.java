package io.essays.http;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Opts a GET resource method in to {@link FastPath}: its 200 and 304 responses bind the request URI, so later requests
 * for that URI are answered from the cached representation without running the method.
 *
 * <p>Put it only on a method whose body and headers are a pure function of the request URI (path and the method's
 * own {@code @QueryParam}s) and the corpus release: nothing read from other headers, cookies, authentication, the
 * clock or any state outside the release. Content negotiation ({@code Accept}, {@code Accept-Encoding}) and
 * conditional requests are handled by the fast path itself. A URI carrying a query parameter the method does not
 * declare, or one declared twice, is never bound (it is still answered, by JAX-RS).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface FastPathBindable {
}
