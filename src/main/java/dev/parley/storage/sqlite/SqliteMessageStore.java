package dev.parley.storage.sqlite;

import dev.parley.model.ChannelTopic;
import dev.parley.model.ChatMessage;
import dev.parley.storage.Conversation;
import dev.parley.storage.ConversationActivity;
import dev.parley.storage.HistoryRef;
import dev.parley.storage.MessageStore;
import dev.parley.storage.StoreException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link MessageStore} of a relay or mesh peer: two SQLite files in its data folder, the
 * messages in {@value #FILE_NAME} and their search index in {@value #SEARCH_FILE_NAME}. Appends go
 * through one writer thread that commits them in batches ({@link BatchWriter}); another thread
 * fills the search index behind them ({@link SearchIndexer}); reads use
 * a pool of their own connections ({@link ReadPool}), which WAL lets run while the writer commits;
 * another thread copies the log into the database file ({@link Checkpointer}). One process at a
 * time may open a folder.
 */
public final class SqliteMessageStore implements MessageStore {

    public static final String FILE_NAME = "parley.db";
    /** The search index, in a file of its own so that writing it never holds up an append. */
    public static final String SEARCH_FILE_NAME = "parley-search.db";

    private static final Logger log = LoggerFactory.getLogger(SqliteMessageStore.class);

    private final Path db;
    private final DataDirLock lock;
    private final Connection writerConnection;
    private final WriteStatements statements;
    private final BatchWriter writer;
    private final SearchIndexer indexer;
    private final ReadPool reads;
    private final Checkpointer checkpointer;
    private volatile boolean closed;

    private SqliteMessageStore(Path db, DataDirLock lock, Connection writerConnection, WriteStatements statements,
                               BatchWriter writer, SearchIndexer indexer, ReadPool reads, Checkpointer checkpointer) {
        this.db = db;
        this.lock = lock;
        this.writerConnection = writerConnection;
        this.statements = statements;
        this.writer = writer;
        this.indexer = indexer;
        this.reads = reads;
        this.checkpointer = checkpointer;
    }

    /**
     * Opens (creating if needed) the store in {@code dataDir}. Fails with a {@link StoreException}
     * naming the file and the reason when the folder cannot be written, another process has the
     * store open, or the file is not a Parley database.
     */
    public static SqliteMessageStore open(Path dataDir) {
        return open(dataDir, SqliteOptions.defaults());
    }

    static SqliteMessageStore open(Path dataDir, SqliteOptions options) {
        Path db = dataDir.resolve(FILE_NAME).toAbsolutePath();
        Path searchDb = dataDir.resolve(SEARCH_FILE_NAME).toAbsolutePath();
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new StoreException("cannot open " + db + ": cannot create the folder " + dataDir + " ("
                    + describe(e) + ")", e);
        }
        if (!Files.isWritable(dataDir)) {
            throw new StoreException("cannot open " + db + ": the folder " + dataDir + " is not writable");
        }
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            DataDirLock lock = DataDirLock.acquire(dataDir.resolve(FILE_NAME + ".lock"));
            opened.addFirst(lock);
            Connection writerConnection = Connections.writer(db, options);
            opened.addFirst(writerConnection);
            int found = Schema.STORE.migrate(writerConnection);
            WriteStatements statements = new WriteStatements(writerConnection);
            opened.addFirst(statements);
            SearchIndexer indexer = SearchIndexer.open(searchDb, db, options);
            opened.addFirst(indexer);
            List<ReadConnection> readers = new ArrayList<>();
            for (int i = 0; i < options.readers(); i++) {
                ReadConnection reader = new ReadConnection(Connections.reader(db, searchDb, options));
                opened.addFirst(reader);
                readers.add(reader);
            }
            Checkpointer checkpointer = new Checkpointer(Connections.checkpointer(db, options), db.toString());
            opened.addFirst(checkpointer);
            BatchWriter writer = new BatchWriter(statements, indexer, checkpointer, options, db.toString());
            SqliteMessageStore store = new SqliteMessageStore(db, lock, writerConnection, statements, writer,
                    indexer, new ReadPool(readers, db.toString()), checkpointer);
            writer.start();
            indexer.start();
            checkpointer.start();
            log.debug("Opened the message store {} (schema version {}{})", db, Schema.STORE.version(),
                    found == Schema.STORE.version() ? "" : ", migrated from " + found);
            return store;
        } catch (SQLException | StoreException e) {
            closeAll(opened);
            throw new StoreException("cannot open " + db + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeAll(opened);
            throw e;
        }
    }

    @Override
    public Thread afterEachBatch(Runnable action) {
        return writer.afterEachBatch(action);
    }

    @Override
    public CompletableFuture<ChatMessage> append(Conversation conversation, ChatMessage message) {
        CompletableFuture<ChatMessage> done = new CompletableFuture<>();
        submitAppend(conversation, message, done);
        return done;
    }

    @Override
    public <T> CompletableFuture<T> appendThen(Conversation conversation, ChatMessage message,
                                               BiFunction<? super ChatMessage, Throwable, ? extends T> then) {
        CompletableFuture<ChatMessage> done = new CompletableFuture<>();
        CompletableFuture<T> result = done.handle(then);
        submitAppend(conversation, message, done);
        return result;
    }

    private void submitAppend(Conversation conversation, ChatMessage message, CompletableFuture<ChatMessage> done) {
        Objects.requireNonNull(conversation, "conversation");
        ensureOpen();
        writer.submit(new PendingWrite.Append(conversation, atMillis(message), done));
    }

    @Override
    public List<ChatMessage> latest(String conversation, int limit) {
        checkLimit(limit);
        return read(() -> "the latest messages of " + conversation, c -> HistoryReader.latest(c, conversation, limit));
    }

    @Override
    public List<ChatMessage> latestAfter(String conversation, HistoryRef after, int limit) {
        checkLimit(limit);
        return read(() -> "the latest messages of " + conversation + " after " + after,
                c -> HistoryReader.latestAfter(c, conversation, after, limit));
    }

    @Override
    public List<ChatMessage> before(String conversation, HistoryRef ref, int limit) {
        checkLimit(limit);
        return read(() -> "the messages of " + conversation + " before " + ref,
                c -> HistoryReader.before(c, conversation, ref, limit));
    }

    @Override
    public List<ChatMessage> after(String conversation, HistoryRef ref, int limit) {
        checkLimit(limit);
        return read(() -> "the messages of " + conversation + " after " + ref,
                c -> HistoryReader.after(c, conversation, ref, limit));
    }

    @Override
    public List<ChatMessage> around(String conversation, HistoryRef ref, int limit) {
        checkLimit(limit);
        return read(() -> "the messages of " + conversation + " around " + ref,
                c -> HistoryReader.around(c, conversation, ref, limit));
    }

    @Override
    public List<ChatMessage> between(String conversation, HistoryRef from, HistoryRef to, int limit) {
        checkLimit(limit);
        return read(() -> "the messages of " + conversation + " between " + from + " and " + to,
                c -> HistoryReader.between(c, conversation, from, to, limit));
    }

    @Override
    public List<ConversationActivity> activity(Collection<String> conversations, Instant from, Instant to, int limit) {
        checkLimit(limit);
        return read(() -> "the activity from " + from + " to " + to,
                c -> CatalogReader.activity(c, conversations, from, to, limit));
    }

    @Override
    public Set<String> conversationsOf(String participant) {
        return read(() -> "the conversations of " + participant, c -> CatalogReader.conversationsOf(c, participant));
    }

    @Override
    public Optional<ChatMessage> byId(String id) {
        return read(() -> "message " + id, c -> HistoryReader.byId(c, id));
    }

    @Override
    public List<ChatMessage> search(Collection<String> conversations, String query, int limit) {
        checkLimit(limit);
        return read(() -> "search results for " + query, c -> CatalogReader.search(c, conversations, query, limit));
    }

    @Override
    public void saveTopic(String channelKey, ChannelTopic topic) {
        Objects.requireNonNull(channelKey, "channelKey");
        ensureOpen();
        Instant setAt = Instant.ofEpochMilli(Millis.stored(topic.setAt()));
        PendingWrite.Topic write = new PendingWrite.Topic(channelKey,
                new ChannelTopic(topic.channel(), topic.text(), topic.setBy(), setAt), new CompletableFuture<>());
        writer.submit(write);
        try {
            write.done().join();
        } catch (CompletionException e) {
            throw new StoreException("could not save the topic of " + channelKey + ": " + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    @Override
    public Map<String, ChannelTopic> topics() {
        return read(() -> "the topics", CatalogReader::topics);
    }

    /**
     * Commits every accepted write and completes its future, brings the search index up to date
     * (so that a store opened again on this folder searches everything at once), then closes the
     * files. Later calls do nothing. Must not be called from a completion callback (it would wait
     * for its own thread).
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        if (writer.isWriterThread()) {
            throw new IllegalStateException("the store cannot be closed from a completion callback");
        }
        closed = true;
        writer.stop();
        closeAll(List.of(indexer));
        reads.close();
        closeAll(List.of(checkpointer));
        // The last connection to close checkpoints the WAL into the database file.
        closeAll(List.of(statements, writerConnection, lock));
        log.debug("Closed the message store {}", db);
    }

    private <T> T read(Supplier<String> what, SqlFunction<ReadConnection, T> query) {
        ensureOpen();
        try {
            return reads.read(query);
        } catch (SQLException e) {
            throw new StoreException("could not read " + what.get() + " from " + db + ": " + e.getMessage(), e);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new StoreException("the message store " + db + " is closed");
        }
    }

    private static void checkLimit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
    }

    private static ChatMessage atMillis(ChatMessage m) {
        Instant time = Instant.ofEpochMilli(Millis.stored(m.time()));
        return time.equals(m.time()) ? m
                : new ChatMessage(m.id(), time, m.target(), m.sender(), m.origin(), m.text(), m.kind());
    }

    private static String describe(IOException e) {
        return switch (e) {
            case FileAlreadyExistsException x -> "a file is in the way: " + x.getFile();
            case AccessDeniedException x -> "permission denied: " + x.getFile();
            case FileSystemException x when x.getReason() != null -> x.getReason() + ": " + x.getFile();
            default -> e.toString();
        };
    }

    private static void closeAll(List<? extends AutoCloseable> resources) {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                log.warn("Could not close {}", resource, e);
            }
        }
    }
}
