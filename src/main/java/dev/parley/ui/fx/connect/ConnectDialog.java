package dev.parley.ui.fx.connect;

import atlantafx.base.theme.Styles;
import dev.parley.client.RelayFinder.FoundRelay;
import dev.parley.ui.fx.DesktopContext;
import dev.parley.ui.fx.Texts;
import dev.parley.ui.fx.Views;
import dev.parley.ui.fx.connect.ConnectProblem.Field;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.GridPane;
import javafx.stage.DirectoryChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The connect dialog's view ({@code fxml/ConnectDialog.fxml}): binds the nodes to a
 * {@link ConnectViewModel} and hands the request on when the user clicks Connect.
 */
public final class ConnectDialog {

    @FXML private TextField nick;
    @FXML private ToggleGroup modes;
    @FXML private RadioButton relayChoice;
    @FXML private RadioButton hostChoice;
    @FXML private RadioButton meshChoice;
    @FXML private GridPane relayFields;
    @FXML private TextField address;
    @FXML private PasswordField password;
    @FXML private ListView<FoundRelay> relays;
    @FXML private GridPane hostFields;
    @FXML private TextField hostName;
    @FXML private TextField hostPort;
    @FXML private TextField dataDir;
    @FXML private Label error;
    @FXML private Button connect;

    private final ConnectViewModel model;
    private final Texts texts;
    private final Consumer<ConnectRequest> onConnect;

    ConnectDialog(ConnectViewModel model, Texts texts, Consumer<ConnectRequest> onConnect) {
        this.model = Objects.requireNonNull(model, "model");
        this.texts = Objects.requireNonNull(texts, "texts");
        this.onConnect = Objects.requireNonNull(onConnect, "onConnect");
    }

    /**
     * Shows the dialog, modal over {@code owner} (or over the whole app when null), and returns at
     * once. When the user clicks Connect and the fields are valid, the dialog closes and
     * {@code onConnect} gets the request on the FX thread; Cancel or Escape closes it without.
     * Lists the relays on the LAN while it is open. Call on the FX thread.
     */
    public static Stage open(Window owner, DesktopContext context, Texts texts, Consumer<ConnectRequest> onConnect) {
        ConnectViewModel model = new ConnectViewModel(context.settings(), context.finder(), Platform::runLater);
        ConnectDialog view = new ConnectDialog(model, texts, onConnect);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(owner == null ? Modality.APPLICATION_MODAL : Modality.WINDOW_MODAL);
        stage.setTitle(texts.get("connect.title"));
        stage.setScene(new Scene(Views.load("ConnectDialog", view, texts)));
        stage.setOnHidden(event -> model.close());
        stage.show();
        model.watchLan();
        view.nick.requestFocus();
        return stage;
    }

    @FXML
    private void initialize() {
        nick.textProperty().bindBidirectional(model.nick());
        address.textProperty().bindBidirectional(model.address());
        password.textProperty().bindBidirectional(model.password());
        hostName.textProperty().bindBidirectional(model.hostName());
        hostPort.textProperty().bindBidirectional(model.hostPort());
        dataDir.textProperty().bindBidirectional(model.dataDir());
        bindChoices();
        bindRelayList();
        bindProblem();
        connect.disableProperty().bind(Bindings.not(model.valid()));
    }

    private void bindChoices() {
        Map<ConnectMode, Toggle> choices = new EnumMap<>(Map.of(
                ConnectMode.RELAY, relayChoice, ConnectMode.HOST, hostChoice, ConnectMode.MESH, meshChoice));
        choices.forEach((mode, choice) -> choice.setUserData(mode));
        modes.selectToggle(choices.get(model.mode().get()));
        modes.selectedToggleProperty().addListener((o, old, now) -> {
            if (now != null) {
                model.mode().set((ConnectMode) now.getUserData());
            }
        });
        model.mode().addListener((o, old, now) -> modes.selectToggle(choices.get(now)));
        // The other modes' fields stay in view, greyed, so the dialog keeps its size and shape.
        // The LAN list stays live: picking a relay there chooses Relay (ConnectViewModel.pick).
        relayFields.disableProperty().bind(model.mode().isNotEqualTo(ConnectMode.RELAY));
        hostFields.disableProperty().bind(model.mode().isNotEqualTo(ConnectMode.HOST));
    }

    private void bindRelayList() {
        relays.setItems(model.relays());
        relays.setCellFactory(list -> new RelayCell());
        relays.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> {
            if (now != null) {
                model.pick(now);
            }
        });
    }

    private void bindProblem() {
        error.textProperty().bind(Bindings.createStringBinding(() -> describe(model.problem().get()), model.problem()));
        error.visibleProperty().bind(Bindings.not(model.valid()));
        error.managedProperty().bind(error.visibleProperty());
        Map<Field, Node> fields = new EnumMap<>(Map.of(Field.NICK, nick, Field.ADDRESS, address,
                Field.HOST_NAME, hostName, Field.HOST_PORT, hostPort, Field.DATA_DIR, dataDir));
        markField(fields, model.problem().get());
        model.problem().addListener((o, old, now) -> markField(fields, now));
    }

    /** Outlines the field the error is about, so the user sees where to look. */
    private static void markField(Map<Field, Node> fields, ConnectProblem problem) {
        fields.forEach((field, node) ->
                node.pseudoClassStateChanged(Styles.STATE_DANGER, problem != null && problem.field() == field));
    }

    private String describe(ConnectProblem problem) {
        return problem == null ? "" : texts.get(problem.key(), problem.args().toArray());
    }

    @FXML
    private void connectAction() {
        model.request().ifPresent(request -> {
            connect.getScene().getWindow().hide();
            onConnect.accept(request);
        });
    }

    @FXML
    private void cancelAction() {
        connect.getScene().getWindow().hide();
    }

    @FXML
    private void browseAction() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(texts.get("connect.host.browse.title"));
        existingFolder(model.dataDir().get()).ifPresent(chooser::setInitialDirectory);
        File chosen = chooser.showDialog(connect.getScene().getWindow());
        if (chosen != null) {
            model.dataDir().set(chosen.getAbsolutePath());
        }
    }

    /** The chooser fails on a folder that does not exist, which a new data folder often is. */
    private static Optional<File> existingFolder(String text) {
        try {
            Path path = Path.of(text.strip());
            return Files.isDirectory(path) ? Optional.of(path.toFile()) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    /** A LAN relay as "name (host:port)"; a double click connects to it. */
    private final class RelayCell extends ListCell<FoundRelay> {

        RelayCell() {
            setOnMouseClicked(event -> {
                if (!isEmpty() && event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2) {
                    model.pick(getItem());
                    connectAction();
                }
            });
        }

        @Override
        protected void updateItem(FoundRelay relay, boolean empty) {
            super.updateItem(relay, empty);
            setText(empty || relay == null ? null : texts.get("connect.relay.item", relay.name(), relay.endpoint()));
        }
    }
}
