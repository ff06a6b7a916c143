package io.jdig.field;

import io.jdig.event.ByteBuf;
import io.jdig.event.EventFlags;
import io.jdig.event.EventView;
import io.jdig.state.FdInfo;

/** Decodes messages written to /dev/log (the priority prefix and the text), for syslog.* and evt.info. */
final class Syslog {
    static final String[] SEVERITIES = {"emerg", "alert", "crit", "err", "warn", "notice", "info", "debug"};
    static final String[] FACILITIES = {"kern", "user", "mail", "daemon", "auth", "syslog", "lpr", "news", "uucp",
            "clock", "authpriv", "ftp", "ntp", "logaudit", "logalert", "cron", "local0", "local1", "local2", "local3",
            "local4", "local5", "local6", "local7"};

    private Syslog() {
    }

    /** Offset of the message in the data parameter, or -1 when the event is no syslog write; sets pri[0]. */
    static int decode(EventContext c, int[] pri) {
        EventView ev = c.ev;
        if (!ev.info().has(EventFlags.WRITES_TO_FD) || ev.isEnter()) {
            return -1;
        }
        FdInfo f = c.fd();
        if (f == null || !f.name().contains("/dev/log")) {
            return -1;
        }
        int i = ev.paramIndex("data");
        if (i < 0) {
            return -1;
        }
        byte[] b = ev.buffer();
        int o = ev.paramOffset(i);
        int len = ev.paramLen(i);
        int j = 0;
        int p = 0;
        int tc = o + 1;
        while (tc < o + len && b[tc] != '>' && b[tc] != 0 && j < 15) {
            if (b[tc] < '0' || b[tc] > '9') {
                return -1;
            }
            p = p * 10 + (b[tc] - '0');
            j++;
            tc++;
        }
        if (len < j + 2 || j == 0) {
            return -1;
        }
        pri[0] = p;
        return o + j + 2;
    }

    static boolean infoLine(EventContext c, ByteBuf out) {
        int[] pri = c.syslogScratch;
        int m = decode(c, pri);
        if (m < 0) {
            return false;
        }
        int sev = pri[0] & 7;
        out.append("syslog sev=").append(SEVERITIES[sev]).append(" msg=");
        appendMessage(c, m, out);
        return true;
    }

    static void appendMessage(EventContext c, int m, ByteBuf out) {
        EventView ev = c.ev;
        int i = ev.paramIndex("data");
        int end = ev.paramOffset(i) + ev.paramLen(i);
        out.append(ev.buffer(), m, end - m);
    }
}
