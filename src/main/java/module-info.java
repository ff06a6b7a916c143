/**
 * jdig: system exploration and troubleshooting for Linux, compatible with sysdig's trace files, filters, fields and
 * chisels. Programs use it through {@link io.jdig.consumer.EventStream}: open a trace file or live capture, set a
 * filter, read fields by their sysdig names. Everything else (the reader, the state engine, the driver, the command
 * line) is internal.
 */
module io.jdig {
    requires info.picocli;
    requires com.googlecode.lanterna;
    // only at compile time: the tests, compiled into the module, count allocated bytes with the JVM's thread bean
    requires static jdk.management;
    // the web UI's server (jdig ui)
    requires jdk.httpserver;
    // sun.misc.Signal: while an action's command has the terminal, Ctrl+C is the command's, not cjdig's
    requires jdk.unsupported;

    exports io.jdig.consumer;
}
