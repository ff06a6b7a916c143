package io.jdig.filter;

/**
 * The left-hand side of a check: a dotted field name with an optional bracketed argument.
 *
 * <p>The name is exactly what was written ({@code evt.arg.fd}, {@code fd.cip.name},
 * {@code thread.cgroup.cpuacct}); the field registry is expected to find the longest known prefix and
 * treat the remainder as an argument. {@code arg} is the text between {@code [} and {@code ]}
 * (unescaped when it was quoted), or null when there were no brackets.
 *
 * @param name   the dotted field name
 * @param arg    the bracket argument, or null
 * @param pos    0-based offset of the first character of the name
 * @param endPos 0-based offset just past the field (past {@code ]} when there is an argument)
 */
public record FieldRef(String name, String arg, int pos, int endPos) {

    public FieldRef {
        java.util.Objects.requireNonNull(name, "name");
    }

    public boolean hasArg() {
        return arg != null;
    }

    /** The field as it would be written in a filter: {@code name} or {@code name[arg]}. */
    @Override
    public String toString() {
        if (arg == null) {
            return name;
        }
        boolean bare = !arg.isEmpty();
        for (int i = 0; i < arg.length() && bare; i++) {
            bare = FilterParser.isFieldArgChar(arg.charAt(i)) && arg.charAt(i) != '\\';
        }
        return name + "[" + (bare ? arg : Quoting.quote(arg)) + "]";
    }
}
