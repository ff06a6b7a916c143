package io.jdig.filter;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser for sysdig's filter language (the grammar of falcosecurity/libs
 * {@code filter/parser.h}, used by sysdig 0.30 and later).
 *
 * <pre>
 * Expr     ::= AndExpr ('or' (blank AndExpr | '(' Expr ')'))*
 * AndExpr  ::= NotExpr ('and' (blank NotExpr | '(' Expr ')'))*
 * NotExpr  ::= ('not' blank)* ('not(' Expr ')' | Check)
 * Check    ::= Field Condition | '(' Expr ')'
 * Field    ::= FieldName ('[' (QuotedStr | ArgBareStr) ']')?
 * Condition::= 'exists'
 *            | ('<=' | '<' | '>=' | '>') Number
 *            | ('==' | '=' | '!=' | ('contains' | 'icontains' | ... ) blank) (QuotedStr | BareStr)
 *            | ('intersects' | 'in' | 'pmatch') ('(' (Str (',' Str)*)? ')' | Identifier)
 * </pre>
 *
 * <p>Field transformers ({@code tolower(...)}, {@code val(...)}) and list modifiers
 * ({@code oneof}/{@code anyof}/{@code allof}) are not supported. Every failure is reported as a
 * {@link FilterException} with a 0-based position.
 */
public final class FilterParser {

    /** Maximum nesting of parenthesised groups. */
    public static final int MAX_DEPTH = 100;

    private static final String[] WORD_STR_OPS = {
        "glob", "iglob", "contains", "icontains", "bcontains", "startswith", "bstartswith", "endswith", "regex"
    };
    private static final String[] LIST_OPS = {"intersects", "in", "pmatch"};
    private static final String OPERATOR_LIST =
            "=, ==, !=, <, <=, >, >=, contains, icontains, bcontains, startswith, bstartswith, endswith, "
                    + "glob, iglob, regex, in, intersects, pmatch, exists";

    private final String s;
    private final int n;
    private int p;
    private int depth;
    /** What came just before the cursor, for messages, e.g. {@code 'and'}. Null at the start. */
    private String prev;
    private Expr.Check lastCheck;

    private FilterParser(String s) {
        this.s = s;
        this.n = s.length();
    }

    /**
     * Parses a filter.
     *
     * @throws FilterException if the filter is not valid; nothing else is thrown
     */
    public static Expr parse(String filter) {
        if (filter == null) {
            throw new FilterException("empty filter", 0, "");
        }
        FilterParser parser = new FilterParser(filter);
        try {
            return parser.parseTop();
        } catch (FilterException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            // defensive: a bug in the parser must still surface as a filter error
            throw new FilterException("cannot parse filter (" + e + ")", Math.min(parser.p, parser.n), filter);
        }
    }

    // ------------------------------------------------------------------ expressions

    private Expr parseTop() {
        skipBlanks();
        if (p >= n) {
            throw err("empty filter", p);
        }
        Expr e = parseOr();
        skipBlanks();
        if (p < n) {
            throw trailing(null);
        }
        return e;
    }

    private Expr parseOr() {
        skipBlanks();
        int start = p;
        Expr first = parseAnd();
        List<Expr> kids = null;
        skipBlanks();
        while (lexLiteral("or")) {
            prev = "'or'";
            Expr child = boolOperand("or");
            if (kids == null) {
                kids = new ArrayList<>();
                kids.add(first);
            }
            kids.add(child);
            skipBlanks();
        }
        return kids == null ? first : new Expr.Or(kids, first.pos() >= 0 ? first.pos() : start);
    }

    private Expr parseAnd() {
        skipBlanks();
        int start = p;
        Expr first = parseNot();
        List<Expr> kids = null;
        skipBlanks();
        while (lexLiteral("and")) {
            prev = "'and'";
            Expr child = boolOperand("and");
            if (kids == null) {
                kids = new ArrayList<>();
                kids.add(first);
            }
            kids.add(child);
            skipBlanks();
        }
        return kids == null ? first : new Expr.And(kids, first.pos() >= 0 ? first.pos() : start);
    }

