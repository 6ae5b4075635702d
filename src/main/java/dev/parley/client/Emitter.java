package dev.parley.client;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/** Hands events to every listener on the executor it registered with, in order. */
final class Emitter {

    private record Registration(ChatListener listener, Executor executor) {
    }

    private final List<Registration> registrations = new CopyOnWriteArrayList<>();

    void add(ChatListener listener, Executor executor) {
        registrations.add(new Registration(listener, executor));
    }

    void remove(ChatListener listener) {
        registrations.removeIf(r -> r.listener() == listener);
    }

    void emit(ChatEvent event) {
        for (Registration r : registrations) {
            try {
                r.executor().execute(() -> r.listener().onEvent(event));
            } catch (RejectedExecutionException e) {
                // That face has shut its executor down (a script that ended): it wants no more events.
                registrations.remove(r);
            }
        }
    }
}
