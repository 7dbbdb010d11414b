package io.essays.search;

import java.io.Reader;
import java.util.function.Function;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.ConditionalTokenFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterIterator;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The analyzers of the search index. Every one of them first blanks out TeX commands ({@code \frac}, {@code \sum},
 * {@code \mathrm}, and one-character escapes such as {@code \,} or {@code \{}) with a character filter, so that math
 * kept as TeX in the plain text never yields tokens like "frac"; the arguments stay ({@code \mathrm{softmax}} is found
 * by "softmax"). The filter ({@link TexBlanking}) blanks them in place, so offsets and highlights point into the
 * original text.
 *
 * <p>Code identifiers are split into their parts, at index and at query time alike: {@code torch.log_softmax}
 * becomes {@code torch log softmax} at consecutive positions, so the query {@code log_softmax} (searched as the
 * phrase "log softmax") finds {@code log_softmax}, {@code F.log_softmax} and {@code torch.log_softmax}, and
 * {@code softmax} alone finds them too. Parts keep their own offsets, so highlights mark exactly what matched.
 */
final class SearchAnalyzers {
    /** Positions between the values of a multi-valued field, so that phrases never span two headings. */
    static final int POSITION_GAP = 100;
    static final CharArraySet STOP_WORDS = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;

    private static final int PARTS = WordDelimiterGraphFilter.GENERATE_WORD_PARTS
            | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS | WordDelimiterGraphFilter.STEM_ENGLISH_POSSESSIVE;

    /**
     * Text fields, at index and at query time: identifiers split into parts, stop words dropped, British spellings
     * folded onto American ones ({@link SpellingVariantsFilter}), English (Porter) stemming.
     */
    static final Analyzer TEXT = new TexStripping() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            var tokenizer = new StandardTokenizer();
            TokenStream stream = delimited(tokenizer, in -> new WordDelimiterGraphFilter(in, true,
                    WordDelimiterIterator.DEFAULT_WORD_DELIM_TABLE, PARTS, null));
            stream = new ASCIIFoldingFilter(new LowerCaseFilter(stream));
            stream = new StopFilter(stream, STOP_WORDS);
            return new TokenStreamComponents(tokenizer, new PorterStemFilter(new SpellingVariantsFilter(stream)));
        }
    };

    /**
     * Words as written (lowercased, not stemmed, no stop words), identifiers whole and their parts: the vocabulary for
     * prefix expansion, spelling suggestions and term completion.
     */
    static final Analyzer SURFACE = new TexStripping() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            var tokenizer = new StandardTokenizer();
            TokenStream stream = delimited(tokenizer, in -> new FlattenGraphFilter(
                    new WordDelimiterGraphFilter(in, PARTS | WordDelimiterGraphFilter.PRESERVE_ORIGINAL, null)));
            stream = new ASCIIFoldingFilter(new LowerCaseFilter(stream));
            return new TokenStreamComponents(tokenizer, new StopFilter(stream, STOP_WORDS));
        }
    };

    /**
     * Words as written, never split, no stop words removed: titles and headings for search-as-you-type, and the word
     * before a trailing {@code *} in a query.
     */
    static final Analyzer WORDS = new TexStripping() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            var tokenizer = new StandardTokenizer();
            return new TokenStreamComponents(tokenizer, new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer)));
        }
    };

    private SearchAnalyzers() {
    }

    /** Applies {@code split} only to tokens with a character other than a letter or digit: most words skip it. */
    private static TokenStream delimited(TokenStream in, Function<TokenStream, TokenStream> split) {
        return new ConditionalTokenFilter(in, split) {
            private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

            @Override
            protected boolean shouldFilter() {
                char[] buffer = term.buffer();
                for (int i = 0; i < term.length(); i++) {
                    if (!Character.isLetterOrDigit(buffer[i])) {
                        return true;
                    }
                }
                return false;
            }
        };
    }

    /** Blanks TeX commands before tokenizing; keeps multi-valued fields apart. */
    private abstract static class TexStripping extends Analyzer {
        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            return new TexBlanking(reader);
        }

        @Override
        public int getPositionIncrementGap(String fieldName) {
            return POSITION_GAP;
        }
    }
}
