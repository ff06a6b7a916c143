package io.jdig.state;

import io.jdig.event.ByteBuf;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Path joining and address rendering, as sysdig names files and sockets. */
class PathsAndAddressesTest {
    @Test
    void relativePathsJoinTheDirectoryAndAreNormalised() {
        assertThat(Paths.concatenate("/home/u/", "notes.txt")).isEqualTo("/home/u/notes.txt");
        assertThat(Paths.concatenate("/home/u/", "../v/./x")).isEqualTo("/home/v/x");
        assertThat(Paths.concatenate("/home/u/", "a//b/")).isEqualTo("/home/u/a/b");
        assertThat(Paths.concatenate("/", "..")).isEqualTo("/");
        assertThat(Paths.concatenate("/home/u/", "/etc/passwd")).isEqualTo("/etc/passwd");
        assertThat(Paths.concatenate("/home/u/", "x\ty")).isEqualTo("/home/u/x.y");
    }

    @Test
    void anEmptyButPresentPathIsTheDirectoryWithoutItsSlash() {
        assertThat(Paths.concatenate("/home/u/", "", true)).isEqualTo("/home/u");
        assertThat(Paths.concatenate("/home/u/", "", false)).isEmpty();
    }

    @Test
    void ipv6AddressesAsInetNtopWritesThem() {
        assertThat(NetFormat.ipv6(bytes("00000000000000000000000000000001"))).isEqualTo("::1");
        assertThat(NetFormat.ipv6(new byte[16])).isEqualTo("::");
        assertThat(NetFormat.ipv6(bytes("20010db8000000000000000000000004"))).isEqualTo("2001:db8::4");
        assertThat(NetFormat.ipv6(bytes("20014860486000000000000000008888"))).isEqualTo("2001:4860:4860::8888");
        assertThat(NetFormat.ipv6(bytes("00000000000000000000ffff7f000001"))).isEqualTo("::ffff:127.0.0.1");
        assertThat(NetFormat.ipv6(bytes("fe800000000000000001000000000001"))).isEqualTo("fe80::1:0:0:1");
    }

    @Test
    void socketsAreNamedByTheirTuple() {
        FdInfo f = new FdInfo();
        f.type = FdType.IPV4_SOCK;
        f.l4proto = FdInfo.L4_TCP;
        f.sip = 0x0100007f;
        f.sport = 40000;
        f.dip = 0x0200000a;
        f.dport = 80;
        assertThat(NetFormat.socketName(f, PortNames.NUMBERS)).isEqualTo("127.0.0.1:40000->10.0.0.2:80");
        f.l4proto = FdInfo.L4_UNKNOWN;
        assertThat(NetFormat.socketName(f, PortNames.NUMBERS)).isEqualTo("<unknown>");
        FdInfo s = new FdInfo();
        s.type = FdType.IPV4_SERVSOCK;
        s.sport = 8080;
        assertThat(NetFormat.socketName(s, PortNames.NUMBERS)).isEqualTo("0.0.0.0:8080");
    }

    @Test
    void l4ProtocolIsUnknownUntilASocketHasARole() {
        FdInfo f = new FdInfo();
        f.type = FdType.IPV4_SOCK;
        f.l4proto = FdInfo.L4_TCP;
        assertThat(f.l4()).isEqualTo(FdInfo.L4_NA);
        f.role = FdInfo.ROLE_CLIENT;
        assertThat(f.l4()).isEqualTo(FdInfo.L4_TCP);
    }

    @Test
    void unixTuplesAreHexAddressesAndAPath() {
        byte[] t = new byte[17 + 6];
        t[0] = 1;
        t[1] = (byte) 0xab;
        t[9] = 0x10;
        System.arraycopy("/x.so\0".getBytes(), 0, t, 17, 6);
        ByteBuf b = new ByteBuf();
        ParamText.appendSocktuple(b, t, 0, t.length, FdInfo.L4_UNKNOWN, PortNames.NUMBERS);
        assertThat(b.toString()).isEqualTo("ab->10 /x.so");
    }

    private static byte[] bytes(String hex) {
        byte[] b = new byte[hex.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }
}