    /** What follows 'and'/'or': a blank and an operand, or directly a parenthesised group. */
    private Expr boolOperand(String keyword) {
        if (skipBlanks()) {
            return keyword.equals("or") ? parseAnd() : parseNot();
        }
        if (p < n && s.charAt(p) == '(') {
            int open = p++;
            prev = "'('";
            return parseEmbeddedRemainder(open);
        }
        throw err("expected a blank or '(' after '" + keyword + "'", p);
    }

    private Expr parseNot() {
        skipBlanks();
        boolean negate = false;
        int notPos = -1;
        while (startsWith("not") && p + 3 < n && isBlank(s.charAt(p + 3))) {
            if (notPos < 0) {
                notPos = p;
            }
            p += 3;
            skipBlanks();
            negate = !negate;
            prev = "'not'";
        }
        Expr child;
        if (startsWith("not(")) {
            if (notPos < 0) {
                notPos = p;
            }
            int open = p + 3;
            p += 4;
            negate = !negate;
            prev = "'not('";
            child = parseEmbeddedRemainder(open);
        } else {
            child = parseCheck();
        }
        return negate ? new Expr.Not(child, notPos) : child;
    }

    /** Parses {@code Expr ')'} after an opening parenthesis at {@code open}. */
    private Expr parseEmbeddedRemainder(int open) {
        if (++depth > MAX_DEPTH) {
            throw err("filter nested too deeply (more than " + MAX_DEPTH + " levels of parentheses)", open);
        }
        skipBlanks();
        Expr e = parseOr();
        skipBlanks();
        if (p < n && s.charAt(p) == ')') {
            p++;
            depth--;
            prev = "')'";
            return e;
        }
        if (p >= n) {
            throw err("unbalanced parentheses: '(' at position " + (open + 1) + " is never closed", open);
        }
        throw trailing("')'");
    }

    private Expr parseCheck() {
        skipBlanks();
        if (p >= n) {
            throw err(prev == null ? "expected a field check or '('"
                    : "unexpected end of filter after " + prev + ", expected a field check or '('", p);
        }
        char c = s.charAt(p);
        if (c == '(') {
            int open = p++;
            prev = "'('";
            return parseEmbeddedRemainder(open);
        }
        int start = p;
        int fe = scanFieldName(p);
        if (fe > 0) {
            String name = s.substring(p, fe);
            p = fe;
            String arg = null;
            if (p < n && s.charAt(p) == '[') {
                arg = parseFieldArg();
            }
            FieldRef field = new FieldRef(name, arg, start, p);
            prev = "'" + s.substring(start, p) + "'";
            Expr.Check check = parseCondition(field);
            lastCheck = check;
            return check;
        }
        int ie = scanIdentifier(p);
        if (ie > 0) {
            String id = s.substring(p, ie);
            if (id.equals("and") || id.equals("or") || id.equals("not")) {
                throw err("unexpected '" + id + "', expected a field check or '('", start);
            }
            if (ie < n && s.charAt(ie) == '(') {
                throw err("'" + id + "(' is not supported: field transformers and macros are not available, "
                        + "expected a field check such as proc.name=bash", start);
            }
            throw err("'" + id + "' is not a field: expected a field check such as proc.name=bash "
                    + "(field names have the form class.name)", start);
        }
        if (c == ')') {
            throw err("unexpected ')', expected a field check or '('", p);
        }
        throw err("unexpected '" + tokenAt(p) + "', expected a field check or '('", p);
    }

    /** Parses {@code [arg]} with the cursor on '['; returns the argument. */
    private String parseFieldArg() {
        int open = p++;
        String arg;
        if (p < n && isQuote(s.charAt(p))) {
            arg = lexQuoted().text();
        } else {
            int e = p;
            while (e < n && isFieldArgChar(s.charAt(e))) {
                e++;
            }
            if (e == p) {
                throw err("expected a field argument after '['", p);
            }
            arg = s.substring(p, e);
            p = e;
        }
        if (p >= n || s.charAt(p) != ']') {
            throw err("expected ']' to close the field argument opened at position " + (open + 1), p);
        }
        p++;
        return arg;
    }

