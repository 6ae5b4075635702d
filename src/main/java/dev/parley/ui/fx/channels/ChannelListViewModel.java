package dev.parley.ui.fx.channels;

import dev.parley.model.ChannelSummary;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableIntegerValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/**
 * The channel list ({@code /list}) without its nodes: the server's channels, narrowed by a filter
 * and sorted. Use it on the FX thread; the app calls {@link #show} there when the list arrives.
 */
public final class ChannelListViewModel {

    /** Busiest first, as a classroom looks for where everyone is; ties by name. */
    public static final Comparator<ChannelSummary> MOST_USERS_FIRST = Comparator
            .comparingInt(ChannelSummary::users).reversed()
            .thenComparing(ChannelSummary::name, String.CASE_INSENSITIVE_ORDER);

    private final ObservableList<ChannelSummary> all = FXCollections.observableArrayList();
    private final FilteredList<ChannelSummary> filtered = new FilteredList<>(all);
    private final SortedList<ChannelSummary> sorted = new SortedList<>(filtered, MOST_USERS_FIRST);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading", true);
    private final ObservableIntegerValue total = Bindings.size(all);
    private final Consumer<String> onJoin;
    private final Runnable onRefresh;

    /**
     * @param onJoin    joins the named channel
     * @param onRefresh asks the server for its list again; the answer comes back through {@link #show}
     */
    public ChannelListViewModel(Consumer<String> onJoin, Runnable onRefresh) {
        this.onJoin = Objects.requireNonNull(onJoin, "onJoin");
        this.onRefresh = Objects.requireNonNull(onRefresh, "onRefresh");
        filtered.predicateProperty().bind(Bindings.createObjectBinding(() -> matching(filter.get()), filter));
    }

    /**
     * The channels the filter lets through, in {@link #order()}; read-only. The sorted list itself,
     * not a wrapper: a TableView sorts a SortedList through its comparator, but tries to sort
     * any other list in place.
     */
    public ObservableList<ChannelSummary> items() {
        return sorted;
    }

    /** Text to look for in a channel's name or topic, in any case; blank shows every channel. */
    public StringProperty filter() {
        return filter;
    }

    /**
     * How {@link #items()} is sorted: {@link #MOST_USERS_FIRST} until a table binds it to its
     * column sorting; null keeps the order the server sent.
     */
    public ObjectProperty<Comparator<? super ChannelSummary>> order() {
        return sorted.comparatorProperty();
    }

    /** True until the first {@link #show} and again while a refresh is on its way. */
    public ReadOnlyBooleanProperty loading() {
        return loading.getReadOnlyProperty();
    }

    /** How many channels the server has, filter or not. */
    public ObservableIntegerValue total() {
        return total;
    }

    /** Replaces the channels with the server's latest list. */
    public void show(List<ChannelSummary> channels) {
        all.setAll(channels);
        loading.set(false);
    }

    /** Asks the server again; the channels shown so far stay until the answer arrives. */
    public void refresh() {
        loading.set(true);
        onRefresh.run();
    }

    public void join(String channel) {
        onJoin.accept(channel);
    }

    static Predicate<ChannelSummary> matching(String text) {
        // Locale.ROOT: lower-casing by the user's locale would make "I" miss "i" in Turkish.
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (wanted.isEmpty()) {
            return channel -> true;
        }
        return channel -> channel.name().toLowerCase(Locale.ROOT).contains(wanted)
                || channel.topic().toLowerCase(Locale.ROOT).contains(wanted);
    }
}
