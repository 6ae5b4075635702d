package dev.parley.model;

/** What kind of chat message: an ordinary message (IRC PRIVMSG, a /me action included) or a notice. */
public enum MessageKind {
    MESSAGE,
    NOTICE
}