    private Expr.Check parseCondition(FieldRef field) {
        skipBlanks();
        if (p >= n) {
            throw err("expected an operator after '" + field + "'", p);
        }
        int opPos = p;
        if (startsWith("exists")) {
            p += 6;
            prev = "'exists'";
            return new Expr.Check(field, Op.EXISTS, Value.None.INSTANCE, field.pos());
        }
        for (String t : new String[] {"<=", "<", ">=", ">"}) {
            if (startsWith(t)) {
                p += t.length();
                Op op = Op.fromToken(t);
                return new Expr.Check(field, op, parseNumber(op), field.pos());
            }
        }
        for (String t : new String[] {"==", "=", "!="}) {
            if (startsWith(t)) {
                p += t.length();
                Op op = Op.fromToken(t);
                return new Expr.Check(field, op, parseStrValue(op), field.pos());
            }
        }
        for (String t : WORD_STR_OPS) {
            if (startsWith(t)) {
                int after = p + t.length();
                if (after >= n) {
                    throw err("expected a value after '" + t + "'", after);
                }
                char c = s.charAt(after);
                if (isBlank(c)) {
                    p = after;
                    Op op = Op.fromToken(t);
                    return new Expr.Check(field, op, parseStrValue(op), field.pos());
                }
                if (!isIdentChar(c)) {
                    throw err("expected a blank after '" + t + "'", after);
                }
            }
        }
        for (String t : LIST_OPS) {
            if (startsWith(t)) {
                p += t.length();
                Op op = Op.fromToken(t);
                return new Expr.Check(field, op, parseListValue(op), field.pos());
            }
        }
        throw err("unknown operator '" + tokenAt(opPos) + "' after '" + field + "', expected one of "
                + OPERATOR_LIST, opPos);
    }

    private Value.Str parseNumber(Op op) {
        skipBlanks();
        int start = p;
        int e = scanHex(p);
        if (e < 0) {
            e = scanNumber(p);
        }
        if (e >= 0 && e < n && isBareChar(s.charAt(e))) {
            e = -1; // not a whole number: read it as a string (sysdig orders strings too)
        }
        if (e < 0 && p < n && (isQuote(s.charAt(p)) || isBareChar(s.charAt(p)))) {
            p = start;
            return parseStrValue(op);
        }
        if (e < 0) {
            if (p >= n) {
                throw err("expected a value after '" + op.token() + "'", p);
            }
            throw err("expected a number after '" + op.token() + "' but found '" + tokenAt(p) + "'", p);
        }
        p = e;
        String text = s.substring(start, e);
        prev = "'" + text + "'";
        return new Value.Str(text, start, e, false);
    }

    private Value.Str parseStrValue(Op op) {
        skipBlanks();
        if (p >= n) {
            throw err("expected a value after '" + op.token() + "'", p);
        }
        char c = s.charAt(p);
        Value.Str v;
        if (isQuote(c)) {
            v = lexQuoted();
        } else {
            int start = p;
            int e = p;
            while (e < n && isBareChar(s.charAt(e))) {
                e++;
            }
            if (e == start) {
                throw err("expected a value after '" + op.token() + "' but found '" + c + "'", p);
            }
            p = e;
            v = new Value.Str(s.substring(start, e), start, e, false);
        }
        prev = "'" + s.substring(v.pos(), v.endPos()) + "'";
        return v;
    }

