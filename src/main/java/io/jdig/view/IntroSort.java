package io.jdig.view;

/**
 * Sorts as GNU libstdc++'s std::sort does (introsort: median-of-three quicksort down to runs of 16, heapsort when
 * too deep, then one insertion sort). The algorithm is not stable: rows that compare equal end up in an order
 * that depends on its exact steps, and csysdig's tables show that order.
 */
public final class IntroSort {
    /** A strict weak order over the elements being sorted. */
    @FunctionalInterface
    public interface Less<T> {
        boolean less(T a, T b);
    }

    private static final int THRESHOLD = 16;

    private IntroSort() {
    }

    public static <T> void sort(T[] a, int n, Less<T> less) {
        if (n > 1) {
            loop(a, 0, n, 2 * (63 - Long.numberOfLeadingZeros(n)), less);
            finalInsertion(a, 0, n, less);
        }
    }

    private static <T> void loop(T[] a, int first, int last, int depth, Less<T> less) {
        while (last - first > THRESHOLD) {
            if (depth == 0) {
                heapSort(a, first, last, less);
                return;
            }
            depth--;
            int cut = partitionPivot(a, first, last, less);
            loop(a, cut, last, depth, less);
            last = cut;
        }
    }

    private static <T> int partitionPivot(T[] a, int first, int last, Less<T> less) {
        int mid = first + (last - first) / 2;
        medianToFirst(a, first, first + 1, mid, last - 1, less);
        return partition(a, first + 1, last, first, less);
    }

    private static <T> void medianToFirst(T[] a, int result, int x, int y, int z, Less<T> less) {
        if (less.less(a[x], a[y])) {
            if (less.less(a[y], a[z])) {
                swap(a, result, y);
            } else if (less.less(a[x], a[z])) {
                swap(a, result, z);
            } else {
                swap(a, result, x);
            }
        } else if (less.less(a[x], a[z])) {
            swap(a, result, x);
        } else if (less.less(a[y], a[z])) {
            swap(a, result, z);
        } else {
            swap(a, result, y);
        }
    }

    private static <T> int partition(T[] a, int first, int last, int pivot, Less<T> less) {
        while (true) {
            while (less.less(a[first], a[pivot])) {
                first++;
            }
            last--;
            while (less.less(a[pivot], a[last])) {
                last--;
            }
            if (!(first < last)) {
                return first;
            }
            swap(a, first, last);
            first++;
        }
    }

    private static <T> void finalInsertion(T[] a, int first, int last, Less<T> less) {
        if (last - first > THRESHOLD) {
            insertion(a, first, first + THRESHOLD, less);
            for (int i = first + THRESHOLD; i < last; i++) {
                linearInsert(a, i, less);
            }
        } else {
            insertion(a, first, last, less);
        }
    }

    private static <T> void insertion(T[] a, int first, int last, Less<T> less) {
        if (first == last) {
            return;
        }
        for (int i = first + 1; i < last; i++) {
            if (less.less(a[i], a[first])) {
                T v = a[i];
                System.arraycopy(a, first, a, first + 1, i - first);
                a[first] = v;
            } else {
                linearInsert(a, i, less);
            }
        }
    }

    private static <T> void linearInsert(T[] a, int last, Less<T> less) {
        T v = a[last];
        int next = last - 1;
        while (less.less(v, a[next])) {
            a[last] = a[next];
            last = next;
            next--;
        }
        a[last] = v;
    }

    // heap sort as std::partial_sort(first, last, last): make_heap, then sort_heap

    private static <T> void heapSort(T[] a, int first, int last, Less<T> less) {
        int len = last - first;
        if (len >= 2) {
            for (int parent = (len - 2) / 2; ; parent--) {
                adjustHeap(a, first, parent, len, a[first + parent], less);
                if (parent == 0) {
                    break;
                }
            }
        }
        while (last - first > 1) {
            last--;
            T v = a[last];
            a[last] = a[first];
            adjustHeap(a, first, 0, last - first, v, less);
        }
    }

    private static <T> void adjustHeap(T[] a, int first, int hole, int len, T v, Less<T> less) {
        int top = hole;
        int child = hole;
        while (child < (len - 1) / 2) {
            child = 2 * (child + 1);
            if (less.less(a[first + child], a[first + child - 1])) {
                child--;
            }
            a[first + hole] = a[first + child];
            hole = child;
        }
        if ((len & 1) == 0 && child == (len - 2) / 2) {
            child = 2 * (child + 1);
            a[first + hole] = a[first + child - 1];
            hole = child - 1;
        }
        int parent = (hole - 1) / 2;
        while (hole > top && less.less(a[first + parent], v)) {
            a[first + hole] = a[first + parent];
            hole = parent;
            parent = (hole - 1) / 2;
        }
        a[first + hole] = v;
    }

    private static <T> void swap(T[] a, int i, int j) {
        T t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
