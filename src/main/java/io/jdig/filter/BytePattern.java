package io.jdig.filter;

import java.nio.charset.StandardCharsets;
import java.util.Collection;

/**
 * A precompiled string comparison against a byte range, as used by the filter operators on string
 * and buffer fields. Build once when the filter is compiled; {@link #matches(byte[], int, int)} does
 * not allocate and is safe to call from several threads.
 *
 * <p>String arguments are turned into bytes with UTF-8.
 */
public sealed interface BytePattern
        permits EqualsPattern, ContainsPattern, IContainsPattern, StartsWithPattern, EndsWithPattern,
        GlobPattern, PathPrefixSet {

    /** Whether {@code b[off .. off+len)} matches. */
    boolean matches(byte[] b, int off, int len);

    default boolean matches(byte[] b) {
        return matches(b, 0, b.length);
    }

    /** Byte-wise equality ({@code =}, {@code ==}). */
    static BytePattern equalTo(byte[] value) {
        return new EqualsPattern(value);
    }

    /** {@code contains}: the bytes occur anywhere (an empty needle always matches). */
    static BytePattern contains(byte[] needle) {
        return new ContainsPattern(needle);
    }

    static BytePattern contains(String needle) {
        return contains(utf8(needle));
    }

    /** {@code icontains}: like contains, ignoring ASCII case. */
    static BytePattern icontains(byte[] needle) {
        return new IContainsPattern(needle);
    }

    static BytePattern icontains(String needle) {
        return icontains(utf8(needle));
    }

    /** {@code startswith}. */
    static BytePattern startsWith(byte[] prefix) {
        return new StartsWithPattern(prefix);
    }

    static BytePattern startsWith(String prefix) {
        return startsWith(utf8(prefix));
    }

    /** {@code endswith}. */
    static BytePattern endsWith(byte[] suffix) {
        return new EndsWithPattern(suffix);
    }

    static BytePattern endsWith(String suffix) {
        return endsWith(utf8(suffix));
    }

    /** {@code glob}: fnmatch(3) without flags ({@code *} also matches '/'). */
    static BytePattern glob(byte[] pattern) {
        return new GlobPattern(pattern, false);
    }

    static BytePattern glob(String pattern) {
        return glob(utf8(pattern));
    }

    /** {@code iglob}: fnmatch(3) with FNM_CASEFOLD (ASCII). */
    static BytePattern iglob(byte[] pattern) {
        return new GlobPattern(pattern, true);
    }

    static BytePattern iglob(String pattern) {
        return iglob(utf8(pattern));
    }

    /**
     * {@code bcontains}: the value is a hex string such as {@code 48545450}.
     *
     * @throws IllegalArgumentException if {@code hex} is not an even number of hex digits
     */
    static BytePattern bcontains(String hex) {
        return new ContainsPattern(Hex.decode(hex));
    }

    /**
     * {@code bstartswith}: the value is a hex string.
     *
     * @throws IllegalArgumentException if {@code hex} is not an even number of hex digits
     */
    static BytePattern bstartswith(String hex) {
        return new StartsWithPattern(Hex.decode(hex));
    }

    /** {@code pmatch}: matches a path equal to or below any of {@code paths} (see {@link PathPrefixSet}). */
    static BytePattern pmatch(Collection<byte[]> paths) {
        return new PathPrefixSet(paths);
    }

    static BytePattern pmatch(String... paths) {
        return PathPrefixSet.of(paths);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