    private Value parseListValue(Op op) {
        skipBlanks();
        if (p >= n) {
            throw err("expected a list such as (a, b) after '" + op.token() + "'", p);
        }
        if (s.charAt(p) == '(') {
            int open = p++;
            List<Value.Str> items = new ArrayList<>();
            skipBlanks();
            if (p < n && s.charAt(p) == ')') {
                p++;
                prev = "')'";
                return new Value.StrList(items, open, p);
            }
            while (true) {
                skipBlanks();
                if (p >= n) {
                    throw err("unbalanced parentheses: list opened at position " + (open + 1) + " is never closed",
                            open);
                }
                char c = s.charAt(p);
                if (isQuote(c)) {
                    items.add(lexQuoted());
                } else {
                    int e = p;
                    while (e < n && isBareChar(s.charAt(e))) {
                        e++;
                    }
                    if (e == p) {
                        throw err("expected a list element but found '" + c + "'", p);
                    }
                    items.add(new Value.Str(s.substring(p, e), p, e, false));
                    p = e;
                }
                skipBlanks();
                if (p >= n) {
                    throw err("unbalanced parentheses: list opened at position " + (open + 1) + " is never closed",
                            open);
                }
                c = s.charAt(p);
                if (c == ',') {
                    p++;
                } else if (c == ')') {
                    p++;
                    prev = "')'";
                    return new Value.StrList(items, open, p);
                } else {
                    throw err("expected ',' or ')' in the list but found '" + tokenAt(p) + "'", p);
                }
            }
        }
        int e = scanIdentifier(p);
        if (e < 0) {
            throw err("expected a list such as (a, b) after '" + op.token() + "' but found '" + tokenAt(p) + "'", p);
        }
        Value.Str v = new Value.Str(s.substring(p, e), p, e, false);
        p = e;
        prev = "'" + v.text() + "'";
        return v;
    }

    /** The error for unexpected text where 'and', 'or', the end (or {@code alsoExpected}) should be. */
    private FilterException trailing(String alsoExpected) {
        FilterException misuse = keywordAsValue();
        if (misuse != null) {
            return misuse;
        }
        String expecting = alsoExpected == null ? "'and', 'or' or the end of the filter"
                : "'and', 'or' or " + alsoExpected;
        if (s.charAt(p) == ')' && alsoExpected == null) {
            return err("unbalanced parentheses: ')' without a matching '('", p);
        }
        return err("unexpected '" + tokenAt(p) + "'" + (prev == null ? "" : " after " + prev)
                + ", expecting " + expecting, p);
    }

    /**
     * {@code proc.name = and evt.type=open} parses 'and' as the value and then stumbles; report the
     * more likely mistake, a missing value.
     */
    private FilterException keywordAsValue() {
        if (lastCheck == null || !(lastCheck.value() instanceof Value.Str v) || v.quoted()) {
            return null;
        }
        String t = v.text();
        if (!(t.equals("and") || t.equals("or") || t.equals("not"))) {
            return null;
        }
        int q = v.endPos();
        while (q < n && isBlank(s.charAt(q))) {
            q++;
        }
        if (q != p || q == v.endPos()) {
            return null;
        }
        return err("expected a value after '" + lastCheck.op().token() + "'", v.pos());
    }

    // ------------------------------------------------------------------ lexing

    private Value.Str lexQuoted() {
        int start = p;
        char q = s.charAt(p);
        StringBuilder run = new StringBuilder();
        ByteArrayOutputStream raw = null;
        int i = p + 1;
        while (true) {
            if (i >= n) {
                throw err("unterminated quoted string (missing closing " + q + ")", start);
            }
            char c = s.charAt(i);
            if (c == q) {
                break;
            }
            if (c != '\\') {
                run.append(c);
                i++;
                continue;
            }
            if (i + 1 >= n) {
                throw err("unterminated quoted string (missing closing " + q + ")", start);
            }
            char e = s.charAt(i + 1);
            switch (e) {
                case 'b' -> run.append('\b');
                case 'f' -> run.append('\f');
                case 'n' -> run.append('\n');
                case 'r' -> run.append('\r');
                case 't' -> run.append('\t');
                // libs maps "\ " to a backslash (kept for compatibility with old Falco rules)
                case ' ', '\\' -> run.append('\\');
                case '/' -> run.append('/');
                case '"', '\'' -> {
                    if (e != q) {
                        throw err("invalid \\" + e + " escape in a " + q + "-quoted string", i);
                    }
                    run.append(e);
                }
                case 'x' -> {
                    int h1 = i + 2 < n ? Character.digit(s.charAt(i + 2), 16) : -1;
                    int h2 = i + 3 < n ? Character.digit(s.charAt(i + 3), 16) : -1;
                    if (h1 < 0 || h2 < 0 || s.charAt(i + 2) > 'f' || s.charAt(i + 3) > 'f') {
                        throw err("invalid hex escape: \\x must be followed by two hex digits", i);
                    }
                    if (raw == null) {
                        raw = new ByteArrayOutputStream();
                    }
                    raw.writeBytes(run.toString().getBytes(StandardCharsets.UTF_8));
                    run.setLength(0);
                    raw.write(h1 * 16 + h2);
                    i += 2;
                }
                default -> throw err("unsupported escape sequence '\\" + e + "' in a quoted string", i);
            }
            i += 2;
        }
        p = i + 1;
        if (raw == null) {
            return new Value.Str(run.toString(), start, p, true);
        }
        raw.writeBytes(run.toString().getBytes(StandardCharsets.UTF_8));
        byte[] bytes = raw.toByteArray();
        return new Value.Str(decode(bytes), bytes, start, p, true);
    }

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    /** End of {@code [a-zA-Z][a-zA-Z0-9_]*(\.[a-zA-Z][a-zA-Z0-9_]*)+} at {@code i}, or -1. */
    private int scanFieldName(int i) {
        int e = scanIdentifier(i);
        if (e < 0) {
            return -1;
        }
        int segments = 0;
        while (e + 1 < n && s.charAt(e) == '.' && isLetter(s.charAt(e + 1))) {
            e = scanIdentifier(e + 1);
            segments++;
        }
        return segments > 0 ? e : -1;
    }

