package dev.parley.model;

/** Whether someone can be reached: here, marked away, or (mesh) silent for a while. */
public enum Presence {
    HERE,
    AWAY,
    UNREACHABLE
}
