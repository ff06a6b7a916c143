package io.jdig.view.cli;

/** The text of {@code cjdig --help}. */
final class Usage {
    private Usage() {
    }

    static final String TEXT = """
            Usage: cjdig [options] [filter]

            Explore a capture through views: tables of processes, files, connections, system calls, errors...
            (the views of csysdig, found along the chisel path as chisels are). Without -j or --raw, a full-screen
            table to explore them with the keys (F1 there lists them); live (as root) without -r.

            Options:
             -r FILE, --read FILE      read the events from a trace file
             -v VIEW, --view VIEW      the view to show (its id; see --list-views); default: the first root view
             -d MS, --delay MS         time between samples of a live capture, in milliseconds (default 2000)
             -j, --json                print the view's data as JSON (what Sysdig Inspect reads)
             --raw                     print the view's table as text
             -n N, --numevents N       stop after N events
             -pc, -pcontainer          show the container columns of the views
             -R                        show port numbers as service names
             -s LEN, --snaplen LEN     bytes of each I/O buffer to capture live
             -A, --print-ascii         with -j, data buffers as their text (full screen: the echo window's)
             -X, --print-hex-ascii     with -j, data buffers in hex and ASCII (full screen: the echo window's)
             -l, --list                list the fields views can use
             --list-views              list the views: id, name, type and description
             --chisel-path DIR         look for views (and chisels) in DIR too (repeatable)
             -h, --help                this text
             --version                 the version

            The words after the options are a filter, in sysdig's syntax, applied to what the view sees.
            """;
}