    /** End of {@code [a-zA-Z][a-zA-Z0-9_]*} at {@code i}, or -1. */
    private int scanIdentifier(int i) {
        if (i >= n || !isLetter(s.charAt(i))) {
            return -1;
        }
        i++;
        while (i < n && isIdentChar(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** End of {@code 0[xX][0-9a-fA-F]+} at {@code i}, or -1. */
    private int scanHex(int i) {
        if (i + 2 < n && s.charAt(i) == '0' && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')
                && isHexDigit(s.charAt(i + 2))) {
            i += 3;
            while (i < n && isHexDigit(s.charAt(i))) {
                i++;
            }
            return i;
        }
        return -1;
    }

    /** End of {@code [+-]?[0-9]+\.?[0-9]*([eE][+-][0-9]+)?} at {@code i}, or -1. */
    private int scanNumber(int i) {
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        if (i >= n || !isDigit(s.charAt(i))) {
            return -1;
        }
        while (i < n && isDigit(s.charAt(i))) {
            i++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
        }
        while (i < n && isDigit(s.charAt(i))) {
            i++;
        }
        if (i + 2 < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')
                && (s.charAt(i + 1) == '+' || s.charAt(i + 1) == '-') && isDigit(s.charAt(i + 2))) {
            i += 3;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
        }
        return i;
    }

    private boolean skipBlanks() {
        int start = p;
        while (p < n && isBlank(s.charAt(p))) {
            p++;
        }
        return p > start;
    }

    private boolean startsWith(String t) {
        return s.startsWith(t, p);
    }

    private boolean lexLiteral(String t) {
        if (s.startsWith(t, p)) {
            p += t.length();
            return true;
        }
        return false;
    }

    /** A short excerpt of the input at {@code i}, for messages. */
    private String tokenAt(int i) {
        if (i >= n) {
            return "";
        }
        int e = i;
        while (e < n && !isBlank(s.charAt(e)) && e - i < 24) {
            e++;
        }
        return e == i ? s.substring(i, i + 1) : s.substring(i, e);
    }

    private FilterException err(String reason, int pos) {
        return new FilterException(reason, Math.max(0, Math.min(pos, n)), s);
    }

    // ------------------------------------------------------------------ character classes

    /** Blanks separating tokens: space, tab, CR, LF, backspace, form feed, vertical tab. */
    static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\b' || c == '\f' || c == 0x0b;
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'';
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHexDigit(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isIdentChar(char c) {
        return isLetter(c) || isDigit(c) || c == '_';
    }

    /** Characters of an unquoted value: anything but blanks, quotes, parentheses, '=' and ','. */
    static boolean isBareChar(char c) {
        return !isBlank(c) && c != '(' && c != ')' && c != '"' && c != '\'' && c != '=' && c != ',';
    }

    /** Characters of an unquoted field argument: anything but blanks, quotes and brackets. */
    static boolean isFieldArgChar(char c) {
        return !isBlank(c) && c != '[' && c != ']' && c != '"' && c != '\'';
    }
}
