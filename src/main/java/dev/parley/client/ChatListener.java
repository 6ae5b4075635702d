package dev.parley.client;

/** Receives the client service's events, on the executor it was registered with. */
@FunctionalInterface
public interface ChatListener {
    void onEvent(ChatEvent event);
}
