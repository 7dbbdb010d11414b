package io.essays.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.vertx.ext.web.MIMEHeader;
import io.vertx.ext.web.ParsedHeaderValue;
import io.vertx.ext.web.impl.HeaderParser;
import io.vertx.ext.web.impl.ParsableHeaderValue;
import io.vertx.ext.web.impl.ParsableMIMEValue;

/** Negotiation rules over headers parsed the way Vert.x parses them for a request. */
class ConditionalTest {

    private static List<ParsedHeaderValue> encodings(String header) {
        return HeaderParser.sort(HeaderParser.convertToParsedHeaderValues(header, ParsableHeaderValue::new));
    }

    private static List<MIMEHeader> accept(String header) {
        return HeaderParser.sort(HeaderParser.convertToParsedHeaderValues(header, ParsableMIMEValue::new));
    }

    @Test
    void gzipRefusedByNameIsNotAcceptedThroughAWildcard() {
        assertThat(Conditional.acceptsGzip(encodings("gzip;q=0, *"))).isFalse();
        assertThat(Conditional.acceptsGzip(encodings("*, gzip;q=0"))).isFalse();
    }

    @Test
    void gzipIsAcceptedByNameOrByAWildcard() {
        assertThat(Conditional.acceptsGzip(encodings("gzip"))).isTrue();
        assertThat(Conditional.acceptsGzip(encodings("br;q=1, gzip;q=0.8"))).isTrue();
        assertThat(Conditional.acceptsGzip(encodings("*"))).isTrue();
        assertThat(Conditional.acceptsGzip(encodings("GZip;q=0.5"))).isTrue();
        assertThat(Conditional.acceptsGzip(encodings("x-gzip"))).isTrue();
    }

    @Test
    void identityWeightedAboveGzipIsPreferredAndATieGoesToGzip() {
        assertThat(Conditional.acceptsGzip(encodings("gzip;q=0.5, identity;q=1"))).isFalse();
        assertThat(Conditional.acceptsGzip(encodings("*;q=1, gzip;q=0.5"))).as("identity weighted by *").isFalse();
        assertThat(Conditional.acceptsGzip(encodings("gzip;q=0.5, identity;q=0.5"))).isTrue();
        assertThat(Conditional.acceptsGzip(encodings("identity;q=0.9, *"))).isTrue();
        assertThat(Conditional.acceptsGzip(encodings("gzip, deflate, br"))).as("identity unlisted").isTrue();
    }

    @Test
    void noHeaderOrOtherCodingsMeanIdentity() {
        assertThat(Conditional.acceptsGzip(List.of())).isFalse();
        assertThat(Conditional.acceptsGzip(encodings("identity"))).isFalse();
        assertThat(Conditional.acceptsGzip(encodings("br, deflate"))).isFalse();
        assertThat(Conditional.acceptsGzip(encodings("*;q=0"))).isFalse();
        assertThat(Conditional.acceptsGzip(encodings("gzip;q=0"))).isFalse();
    }

    @Test
    void theMostSpecificAcceptRangeDecides() {
        assertThat(Conditional.accepts(accept("application/json;q=0, */*"), "application/json")).isFalse();
        assertThat(Conditional.accepts(accept("application/*;q=0, */*"), "application/json")).isFalse();
        assertThat(Conditional.accepts(accept("*/*;q=0, application/json"), "application/json")).isTrue();
        assertThat(Conditional.accepts(accept("application/json;q=0, application/*"), "application/json")).isFalse();
        assertThat(Conditional.accepts(accept("text/*;q=0.2, application/json;q=0"), "text/html; charset=utf-8")).isTrue();
    }

    @Test
    void acceptAdmitsMatchingRangesAndRefusesOthers() {
        assertThat(Conditional.accepts(List.of(), "application/json")).isTrue();
        assertThat(Conditional.accepts(accept("*/*"), "text/markdown; charset=utf-8")).isTrue();
        assertThat(Conditional.accepts(accept("application/*;q=0.5"), "application/json")).isTrue();
        assertThat(Conditional.accepts(accept("Application/JSON"), "application/json")).isTrue();
        assertThat(Conditional.accepts(accept("text/html;charset=utf-8"), "text/html; charset=utf-8")).isTrue();
        assertThat(Conditional.accepts(accept("application/xml"), "application/json")).isFalse();
        assertThat(Conditional.accepts(accept("text/*"), "application/json")).isFalse();
        assertThat(Conditional.accepts(accept("*/*;q=0"), "application/json")).isFalse();
    }

