package dev.parley.ui.fx.connect;

import dev.parley.client.RelayFinder;
import dev.parley.client.RelayFinder.FoundRelay;
import dev.parley.config.Settings;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableObjectValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The connect dialog without its nodes: the fields, the relays seen on the LAN, and whether the
 * fields make a request. Use it on one thread (the FX thread in the app); LAN updates arrive on
 * the finder's thread and reach the list through the executor given here.
 */
public final class ConnectViewModel implements AutoCloseable {

    /** The LAN list in a steady order, so rows do not jump when a relay comes or goes. */
    private static final Comparator<FoundRelay> BY_NAME = Comparator
            .comparing(FoundRelay::name, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(FoundRelay::host)
            .thenComparingInt(FoundRelay::port);

    private final StringProperty nick = new SimpleStringProperty(this, "nick", "");
    private final ObjectProperty<ConnectMode> mode = new SimpleObjectProperty<>(this, "mode", ConnectMode.RELAY);
    private final StringProperty address = new SimpleStringProperty(this, "address", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final StringProperty hostName = new SimpleStringProperty(this, "hostName", "");
    private final StringProperty hostPort = new SimpleStringProperty(this, "hostPort", "");
    private final StringProperty dataDir = new SimpleStringProperty(this, "dataDir", "");
    private final ObservableList<FoundRelay> relays = FXCollections.observableArrayList();
    private final ObjectBinding<ConnectForm.Outcome> outcome;
    private final ObjectBinding<ConnectProblem> problem;
    private final ObservableBooleanValue valid;

    private final RelayFinder finder;
    private final Executor fxThread;
    private RelayFinder.Watch watch;
    private boolean closed;

    /**
     * @param settings the fields start as the settings say, so the last choice is offered again
     * @param finder   lists the relays on the LAN once {@link #watchLan()} is called
     * @param fxThread runs the LAN updates on the thread that uses this model
     */
    public ConnectViewModel(Settings settings, RelayFinder finder, Executor fxThread) {
        this.finder = Objects.requireNonNull(finder, "finder");
        this.fxThread = Objects.requireNonNull(fxThread, "fxThread");
        nick.set(settings.nick());
        mode.set(ConnectMode.fromSettings(settings.client().mode()));
        address.set(settings.client().server());
        password.set(Objects.requireNonNullElse(settings.client().password(), ""));
        hostName.set(settings.server().name());
        hostPort.set(Integer.toString(settings.server().port()));
        dataDir.set(settings.server().dataDir().toString());
        outcome = Bindings.createObjectBinding(() -> form().check(), nick, mode, address, password, hostName, hostPort, dataDir);
        problem = Bindings.createObjectBinding(
                () -> outcome.get() instanceof ConnectForm.Outcome.Invalid invalid ? invalid.problem() : null, outcome);
        valid = problem.isNull();
    }

    public StringProperty nick() {
        return nick;
    }

    public ObjectProperty<ConnectMode> mode() {
        return mode;
    }

    /** The relay to connect to: host, host:port, [v6]:port or chat://host:port. */
    public StringProperty address() {
        return address;
    }

    /** The relay's server password (sent with PASS); empty for none. */
    public StringProperty password() {
        return password;
    }

    /** The name a hosted relay announces on the LAN. */
    public StringProperty hostName() {
        return hostName;
    }

    /** The hosted relay's port as typed; 0 picks a free one. */
    public StringProperty hostPort() {
        return hostPort;
    }

    /** Where a hosted relay stores its messages. */
    public StringProperty dataDir() {
        return dataDir;
    }

    /** The relays announcing themselves on the LAN, by name; read-only. */
    public ObservableList<FoundRelay> relays() {
        return FXCollections.unmodifiableObservableList(relays);
    }

    /** The first thing wrong with the fields of the chosen mode, or null when they make a request. */
    public ObservableObjectValue<ConnectProblem> problem() {
        return problem;
    }

    /** Whether {@link #request()} gives a request now. */
    public ObservableBooleanValue valid() {
        return valid;
    }

    /** Picking a relay from the LAN list means connecting to it. */
    public void pick(FoundRelay relay) {
        address.set(relay.endpoint().toString());
        mode.set(ConnectMode.RELAY);
    }

    /** Starts listing the relays on the LAN, until {@link #close()}. Once only. */
    public void watchLan() {
        if (closed || watch != null) {
            throw new IllegalStateException(closed ? "closed" : "already watching");
        }
        watch = finder.watch(found -> fxThread.execute(() -> showRelays(found)));
    }

    private void showRelays(List<FoundRelay> found) {
        // An update may have been queued just before the dialog closed.
        if (!closed) {
            relays.setAll(found.stream().sorted(BY_NAME).toList());
        }
    }

    /** What the fields ask for, or empty while {@link #problem()} says what is wrong. */
    public Optional<ConnectRequest> request() {
        return outcome.get() instanceof ConnectForm.Outcome.Ready ready ? Optional.of(ready.request()) : Optional.empty();
    }

    /** Stops watching the LAN. */
    @Override
    public void close() {
        closed = true;
        if (watch != null) {
            watch.close();
        }
    }

    private ConnectForm form() {
        return new ConnectForm(text(nick), mode.get(), text(address), text(password), text(hostName), text(hostPort), text(dataDir));
    }

    /** Text fields clear their text to null when unbound; the form takes no nulls. */
    private static String text(StringProperty property) {
        return Objects.requireNonNullElse(property.get(), "");
    }

    /**
     * {@code old} with the choice in {@code request} kept for the next start: the nick and the mode
     * always, the relay's address and password for a relay, the relay's name, port and folder when
     * hosting.
     */
    public static Settings remember(Settings old, ConnectRequest request) {
        Settings settings = old.withNick(request.nick())
                .withClient(old.client().withMode(modeOf(request).settingsName()));
        return switch (request) {
            case ConnectRequest.Relay relay -> settings.withClient(settings.client()
                    .withServer(relay.endpoint().toString()).withPassword(relay.endpoint().password()));
            case ConnectRequest.Host host -> settings.withServer(old.server()
                    .withListen(old.server().bind(), host.port())
                    .withIdentity(host.name(), old.server().password())
                    .withDataDir(host.dataDir()));
            case ConnectRequest.Mesh mesh -> settings;
        };
    }

    /**
     * Whether {@code after} connects where {@code before} did, so that the channels open there
     * last time are joined again: the same relay, the same hosted relay's data folder, or the
     * mesh under the same nick (its history is kept per nick).
     */
    public static boolean samePlace(Settings before, Settings after) {
        if (!before.client().mode().equals(after.client().mode())) {
            return false;
        }
        return switch (after.client().mode()) {
            case "relay" -> before.client().server().equals(after.client().server());
            case "host" -> before.server().dataDir().equals(after.server().dataDir());
            default -> before.nick().toLowerCase(Locale.ROOT).equals(after.nick().toLowerCase(Locale.ROOT)); // as its folder is named
        };
    }

    static ConnectMode modeOf(ConnectRequest request) {
        return switch (request) {
            case ConnectRequest.Relay relay -> ConnectMode.RELAY;
            case ConnectRequest.Host host -> ConnectMode.HOST;
            case ConnectRequest.Mesh mesh -> ConnectMode.MESH;
        };
    }
}
