package dev.parley.ui.fx.channels;

import dev.parley.model.ChannelSummary;
import dev.parley.ui.fx.Texts;
import dev.parley.ui.fx.Views;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The channel list's view ({@code fxml/ChannelList.fxml}): a table over a
 * {@link ChannelListViewModel}, sortable by any column, busiest channels first.
 */
public final class ChannelListDialog {

    @FXML private TextField filter;
    @FXML private TableView<ChannelSummary> channels;
    @FXML private TableColumn<ChannelSummary, String> nameColumn;
    @FXML private TableColumn<ChannelSummary, Integer> usersColumn;
    @FXML private TableColumn<ChannelSummary, String> topicColumn;
    @FXML private Label placeholder;
    @FXML private Label count;
    @FXML private Button join;

    private final ChannelListViewModel model;
    private final Texts texts;

    ChannelListDialog(ChannelListViewModel model, Texts texts) {
        this.model = Objects.requireNonNull(model, "model");
        this.texts = Objects.requireNonNull(texts, "texts");
    }

    /**
     * Shows the list beside {@code owner} (not modal: the user may chat while it is open) and
     * returns at once. Joining leaves it open, so several channels can be joined in a row. Call
     * on the FX thread.
     */
    public static Stage open(Window owner, Texts texts, ChannelListViewModel model) {
        ChannelListDialog view = new ChannelListDialog(model, texts);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(texts.get("channelList.title"));
        stage.setScene(new Scene(Views.load("ChannelList", view, texts)));
        stage.show();
        view.filter.requestFocus();
        return stage;
    }

    @FXML
    private void initialize() {
        filter.textProperty().bindBidirectional(model.filter());
        nameColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().name()));
        nameColumn.setComparator(String.CASE_INSENSITIVE_ORDER);
        usersColumn.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().users()));
        topicColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().topic()));
        channels.setItems(model.items());
        // The table's sort (a header click) drives the model's order, starting busiest first.
        // Bound before sorting: the table undoes a sort that its SortedList does not follow.
        model.order().bind(channels.comparatorProperty());
        usersColumn.setSortType(TableColumn.SortType.DESCENDING);
        channels.getSortOrder().setAll(usersColumn);
        channels.setRowFactory(table -> joiningRow());
        join.disableProperty().bind(channels.getSelectionModel().selectedItemProperty().isNull());
        placeholder.textProperty().bind(Bindings.createStringBinding(this::placeholderText,
                model.loading(), model.total(), model.filter()));
        count.textProperty().bind(Bindings.createStringBinding(
                () -> texts.get("channelList.count", model.items().size(), model.total().get()),
                model.items(), model.total()));
    }

    /** A row that joins its channel on a double click. */
    private TableRow<ChannelSummary> joiningRow() {
        TableRow<ChannelSummary> row = new TableRow<>();
        row.setOnMouseClicked(event -> {
            if (!row.isEmpty() && event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2) {
                model.join(row.getItem().name());
            }
        });
        return row;
    }

    /** Why the table is empty: still asking, a server without channels, or the filter. */
    private String placeholderText() {
        if (model.loading().get()) {
            return texts.get("channelList.loading");
        }
        return model.total().get() == 0 ? texts.get("channelList.empty")
                : texts.get("channelList.noMatch", model.filter().get().strip());
    }

    @FXML
    private void joinAction() {
        ChannelSummary selected = channels.getSelectionModel().getSelectedItem();
        if (selected != null) {
            model.join(selected.name());
        }
    }

    @FXML
    private void refreshAction() {
        model.refresh();
    }

    @FXML
    private void closeAction() {
        join.getScene().getWindow().hide();
    }
}
