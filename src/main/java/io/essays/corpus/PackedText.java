package io.essays.corpus;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A long text the snapshot holds for every essay but serves only on a cache miss (an essay's source and HTML): UTF-8,
 * deflated when that saves at least an eighth. Requests are answered from the response cache, which holds encoded
 * bodies, so a text is unpacked once per representation built, not per request; meanwhile 10,000 essays' bodies take
 * about half the heap (a third or less for real prose). Deflate at its fastest level: packing a release's bodies costs
 * about a second of CPU per 100 MB on load, unpacking one essay a few tens of microseconds.
 */
public final class PackedText {
    /** Shorter texts are kept as UTF-8: deflating them saves too little to pay for the unpacking. */
    static final int MIN_PACKED = 512;
    private static final ThreadLocal<Deflater> DEFLATERS = ThreadLocal.withInitial(() -> new Deflater(Deflater.BEST_SPEED, true));
    private static final ThreadLocal<Inflater> INFLATERS = ThreadLocal.withInitial(() -> new Inflater(true));
    /** Per thread: the text last unpacked by {@link #text()} and it, {@code {PackedText, String}}. */
    private static final ThreadLocal<Object[]> LAST = ThreadLocal.withInitial(() -> new Object[2]);

    private final byte[] bytes;
    /** The UTF-8 length when {@link #bytes} is deflated; -1 when it is the UTF-8 itself. */
    private final int utf8Length;
    /** The text whose UTF-8 was deflate's preset dictionary, or null. */
    private final PackedText dictionary;

    private PackedText(byte[] bytes, int utf8Length, PackedText dictionary) {
        this.bytes = bytes;
        this.utf8Length = utf8Length;
        this.dictionary = dictionary;
    }

    /** {@code text} packed, or null for null. */
    public static PackedText of(String text) {
        return of(text, null);
    }

    /**
     * {@code text} packed with {@code like} as deflate's preset dictionary (its last 32 KB), for a text that mostly
     * repeats another one held anyway: an essay's HTML with math as TeX beside the one with MathML packs to a few
     * hundred bytes instead of a second copy. Unpacking it unpacks {@code like} too. Null for null.
     */
    public static PackedText of(String text, PackedText like) {
        if (text == null) {
            return null;
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (utf8.length < MIN_PACKED) {
            return new PackedText(utf8, -1, null);
        }
        byte[] preset = like == null ? null : like.utf8();
        Deflater deflater = DEFLATERS.get();
        deflater.reset();
        if (preset != null) {
            deflater.setDictionary(preset);
        }
        deflater.setInput(utf8);
        deflater.finish();
        int worthIt = utf8.length - utf8.length / 8;
        byte[] out = new byte[worthIt];
        int n = 0;
        while (!deflater.finished() && n < out.length) {
            n += deflater.deflate(out, n, out.length - n);
        }
        if (!deflater.finished()) {
            return new PackedText(utf8, -1, null);
        }
        return new PackedText(Arrays.copyOf(out, n), utf8.length, like);
    }

    /**
     * The text as the database stores it, so that a release is packed once, at import: the UTF-8 length as four bytes,
     * big-endian ({@code -1} when the bytes are the UTF-8 itself), then the bytes held. A text packed against a
     * dictionary needs the same dictionary back ({@link #stored(byte[], PackedText)}).
     */
    public byte[] stored() {
        byte[] stored = new byte[4 + bytes.length];
        ByteBuffer.wrap(stored).putInt(utf8Length).put(bytes);
        return stored;
    }

    /**
     * A text from its {@link #stored()} form; {@code dictionary} is the text it was packed against, or null. Null for
     * null.
     *
     * @throws IllegalArgumentException when {@code stored} is not a stored text
     */
    public static PackedText stored(byte[] stored, PackedText dictionary) {
        if (stored == null) {
            return null;
        }
        if (stored.length < 4) {
            throw new IllegalArgumentException("a stored text has at least 4 bytes, not " + stored.length);
        }
        int utf8Length = ByteBuffer.wrap(stored).getInt();
        if (utf8Length < -1) {
            throw new IllegalArgumentException("a stored text's length is -1 or more, not " + utf8Length);
        }
        byte[] bytes = Arrays.copyOfRange(stored, 4, stored.length);
        return utf8Length < 0 ? new PackedText(bytes, -1, null) : new PackedText(bytes, utf8Length, dictionary);
    }

    /**
     * The text, exactly as packed. Each thread keeps the last text it unpacked, so that cutting several ranges out of
     * one text (the sections of an essay, as search does) unpacks it once.
     */
    public String text() {
        Object[] last = LAST.get();
        if (last[0] == this) {
            return (String) last[1];
        }
        String text = new String(utf8(), StandardCharsets.UTF_8);
        last[0] = this;
        last[1] = text;
        return text;
    }

    /** The text as UTF-8 (a fresh array when packed, else the one held: not to be modified). */
    byte[] utf8() {
        if (utf8Length < 0) {
            return bytes;
        }
        // the dictionary first: unpacking it uses this thread's inflater too
        byte[] preset = dictionary == null ? null : dictionary.utf8();
        Inflater inflater = INFLATERS.get();
        inflater.reset();
        if (preset != null) {
            inflater.setDictionary(preset);
        }
        inflater.setInput(bytes);
        byte[] out = new byte[utf8Length];
        try {
            int n = 0;
            while (n < out.length) {
                int read = inflater.inflate(out, n, out.length - n);
                if (read == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalStateException("packed text ends after " + n + " of " + utf8Length + " bytes");
                }
                n += read;
            }
        } catch (DataFormatException e) {
            throw new IllegalStateException("packed text is not deflate data", e);
        }
        return out;
    }

    /** Whether the text is held deflated. */
    boolean packed() {
        return utf8Length >= 0;
    }

    /** The bytes held (not counting a dictionary's, which another text holds). */
    int retainedBytes() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PackedText p && Arrays.equals(utf8(), p.utf8());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(utf8());
    }
}
