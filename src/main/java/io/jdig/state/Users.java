package io.jdig.state;

import io.jdig.event.meta.GroupRecord;
import io.jdig.event.meta.UserRecord;

import java.util.HashMap;
import java.util.Map;

/** Users and groups known to the capture, by id. */
public final class Users {
    private final Map<Integer, UserRecord> users = new HashMap<>();
    private final Map<Integer, GroupRecord> groups = new HashMap<>();

    public void add(UserRecord u) {
        users.put(u.uid(), u);
    }

    public void add(GroupRecord g) {
        groups.put(g.gid(), g);
    }

    public UserRecord user(int uid) {
        return users.get(uid);
    }

    public GroupRecord group(int gid) {
        return groups.get(gid);
    }

    public void removeUser(int uid) {
        users.remove(uid);
    }

    public void removeGroup(int gid) {
        groups.remove(gid);
    }

    public void clear() {
        users.clear();
        groups.clear();
    }

    public Map<Integer, UserRecord> users() {
        return users;
    }

    public Map<Integer, GroupRecord> groups() {
        return groups;
    }
}
