package dev.parley.storage.sqlite;

import dev.parley.model.ChannelTopic;
import dev.parley.model.ChatMessage;
import dev.parley.storage.Conversation;
import java.util.concurrent.CompletableFuture;

/** One entry of the writer's queue: a write and the future to complete once it is committed, or the stop mark. */
sealed interface PendingWrite {

    /** Queued by {@code close()} after the last accepted write; the writer drains the queue and ends. */
    PendingWrite STOP = new Stop();

    record Append(Conversation conversation, ChatMessage message, CompletableFuture<ChatMessage> done)
            implements PendingWrite {
    }

    record Topic(String channelKey, ChannelTopic topic, CompletableFuture<Void> done) implements PendingWrite {
    }

    record Stop() implements PendingWrite {
    }
}
