/**
 * sysdig's filter language: parser, AST and byte-level comparison primitives.
 *
 * <h2>Parsing</h2>
 * {@link io.jdig.filter.FilterParser#parse(String)} returns an {@link io.jdig.filter.Expr} tree or throws
 * {@link io.jdig.filter.FilterException} (and nothing else). The grammar is the one of
 * falcosecurity/libs 0.7+ (sysdig 0.30+), with these points a compiler must know:
 * <ul>
 * <li>{@code not} binds tighter than {@code and}, which binds tighter than {@code or}; runs of the same
 * operator are flattened ({@code a or b or c} is one {@code Or} with three children), parenthesised
 * groups are not ({@code (a or b) or c} is {@code Or[Or[a,b],c]}). Consecutive {@code not not} cancel.</li>
 * <li>Field names are {@code [a-zA-Z][a-zA-Z0-9_]*} segments joined by dots (at least two segments),
 * optionally followed directly by {@code [arg]}. {@code evt.arg.fd}, {@code fd.cip.name} and
 * {@code thread.cgroup.cpuacct} arrive as whole names: the registry must match the longest known
 * field prefix and treat the rest ({@code .fd}) as the argument.</li>
 * <li>{@code <, <=, >, >=} only accept number literals ({@code [+-]?digits[.digits][e[+-]digits]} or
 * {@code 0x..}); the text is passed as is. All other values are strings (quoted or bare) that the
 * compiler converts to the field's type (numbers for numeric fields, {@code true/false} for bools,
 * CIDR for {@code fd.net}, ...).</li>
 * <li>{@code in}, {@code intersects}, {@code pmatch} take a {@link io.jdig.filter.Value.StrList} (possibly
 * empty) or a single bare identifier ({@code proc.name in bash}) that libs treats as a one-element
 * list: use {@link io.jdig.filter.Value#items()} for both.</li>
 * <li>{@code bcontains} / {@code bstartswith} values are hex strings: decode with
 * {@link io.jdig.filter.Hex#decode(String)} on the value's text. Other operators compare against
 * {@link io.jdig.filter.Value.Str#bytes()} (UTF-8, plus raw bytes from {@code \xHH} escapes).</li>
 * <li>{@code regex} is parsed; libs compiles the value as a POSIX (RE2) regex that must match the whole
 * string.</li>
 * <li>{@code =} and {@code ==} are the same operator.</li>
 * <li>Field transformers ({@code tolower(...)}, {@code val(...)}) and list modifiers
 * ({@code oneof/anyof/allof}) are rejected.</li>
 * </ul>
 *
 * <h2>Comparisons</h2>
 * {@link io.jdig.filter.BytePattern} factories precompile {@code =}, {@code contains}, {@code icontains},
 * {@code startswith}, {@code endswith}, {@code glob}, {@code iglob}, {@code bcontains},
 * {@code bstartswith} and {@code pmatch} into allocation-free matchers over {@code byte[], off, len}.
 */
package io.jdig.filter;
