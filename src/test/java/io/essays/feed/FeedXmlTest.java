package io.essays.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.SyndFeedOutput;

/** What an Atom feed can carry of an essay's text: XML 1.0 has no place for some characters JSON and HTML accept. */
class FeedXmlTest {

    @Test
    void charactersXmlCannotCarryAreLeftOutAndTheRestKept() {
        assertThat(FeedService.xml("a\u0001b\u000Cc\uFFFEd\uFFFFe\uD800f\t\n\r😀 é"))
                .isEqualTo("abcdef\t\n\r😀 é");
        assertThat(FeedService.xml("\uDC00")).isEmpty();
        assertThat(FeedService.xml(null)).isNull();
    }

    @Test
    void cleanTextIsTheSameString() {
        String text = "The Softmax Function — σ(z)ᵢ, 😀";
        assertThat(FeedService.xml(text)).isSameAs(text);
    }

    @Test
    void romeWritesWhatIsLeft() throws Exception {
        var feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setTitle("t");
        var entry = new SyndEntryImpl();
        entry.setTitle(FeedService.xml("Pasted\u000C from a PDF"));
        var content = new SyndContentImpl();
        content.setType("html");
        content.setValue(FeedService.xml("<p>one\uFFFF</p>"));
        entry.setContents(java.util.List.of(content));
        feed.setEntries(java.util.List.of(entry));

        String atom = new SyndFeedOutput().outputString(feed);

        assertThat(atom).contains("<title>Pasted from a PDF</title>").contains("&lt;p&gt;one&lt;/p&gt;");
    }
}
