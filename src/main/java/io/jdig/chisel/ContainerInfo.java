package io.jdig.chisel;

/** One container for {@code sysdig.get_container_table()}; type is "docker", "lxc", "cri", ... */
public record ContainerInfo(String id, String name, String image, String type) {}
