package io.jdig.view;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two orders csysdig's output depends on, checked against what GNU libstdc++ (g++ 12) gives for the same
 * operations: an unordered_map's iteration order, and std::sort's placement of equal elements.
 */
class OrderEmulationTest {
    @Test
    void hashOrderWalksLikeAnUnorderedMap() {
        // std::unordered_map<long, int>: insert these keys, erase 31 and 100, insert 200, iterate
        HashOrder o = new HashOrder();
        long[] keys = {5, 18, 31, 2, 44, 7, 13, 26, 100, 3, 1, 0, 99, 57, 14, 27};
        int[] node = new int[300];
        long[] keyOf = new long[64];
        for (long k : keys) {
            int n = o.insert(k);
            node[(int) k] = n;
            keyOf[n] = k;
        }
        o.erase(node[31]);
        o.erase(node[100]);
        int n200 = o.insert(200);
        keyOf[n200] = 200;
        List<Long> walk = new ArrayList<>();
        for (int n = o.head(); n >= 0; n = o.after(n)) {
            walk.add(keyOf[n]);
        }
        assertThat(walk).containsExactly(27L, 14L, 57L, 5L, 18L, 44L, 2L, 7L, 200L, 26L, 0L, 13L, 3L, 1L, 99L);
    }

    @Test
    void introSortPlacesTiesLikeStdSort() {
        // std::sort of (i*7 % 5, i) for i < 40, descending by the first member only
        Integer[] a = new Integer[40];
        for (int i = 0; i < 40; i++) {
            a[i] = i;
        }
        IntroSort.sort(a, a.length, (x, y) -> (x * 7) % 5 > (y * 7) % 5);
        assertThat(a).containsExactly(17, 2, 37, 22, 7, 32, 27, 12, 9, 24, 14, 29, 19, 34, 4, 39, 21, 1, 26, 31, 36,
                16, 11, 6, 18, 23, 38, 13, 28, 3, 8, 33, 0, 20, 5, 35, 10, 30, 15, 25);
    }

    @Test
    void introSortOnALargerArrayWithFewDistinctValues() {
        // std::sort of (i*13 % 3, i) for i < 300, ascending; the ids folded into one number (h = h*31 + id)
        Integer[] a = new Integer[300];
        for (int i = 0; i < 300; i++) {
            a[i] = i;
        }
        IntroSort.sort(a, a.length, (x, y) -> (x * 13) % 3 < (y * 13) % 3);
        long h = 0;
        for (Integer x : a) {
            h = h * 31 + x;
        }
        assertThat(h).isEqualTo(3677824103381394282L);
    }
}
