/**
 * HTTP delivery: precomputed representations, ETags and conditional requests, gzip, problem+json, CORS for shared
 * caches, request limits, and the fast path.
 *
 * <h2>Errors</h2>
 * Services and parsers speak the domain: they throw {@link io.essays.DomainException} (unknown resource, invalid
 * parameter, no corpus yet, invalid sync token, sync restart required) and know nothing of HTTP.
 * {@link io.essays.http.ProblemMappers} is the one place that turns each kind into an RFC 9457 problem+json response
 * (status, type, title; the exception's message is the detail). Resources, which are HTTP already, may throw
 * {@link io.essays.http.ProblemException} for what only they know (a 401 challenge, a 416 range). This package imports
 * no feature package ({@code PackageDependenciesTest}).
 *
 * <h2>The fast-path invariant</h2>
 * A body bound to a URI is a pure function of that URI and the corpus release. {@link io.essays.http.FastPath}
 * answers a bound URI for every client from the second request on, before JAX-RS, filters or security run; so a
 * response that depends on anything else (a header, a cookie, authentication, the time) must never be bound.
 * Binding is therefore opt-in: only resource methods annotated {@link io.essays.http.FastPathBindable} bind, and only
 * for URIs whose query parameters are all declared by the method, each once. Everything else, errors included, goes
 * through JAX-RS on every request.
 *
 * <h2>Bounded memory</h2>
 * Representations are cached per release under canonical keys (sorted {@code fields}, defaults filled in), so the
 * many spellings of one request share one body. Bodies and URI bindings live in one Caffeine cache per release
 * ({@link io.essays.http.ResponseCache}) bounded by {@code essays.http.cache-budget} bytes; search responses have a
 * cache of their own with {@code essays.http.search-cache-budget}.
 */
package io.essays.http;
