package io.jdig.cli;

/**
 * The output formats that sysdig 0.29 names instead of spelling them out: {@code -pc}/{@code -pcontainer},
 * {@code -pk}/{@code -pkubernetes} and {@code -pm}/{@code -pmesos} (also as {@code -p NAME} and
 * {@code --print=NAME}). Each is the default line with the container's, pod's or task's name and the container id
 * after the CPU, and each also makes chisels print container data, as sysdig does.
 */
enum PrintPreset {
    CONTAINER("c", "container", "%container.name"),
    KUBERNETES("k", "kubernetes", "%k8s.pod.name"),
    MESOS("m", "mesos", "%mesos.task.name");

    private final String letter;
    private final String word;
    private final String format;

    PrintPreset(String letter, String word, String nameField) {
        this.letter = letter;
        this.word = word;
        this.format = "*%evt.num %evt.outputtime %evt.cpu " + nameField + " (%container.id) %proc.name "
                + "(%thread.tid:%thread.vtid) %evt.dir %evt.type %evt.info";
    }

    String format() {
        return format;
    }

    /** The preset that the value of a {@code -p} names, or null for an ordinary format. */
    static PrintPreset ofName(String value) {
        for (PrintPreset p : values()) {
            if (value.equals(p.letter) || value.equals(p.word)) {
                return p;
            }
        }
        return null;
    }
}
