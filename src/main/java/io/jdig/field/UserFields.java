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

    static void register() {
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
            if (t == null) {
                return false;
            }
            UserRecord u = c.state.users().user(t.uid);
            v.str.append(u != null ? u.name() : "<NA>");
            return true;
        });
        add("group.gid", UINT64, ID, "group id of the thread", (c, v) -> {
            ThreadInfo t = c.thread();
            if (t == null) {
                return false;
            }
            v.num = Integer.toUnsignedLong(t.gid);
            return true;
        });
        add("group.name", CHARBUF, NA, "name of the group", (c, v) -> {
            ThreadInfo t = c.thread();
            if (t == null) {
                return false;
            }
            GroupRecord g = c.state.users().group(t.gid);
            v.str.append(g != null ? g.name() : "<NA>");
            return true;
        });
    }
}
