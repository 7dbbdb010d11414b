package io.essays.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.IllegalReferenceCountException;

/**
 * Off-heap copies of the largest response bodies the fast path writes, so that the socket is written from them
 * directly: a body on the heap is first copied into a direct buffer by Netty on every write, which for a 100 KB essay
 * costs more than everything else the request does. Bounded in bytes (W-TinyLFU, like {@link ResponseCache}), keyed
 * by the identity of the body array, so an entry lives no longer than the representation that holds that array.
 *
 * <p>Each copy is reference-counted: the cache holds one reference, and {@link #retain} takes one more for a write,
 * which the writer releases when the write completes. An evicted copy is therefore freed when its last write ends,
 * never under one. Memory is freed on release; copies that are never released (none should be) are still freed by
 * the garbage collector.
 */
final class DirectBodies {
    /** Direct buffers freed on release, with a cleaner as the backstop, and without Netty's leak sampling. */
    private static final ByteBufAllocator ALLOCATOR = new UnpooledByteBufAllocator(true, true, false);

    private final int threshold;
    private final Cache<byte[], ByteBuf> copies;

    /**
     * @param threshold bodies shorter than this are not copied (Netty's pooled copy of a small body is cheap)
     * @param budget    bytes of copies held at most; 0 holds none
     */
    DirectBodies(int threshold, long budget) {
        this.threshold = threshold;
        this.copies = budget <= 0 ? null : Caffeine.newBuilder()
                .weakKeys()
                .maximumWeight(budget)
                .weigher((byte[] body, ByteBuf copy) -> body.length)
                .executor(Runnable::run)
                .removalListener((byte[] body, ByteBuf copy, RemovalCause cause) -> {
                    if (copy != null) {
                        copy.release();
                    }
                })
                .build();
    }

    /**
     * An off-heap buffer with the bytes of {@code body}, retained for the caller, who must release it once written;
     * null when {@code body} is too small to be worth it or the budget is 0 (write the array itself).
     */
    ByteBuf retain(byte[] body) {
        if (copies == null || body.length < threshold) {
            return null;
        }
        ByteBuf copy = copies.get(body, DirectBodies::copyOf);
        try {
            return copy.retain();
        } catch (IllegalReferenceCountException evicted) {
            // evicted and freed between the lookup and the retain: a copy of its own, freed by the caller's release
            return copyOf(body);
        }
    }

    /** The bytes held off-heap now, after pending evictions. */
    long weight() {
        if (copies == null) {
            return 0;
        }
        copies.cleanUp();
        return copies.policy().eviction().orElseThrow().weightedSize().orElseThrow();
    }

    private static ByteBuf copyOf(byte[] body) {
        return ALLOCATOR.directBuffer(body.length, body.length).writeBytes(body);
    }
}
