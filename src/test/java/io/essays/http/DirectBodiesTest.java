package io.essays.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

/**
 * Large bodies get one off-heap copy, shared by concurrent writes and bounded in bytes; an evicted copy lives until
 * its last write releases it, and is freed then.
 */
class DirectBodiesTest {
    private static byte[] body(int size, int seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    @Test
    void aLargeBodyIsCopiedOnceAndEachWriteHoldsAReference() {
        var bodies = new DirectBodies(1024, 1 << 20);
        byte[] body = body(4096, 1);

        ByteBuf first = bodies.retain(body);
        ByteBuf second = bodies.retain(body);

        assertThat(first).isSameAs(second);
        assertThat(first.isDirect()).isTrue();
        assertThat(ByteBufUtil.getBytes(first)).isEqualTo(body);
        assertThat(first.refCnt()).as("the cache's and two writes'").isEqualTo(3);
        first.release();
        second.release();
        assertThat(first.refCnt()).isEqualTo(1);
        assertThat(bodies.weight()).isEqualTo(4096);
    }

    @Test
    void smallBodiesAndAZeroBudgetGetNoCopy() {
        assertThat(new DirectBodies(1024, 1 << 20).retain(body(1023, 2))).isNull();
        assertThat(new DirectBodies(1024, 0).retain(body(8192, 3))).isNull();
        assertThat(new DirectBodies(1024, 0).weight()).isZero();
    }

    @Test
    void anEvictedCopyIsFreedWhenItsLastWriteReleasesItNotBefore() {
        var bodies = new DirectBodies(1024, 16 << 10);
        List<byte[]> arrays = new ArrayList<>();
        List<ByteBuf> writes = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            byte[] body = body(4096, 10 + i);
            arrays.add(body);
            writes.add(bodies.retain(body));
        }

        assertThat(bodies.weight()).isPositive().isLessThanOrEqualTo(16 << 10);
        for (int i = 0; i < writes.size(); i++) {
            assertThat(ByteBufUtil.getBytes(writes.get(i))).as("write %d still readable", i).isEqualTo(arrays.get(i));
        }
        writes.forEach(ByteBuf::release);
        long freed = writes.stream().filter(w -> w.refCnt() == 0).count();
        long held = writes.stream().filter(w -> w.refCnt() == 1).count();
        assertThat(freed).as("evicted copies, freed on their last release").isGreaterThanOrEqualTo(8);
        assertThat(held).as("copies still cached").isLessThanOrEqualTo(4);
        assertThat(freed + held).isEqualTo(writes.size());
    }
}
