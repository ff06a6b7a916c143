package io.jdig.view;

import java.util.List;

/**
 * One column of a view: the field it shows, its title and width, whether it is the row key or the group-by key,
 * and how its values are combined per key and per group.
 */
public record ViewColumn(String name, String field, String description, int colsize, int flags,
                         Aggregation aggregation, Aggregation groupbyAggregation, List<String> tags,
                         String filterField) {
    public static final int IS_KEY = 1;
    public static final int IS_GROUPBY_KEY = 2;
    public static final int IS_SORTING = 4;
    public static final int FILTER_IN_CHILD_ONLY = 8;

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }

    /** The field with its {@code %depth} placeholders replaced for a drill-down depth. */
    public String field(int depth) {
        String f = field.replace(" ", "").replace("\t", "");
        // sysdig's views only use %depth-1 and %depth; csysdig reads %depth+1 as depth-1 in column fields
        if (f.contains("%depth-1")) {
            return f.replace("%depth-1", Integer.toString(depth - 1));
        }
        if (f.contains("%depth+1")) {
            return f.replace("%depth+1", Integer.toString(depth - 1));
        }
        return f.replace("%depth", Integer.toString(depth));
    }

    /**
     * Whether csysdig's screen puts this column's title and values on the right: for fields of the number, time and
     * duration types (by the field's type, whatever the values look like).
     */
    public boolean alignsRight() {
        io.jdig.event.ParamType t = typeAt(1);
        return t != null && (t.id >= io.jdig.event.ParamType.INT8.id && t.id <= io.jdig.event.ParamType.UINT64.id
                || t == io.jdig.event.ParamType.RELTIME || t == io.jdig.event.ParamType.ABSTIME
                || t == io.jdig.event.ParamType.DOUBLE);
    }

    /**
     * Whether csysdig quotes a key of this column when a drill-down selects it: when the field's type number shares
     * a bit with that of a string (csysdig tests {@code type & PT_CHARBUF}): names, paths and addresses are quoted,
     * process and thread ids are not.
     */
    public boolean quotedWhenSelected(int depth) {
        io.jdig.event.ParamType t = typeAt(depth);
        return t == null || (t.id & io.jdig.event.ParamType.CHARBUF.id) != 0;
    }

    /** The type of the column's field at a drill-down depth, or null when the field is not one jdig knows. */
    private io.jdig.event.ParamType typeAt(int depth) {
        try {
            return TableColumn.makeField(field(depth)).type;
        } catch (ViewException e) {
            return null;
        }
    }

    /** The field a drill-down filter compares with the selected key. */
    public String filterField(int depth) {
        return filterField != null && !filterField.isEmpty() ? filterField : field(depth);
    }
}
