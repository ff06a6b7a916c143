package io.jdig.state;

import io.jdig.event.ByteBuf;

/**
 * How ports are written in addresses and fd names: as numbers (sysdig's default), or by the names the services
 * database gives them ({@code -R}; a port it does not name stays a number). A setting of the state engine, since
 * sinsp names sockets with it when it meets them.
 */
public enum PortNames {
    NUMBERS, SERVICES;

    /** Appends a port as this setting writes it. */
    public ByteBuf append(ByteBuf b, int port, int l4proto) {
        String name = this == SERVICES ? Services.name(port, l4proto) : null;
        return name != null ? b.append(name) : b.append(port);
    }
}
