package io.jdig.field;

import io.jdig.event.meta.GroupRecord;
import io.jdig.event.meta.UserRecord;
import io.jdig.state.ThreadInfo;

import static io.jdig.event.ParamType.*;
import static io.jdig.event.PrintFormat.*;
import static io.jdig.field.FieldRegistry.add;

/** The user.* and group.* fields. */
final class UserFields {
    private UserFields() {
    }

    /** The user record for a uid, or null (as sysdig, none for uid -1). */
    static UserRecord user(EventContext c, int uid) {
        return uid == -1 ? null : c.state.users().user(uid);
    }

    static void register() {
        FieldRegistry.beginClass("user", "", "The user the thread that made the event runs as.");
        add("user.uid", UINT32, ID, "user id of the thread", (c, v) -> {
            ThreadInfo t = c.thread();
            if (t == null) {
                return false;
            }
            v.num = Integer.toUnsignedLong(t.uid);
            return true;
        });
        add("user.name", CHARBUF, NA, "name of the user", (c, v) -> {
            ThreadInfo t = c.thread();
            UserRecord u = t == null ? null : user(c, t.uid);
            if (u == null) {
                return false;
            }
            v.str.append(u.name());
            return true;
        });
        add("user.homedir", CHARBUF, NA, "home directory of the user", (c, v) -> {
            ThreadInfo t = c.thread();
            UserRecord u = t == null ? null : user(c, t.uid);
            if (u == null) {
                return false;
            }
            v.str.append(u.home());
            return true;
        });
        add("user.shell", CHARBUF, NA, "login shell of the user", (c, v) -> {
            ThreadInfo t = c.thread();
            UserRecord u = t == null ? null : user(c, t.uid);
            if (u == null) {
                return false;
            }
            v.str.append(u.shell());
            return true;
        });
        add("user.loginuid", INT32, ID, "audit user id (auid): the user that logged in, whatever ids came after",
                (c, v) -> {
                    ThreadInfo t = c.thread();
                    if (t == null) {
                        return false;
                    }
                    v.num = t.loginuid;
                    return true;
                });
        add("user.loginname", CHARBUF, NA, "name of the audit user (auid)", (c, v) -> {
            ThreadInfo t = c.thread();
            UserRecord u = t == null ? null : user(c, t.loginuid);
            if (u == null) {
                return false;
            }
            v.str.append(u.name());
            return true;
        });
        FieldRegistry.beginClass("group", "", "The group the thread that made the event runs as.");
        add("group.gid", UINT64, ID, "group id of the thread", (c, v) -> {
            ThreadInfo t = c.thread();
            if (t == null) {
                return false;
            }
            // sysdig reads 8 bytes from its 4-byte gid: the upper half is the low half of the next member, the
            // thread's child count
            v.num = Integer.toUnsignedLong(t.gid) | (t.nchilds << 32);
            return true;
        });
        add("group.name", CHARBUF, NA, "name of the group", (c, v) -> {
            ThreadInfo t = c.thread();
            if (t == null || t.gid == -1) {
                return false;
            }
            GroupRecord g = c.state.users().group(t.gid);
            if (g == null) {
                return false;
            }
            v.str.append(g.name());
            return true;
        });
    }
}
