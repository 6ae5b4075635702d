package dev.parley.storage.sqlite;

import dev.parley.model.ChatMessage;
import java.util.Comparator;
import java.util.List;

/** A message read back with its seq, its place in append order. */
record StoredMessage(long seq, ChatMessage message) {

    /** The messages in append order, whatever order they were read in. */
    static List<ChatMessage> inAppendOrder(List<StoredMessage> read) {
        return read.stream().sorted(Comparator.comparingLong(StoredMessage::seq)).map(StoredMessage::message).toList();
    }
}
