package io.essays.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.junit.jupiter.api.Test;

/**
 * The analyzers' TeX filter and the British-spelling pre-test are shortcuts: the first blanks commands in place where
 * a pattern used to replace each by one space, the second skips the fold patterns for words that cannot match them.
 * Both must leave every token as it was, which these tests check against the pattern itself, over the real corpus's
 * sources and over random text.
 */
class AnalysisShortcutsTest {
    /** The reference: a TeX command or a one-character TeX escape. */
    private static final Pattern TEX_COMMAND = Pattern.compile("\\\\(?:[A-Za-z]+|[^A-Za-z\\s])");
    private static final Map<String, Analyzer> ANALYZERS = Map.of("TEXT", SearchAnalyzers.TEXT, "SURFACE",
            SearchAnalyzers.SURFACE, "WORDS", SearchAnalyzers.WORDS);
    private static final String ALPHABET = "ab zZ\\\\\\{}_,.!;'\t\n\r\u000b1é\uD835\uDEFC-";

    record Token(String term, int increment, int length, int start, int end, String type) {
    }

    @Test
    void blankingKeepsTheLengthAndBlanksExactlyWhatThePatternMatches() {
        var random = new Random(16);
        for (int i = 0; i < 20_000; i++) {
            String text = randomText(random, 1 + random.nextInt(40));
            assertThat(blanked(text)).as(text).isEqualTo(blankedByPattern(text));
        }
        assertThat(blanked("\\frac{a}{b} \\, x\\")).isEqualTo("     {a}{b}    x\\");
        assertThat(blanked("\\\\alpha \\ \\\u00e9")).isEqualTo("  alpha \\   ");
    }

    @Test
    void everyAnalyzerGivesTheTokensOfReplacingEachCommandByOneSpaceOverTheRealCorpus() throws IOException {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("content"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                texts.add(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        assertThat(texts).hasSizeGreaterThanOrEqualTo(12);
        assertThat(String.join("", texts)).contains("\\frac", "\\mathrm", "\\,");
        var random = new Random(9457);
        for (int i = 0; i < 3_000; i++) {
            texts.add(randomText(random, 1 + random.nextInt(80)));
        }
        int tokens = 0;
        for (var analyzer : ANALYZERS.entrySet()) {
            for (String text : texts) {
                List<Token> actual = tokens(analyzer.getValue(), new StringReader(text));
                assertThat(actual).as(analyzer.getKey() + " of " + abbreviated(text))
                        .isEqualTo(tokens(analyzer.getValue(), new PatternReplaceCharFilter(TEX_COMMAND, " ",
                                new StringReader(text))));
                tokens += actual.size();
            }
        }
        assertThat(tokens).isGreaterThan(100_000);
    }

    @Test
    void everyWordThePatternsFoldPassesThePreTest() throws IOException {
        Set<String> words = new LinkedHashSet<>();
        try (Stream<Path> files = Files.walk(Path.of("content"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md")).toList()) {
                tokens(SearchAnalyzers.SURFACE, new StringReader(Files.readString(file)))
                        .forEach(token -> words.add(token.term()));
            }
        }
        for (String stem : List.of("a", "ab", "abc", "normal", "col", "analy", "behavi", "hon")) {
            for (String ending : List.of("ise", "ised", "ises", "iser", "isers", "ising", "isation", "isations",
                    "isational", "isable", "yse", "ysed", "yses", "yser", "ysers", "ysing", "our", "ours", "oured",
                    "ouring", "ourable", "is", "isationss", "ourr", "ys")) {
                words.add(stem + ending);
            }
        }
        int folded = 0;
        for (String word : words) {
            if (SpellingVariantsFilter.fold(word) != null) {
                folded++;
                assertThat(SpellingVariantsFilter.mayFold(word.toCharArray(), word.length())).as(word).isTrue();
            }
        }
        assertThat(folded).isGreaterThan(100);
        assertThat(SpellingVariantsFilter.mayFold("information".toCharArray(), 11)).isFalse();
        assertThat(SpellingVariantsFilter.mayFold("hour".toCharArray(), 4)).isFalse();
    }

    private static String blanked(String text) {
        char[] chars = text.toCharArray();
        TexBlanking.blank(chars, chars.length);
        return new String(chars);
    }

    private static String blankedByPattern(String text) {
        Matcher m = TEX_COMMAND.matcher(text);
        var out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, " ".repeat(m.end() - m.start()));
        }
        return m.appendTail(out).toString();
    }

    private static String randomText(Random random, int length) {
        var text = new StringBuilder();
        while (text.length() < length) {
            int at = random.nextInt(ALPHABET.length());
            char c = ALPHABET.charAt(at);
            if (Character.isHighSurrogate(c)) {
                text.append(c).append(ALPHABET.charAt(at + 1));
            } else if (!Character.isLowSurrogate(c)) {
                text.append(c);
            }
        }
        return text.toString();
    }

    private static List<Token> tokens(Analyzer analyzer, Reader text) {
        var tokens = new ArrayList<Token>();
        try (TokenStream stream = analyzer.tokenStream(SearchIndex.BODY, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            PositionLengthAttribute length = stream.addAttribute(PositionLengthAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            TypeAttribute type = stream.addAttribute(TypeAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(new Token(term.toString(), increment.getPositionIncrement(),
                        length.getPositionLength(), offset.startOffset(), offset.endOffset(), type.type()));
            }
            stream.end();
            tokens.add(new Token("<end>", increment.getPositionIncrement(), 0, offset.startOffset(),
                    offset.endOffset(), ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    private static String abbreviated(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }
}