    @Test
    void theGenericSyntaxOfAStructuredSuffixAdmitsTheSpecificType() {
        String atom = "application/atom+xml; charset=utf-8";
        assertThat(Conditional.accepts(accept("application/xml"), atom)).isTrue();
        assertThat(Conditional.accepts(accept("text/xml"), atom)).isTrue();
        assertThat(Conditional.accepts(accept("application/json"), "application/feed+json")).isTrue();
        // the suffix's range ranks between the type's own name and type/*: the more specific one decides
        assertThat(Conditional.accepts(accept("application/atom+xml;q=0, application/xml"), atom)).isFalse();
        assertThat(Conditional.accepts(accept("application/*;q=0, application/xml;q=0.5"), atom)).isTrue();
        assertThat(Conditional.accepts(accept("application/*;q=0, application/xml"), atom)).isTrue();
        // a suffix admits only its own syntax, and text/ only for XML
        assertThat(Conditional.accepts(accept("application/json"), atom)).isFalse();
        assertThat(Conditional.accepts(accept("text/json"), "application/feed+json")).isFalse();
        assertThat(Conditional.accepts(accept("application/xml"), "application/json")).isFalse();
        assertThat(Conditional.accepts(accept("application/json"), "application/xml; charset=utf-8")).isFalse();
        // only application/ types: an SVG image is not served to a client that asked for an XML document
        assertThat(Conditional.accepts(accept("text/xml"), "image/svg+xml")).isFalse();
        assertThat(Conditional.accepts(accept("application/xml"), "image/svg+xml")).isFalse();
    }

    @Test
    void theGenericSyntaxOfAStructuredSuffixOnlyAdmitsAndNeverRefuses() {
        String atom = "application/atom+xml; charset=utf-8";
        // RFC 9110 does not match application/xml to Atom at all, so refusing it leaves the wildcards to decide
        assertThat(Conditional.accepts(accept("application/xml;q=0, */*"), atom)).isTrue();
        assertThat(Conditional.accepts(accept("text/xml;q=0, application/*"), atom)).isTrue();
        assertThat(Conditional.accepts(accept("application/json;q=0, */*"), "application/feed+json")).isTrue();
        assertThat(Conditional.accepts(accept("text/xml;q=0, */*"), "image/svg+xml")).isTrue();
        // and a refusal of the wildcard stands
        assertThat(Conditional.accepts(accept("application/xml;q=0, application/*;q=0"), atom)).isFalse();
        assertThat(Conditional.accepts(accept("application/xml;q=0"), atom)).isFalse();
    }

    @Test
    void qvaluesHaveThreeDecimalsSoTheSmallestStillAdmits() {
        // RFC 9110 §12.4.2: 0.001 is the least acceptable weight (Vert.x alone reads two decimals: 0.005 becomes 0)
        assertThat(Conditional.accepts(accept("application/json;q=0.005"), "application/json")).isTrue();
        assertThat(Conditional.accepts(accept("application/json;q=0.001"), "application/json")).isTrue();
        assertThat(Conditional.accepts(accept("application/json;q=0.000, */*"), "application/json")).isFalse();
        assertThat(Conditional.accepts(accept("application/json;Q=0.009"), "application/json")).isTrue();
        assertThat(Conditional.acceptsGzip(encodings("gzip;q=0.005"))).isTrue();
        assertThat(Conditional.acceptsGzip(encodings("gzip;q=0.006, identity;q=0.005"))).as("three decimals compared")
                .isTrue();
        // a malformed qvalue keeps the parser's reading of it
        assertThat(Conditional.accepts(accept("application/json;q=abc"), "application/json")).isTrue();
    }

    @Test
    void whitespaceBeforeAParameterIsAllowed() {
        // RFC 9110 §5.6.6: parameters = *( OWS ";" OWS [ parameter ] )
        assertThat(Conditional.accepts(accept("application/json ;q=0.5"), "application/json")).isTrue();
        assertThat(Conditional.accepts(accept("application/json ; charset=utf-8"), "application/json")).isTrue();
        assertThat(Conditional.accepts(accept("text/html, application/json ;q=0.9"), "application/json")).isTrue();
        assertThat(Conditional.accepts(accept("application/json ;q=0, */*"), "application/json")).isFalse();
    }
}
