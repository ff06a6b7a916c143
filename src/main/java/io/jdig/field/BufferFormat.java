package io.jdig.field;

/** How data buffers are printed: sysdig's normal, -A, -x, -X and -b renderings, and their JSON variants. */
public enum BufferFormat {
    NORMAL, ASCII, HEX, HEXASCII, BASE64;
}
