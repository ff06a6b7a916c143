package io.jdig.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BytePatternTest {

    /** Matches {@code s} embedded in a larger buffer, to exercise offsets. */
    private static boolean m(BytePattern pat, String s) {
        byte[] inner = s.getBytes(StandardCharsets.UTF_8);
        byte[] buf = new byte[inner.length + 6];
        java.util.Arrays.fill(buf, (byte) 'Z');
        System.arraycopy(inner, 0, buf, 3, inner.length);
        boolean embedded = pat.matches(buf, 3, inner.length);
        assertThat(pat.matches(inner)).as("offset independence for '%s'", s).isEqualTo(embedded);
        return embedded;
    }

    @Test
    void equalTo() {
        BytePattern p = BytePattern.equalTo("curl".getBytes());
        assertThat(m(p, "curl")).isTrue();
        assertThat(m(p, "curl2")).isFalse();
        assertThat(m(p, "cur")).isFalse();
        assertThat(m(p, "")).isFalse();
        assertThat(m(BytePattern.equalTo(new byte[0]), "")).isTrue();
    }

    @Test
    void contains() {
        BytePattern p = BytePattern.contains("google");
        assertThat(m(p, "curl https://www.google.com")).isTrue();
        assertThat(m(p, "google")).isTrue();
        assertThat(m(p, "googl")).isFalse();
        assertThat(m(p, "GOOGLE")).isFalse();
        assertThat(m(p, "gooogle googlx goog")).isFalse();
        assertThat(m(BytePattern.contains(""), "")).isTrue();
        assertThat(m(BytePattern.contains(""), "x")).isTrue();
        assertThat(m(BytePattern.contains("a"), "bbba")).isTrue();
        assertThat(m(BytePattern.contains("abab"), "aabaabab")).isTrue();
        assertThat(m(BytePattern.contains("/"), "abc")).isFalse();
        assertThat(((ContainsPattern) BytePattern.contains("ab")).indexOf("xxab".getBytes(), 0, 4)).isEqualTo(2);
    }

    @Test
    void containsAgreesWithStringIndexOf() {
        Random r = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            String hay = randomAb(r, r.nextInt(20));
            String needle = randomAb(r, r.nextInt(5));
            assertThat(m(BytePattern.contains(needle), hay)).as("%s in %s", needle, hay).isEqualTo(hay.contains(needle));
            boolean ci = hay.toLowerCase().contains(needle.toLowerCase());
            assertThat(m(BytePattern.icontains(needle), hay)).as("%s icontains %s", hay, needle).isEqualTo(ci);
        }
    }

    private static String randomAb(Random r, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append("abAB/".charAt(r.nextInt(5)));
        }
        return sb.toString();
    }

    @Test
    void icontains() {
        BytePattern p = BytePattern.icontains("ETC");
        assertThat(m(p, "/etc/passwd")).isTrue();
        assertThat(m(p, "/Etc")).isTrue();
        assertThat(m(p, "/et/c")).isFalse();
        // only ASCII is folded
        assertThat(m(BytePattern.icontains("é"), "É")).isFalse();
        assertThat(m(BytePattern.icontains("é"), "café")).isTrue();
    }

    @Test
    void startsWithAndEndsWith() {
        assertThat(m(BytePattern.startsWith("/lib"), "/lib/x86_64/libc.so.6")).isTrue();
        assertThat(m(BytePattern.startsWith("/lib"), "/li")).isFalse();
        assertThat(m(BytePattern.startsWith("/lib"), "/usr/lib")).isFalse();
        assertThat(m(BytePattern.startsWith(""), "")).isTrue();
        assertThat(m(BytePattern.endsWith(".so.6"), "/lib/libc.so.6")).isTrue();
        assertThat(m(BytePattern.endsWith(".so.6"), "/lib/libc.so.61")).isFalse();
        assertThat(m(BytePattern.endsWith(".so.6"), ".so")).isFalse();
        assertThat(m(BytePattern.endsWith(""), "x")).isTrue();
    }

    @Test
    void hexPatterns() {
        assertThat(Hex.decode("48545450")).isEqualTo("HTTP".getBytes());
        assertThat(Hex.decode("ff00Aa")).containsExactly(0xff, 0x00, 0xaa);
        assertThat(Hex.decode("")).isEmpty();
        assertThat(Hex.isValid("abc")).isFalse();
        assertThat(Hex.isValid("zz")).isFalse();
        assertThatThrownBy(() -> Hex.decode("4")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hex strings only");
        assertThat(m(BytePattern.bcontains("48545450"), "GET / HTTP/1.1")).isTrue();
        assertThat(m(BytePattern.bcontains("48545450"), "GET / http/1.1")).isFalse();
        assertThat(m(BytePattern.bstartswith("474554"), "GET / HTTP/1.1")).isTrue();
        assertThat(m(BytePattern.bstartswith("474554"), " GET")).isFalse();
        byte[] bin = {0, (byte) 0xff, 1, 2};
        assertThat(BytePattern.bcontains("ff01").matches(bin, 0, 4)).isTrue();
        assertThat(BytePattern.bcontains("ff01").matches(bin, 0, 2)).isFalse();
    }

    @Test
    void glob() {
        BytePattern p = BytePattern.glob("/usr/lib/*");
        assertThat(m(p, "/usr/lib/libc.so")).isTrue();
        assertThat(m(p, "/usr/lib/x86_64/libc.so")).as("* crosses /").isTrue();
        assertThat(m(p, "/usr/lib/")).isTrue();
        assertThat(m(p, "/usr/lib")).isFalse();
        assertThat(m(p, "/USR/lib/x")).isFalse();
        assertThat(m(BytePattern.glob("*"), "")).isTrue();
        assertThat(m(BytePattern.glob("*"), ".hidden")).isTrue();
        assertThat(m(BytePattern.glob(""), "")).isTrue();
        assertThat(m(BytePattern.glob(""), "a")).isFalse();
        assertThat(m(BytePattern.glob("?"), "a")).isTrue();
        assertThat(m(BytePattern.glob("?"), "")).isFalse();
        assertThat(m(BytePattern.glob("a?c"), "abc")).isTrue();
        assertThat(m(BytePattern.glob("a*b*c"), "aXbYbZc")).isTrue();
        assertThat(m(BytePattern.glob("a*b*c"), "aXbYbZ")).isFalse();
        assertThat(m(BytePattern.glob("*.so.*"), "libc.so.6")).isTrue();
        assertThat(m(BytePattern.glob("**a**"), "bab")).isTrue();
        // sets
        assertThat(m(BytePattern.glob("[abc]x"), "bx")).isTrue();
        assertThat(m(BytePattern.glob("[abc]x"), "dx")).isFalse();
        assertThat(m(BytePattern.glob("[a-c]"), "b")).isTrue();
        assertThat(m(BytePattern.glob("[!a-c]"), "b")).isFalse();
        assertThat(m(BytePattern.glob("[^a-c]"), "d")).isTrue();
        assertThat(m(BytePattern.glob("[]]"), "]")).isTrue();
        assertThat(m(BytePattern.glob("[!]]"), "]")).isFalse();
        assertThat(m(BytePattern.glob("[a-]"), "-")).isTrue();
        assertThat(m(BytePattern.glob("[[:digit:]]*"), "7up")).isTrue();
        assertThat(m(BytePattern.glob("[[:digit:]]*"), "up")).isFalse();
        assertThat(m(BytePattern.glob("[[:alpha:][:digit:]_]"), "_")).isTrue();
        assertThat(m(BytePattern.glob("[[:bogus:]]"), "b")).isFalse();
        // an unterminated '[' is literal
        assertThat(m(BytePattern.glob("a[b"), "a[b")).isTrue();
        // escapes
        assertThat(m(BytePattern.glob("a\\*"), "a*")).isTrue();
        assertThat(m(BytePattern.glob("a\\*"), "ab")).isFalse();
        assertThat(m(BytePattern.glob("a\\"), "a\\")).as("trailing backslash matches nothing").isFalse();
        // non-ASCII bytes are matched byte by byte
        assertThat(m(BytePattern.glob("caf*"), "café")).isTrue();
        assertThat(m(BytePattern.glob("caf??"), "café")).isTrue();
    }

    @Test
    void iglob() {
        BytePattern p = BytePattern.iglob("/USR/*.SO");
        assertThat(m(p, "/usr/lib/libc.so")).isTrue();
        assertThat(m(p, "/Usr/x.So")).isTrue();
        assertThat(m(p, "/usr/x.sox")).isFalse();
        assertThat(m(BytePattern.iglob("[a-c]x"), "BX")).isTrue();
        assertThat(m(BytePattern.iglob("[!a-c]x"), "BX")).isFalse();
        assertThat(m(BytePattern.glob("[a-c]x"), "BX")).isFalse();
    }

    @Test
    void globAgreesWithRegexTranslation() {
        Random r = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder pat = new StringBuilder();
            StringBuilder rx = new StringBuilder();
            int n = r.nextInt(6);
            for (int k = 0; k < n; k++) {
                switch (r.nextInt(5)) {
                    case 0 -> { pat.append('*'); rx.append(".*"); }
                    case 1 -> { pat.append('?'); rx.append('.'); }
                    case 2 -> { pat.append("[ab]"); rx.append("[ab]"); }
                    default -> { char c = "ab/".charAt(r.nextInt(3)); pat.append(c); rx.append(c); }
                }
            }
            String s = randomAb(r, r.nextInt(8)).toLowerCase();
            boolean expected = java.util.regex.Pattern.compile(rx.toString(), java.util.regex.Pattern.DOTALL)
                    .matcher(s).matches();
            assertThat(m(BytePattern.glob(pat.toString()), s)).as("%s glob %s", s, pat).isEqualTo(expected);
        }
    }

    @Test
    void pmatch() {
        BytePattern p = BytePattern.pmatch("/etc", "/usr/lib/");
        assertThat(m(p, "/etc")).isTrue();
        assertThat(m(p, "/etc/")).isTrue();
        assertThat(m(p, "/etc/passwd")).isTrue();
        assertThat(m(p, "/etc//ssh/sshd_config")).isTrue();
        assertThat(m(p, "/etcx")).isFalse();
        assertThat(m(p, "/etcx/passwd")).isFalse();
        assertThat(m(p, "/")).isFalse();
        assertThat(m(p, "")).isFalse();
        assertThat(m(p, "/usr/lib")).isTrue();
        assertThat(m(p, "/usr/lib64")).isFalse();
        assertThat(m(p, "/usr")).isFalse();
        assertThat(m(p, "/var/etc")).isFalse();
        // root matches everything
        assertThat(m(BytePattern.pmatch("/"), "/anything/at/all")).isTrue();
        assertThat(m(BytePattern.pmatch("/"), "/")).isTrue();
        // glob components
        BytePattern g = BytePattern.pmatch("/opt/*/subdir", "/opt3/*/subdir2/*");
        assertThat(m(g, "/opt")).isFalse();
        assertThat(m(g, "/opt/dir/subdir")).isTrue();
        assertThat(m(g, "/opt/dir/subdir/file.txt")).isTrue();
        assertThat(m(g, "/opt/dir/other")).isFalse();
        assertThat(m(g, "/opt3/dir/subdir2")).isFalse();
        assertThat(m(g, "/opt3/dir/subdir2/file.txt")).isTrue();
        // empty set never matches
        assertThat(m(BytePattern.pmatch(), "/etc")).isFalse();
    }
}
