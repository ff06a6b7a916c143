package io.jdig.field;

import static io.jdig.event.ParamType.*;
import static io.jdig.event.PrintFormat.*;
import static io.jdig.field.FieldRegistry.add;

/** The syslog.* fields: messages that processes write to /dev/log. */
final class SyslogFields {
    private SyslogFields() {
    }

    static void register() {
        FieldRegistry.beginClass("syslog", "", "Messages written to the system log through /dev/log.");
        add("syslog.facility.str", CHARBUF, NA, "facility of the message, as a name (kern, user, mail...)",
                (c, v) -> {
                    int m = Syslog.decode(c, c.syslogScratch);
                    if (m < 0) {
                        return false;
                    }
                    int f = c.syslogScratch[0] >> 3;
                    v.str.append(f < Syslog.FACILITIES.length ? Syslog.FACILITIES[f] : "<NA>");
                    return true;
                });
        add("syslog.facility", UINT32, DEC, "facility of the message, as a number from 0 to 23", (c, v) -> {
            int m = Syslog.decode(c, c.syslogScratch);
            return m >= 0 && v.setNum(c.syslogScratch[0] >> 3) != null;
        });
        add("syslog.severity.str", CHARBUF, NA, "severity of the message: emerg, alert, crit, err, warn, notice, "
                + "info or debug", (c, v) -> {
            int m = Syslog.decode(c, c.syslogScratch);
            if (m < 0) {
                return false;
            }
            v.str.append(Syslog.SEVERITIES[c.syslogScratch[0] & 7]);
            return true;
        });
        add("syslog.severity", UINT32, DEC, "severity of the message, as a number from 0 to 7", (c, v) -> {
            int m = Syslog.decode(c, c.syslogScratch);
            return m >= 0 && v.setNum(c.syslogScratch[0] & 7) != null;
        });
        add("syslog.message", CHARBUF, NA, "text of the message", (c, v) -> {
            int m = Syslog.decode(c, c.syslogScratch);
            if (m < 0) {
                return false;
            }
            Syslog.appendMessage(c, m, v.str);
            return true;
        });
    }
}
