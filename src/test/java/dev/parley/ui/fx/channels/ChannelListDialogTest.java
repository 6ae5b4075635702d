package dev.parley.ui.fx.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.model.ChannelSummary;
import dev.parley.ui.fx.Texts;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

/** The /list window as the user drives it, on the headless glass platform. */
@ExtendWith(ApplicationExtension.class)
class ChannelListDialogTest {

    private final List<String> joined = new CopyOnWriteArrayList<>();
    private final AtomicInteger refreshes = new AtomicInteger();
    private final ChannelListViewModel model = new ChannelListViewModel(joined::add, refreshes::incrementAndGet);
    private Stage window;
    private TableView<ChannelSummary> table;

    @BeforeEach
    void open(FxRobot robot) {
        robot.interact(() -> window = ChannelListDialog.open(null, Texts.forLanguage("en"), model));
        table = robot.lookup("#channels").queryTableView();
    }

    @AfterEach
    void closeWindows() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void typingInTheFilterNarrowsTheTable(FxRobot robot) {
        robot.interact(() -> model.show(ChannelListViewModelTest.SERVER));
        assertEquals(4, table.getItems().size());
        assertEquals(ChannelListViewModelTest.MATHS, table.getItems().getFirst(), "busiest first");
        assertEquals("Showing 4 of 4 channels", label(robot, "#count").getText());

        robot.clickOn("#filter").write("algebra");

        assertEquals(List.of(ChannelListViewModelTest.MATHS, ChannelListViewModelTest.ALGEBRA), table.getItems());
        assertEquals("Showing 2 of 4 channels", label(robot, "#count").getText());
        robot.write("zzz");
        assertEquals(List.of(), table.getItems());
        assertEquals("No channel matches “algebrazzz”.", label(robot, "#placeholder").getText());
    }

    @Test
    void selectingARowAndClickingJoinJoinsIt(FxRobot robot) {
        robot.interact(() -> model.show(ChannelListViewModelTest.SERVER));
        Button join = robot.lookup("#join").queryButton();
        assertTrue(join.isDisabled(), "nothing selected yet");

        robot.clickOn(row(robot, "#lobby"));
        assertFalse(join.isDisabled());
        robot.clickOn(join);

        assertEquals(List.of("#lobby"), joined);
        assertTrue(window.isShowing(), "the list stays for the next channel");
    }

    @Test
    void doubleClickingARowJoinsIt(FxRobot robot) {
        robot.interact(() -> model.show(ChannelListViewModelTest.SERVER));
        robot.doubleClickOn(row(robot, "#art"));
        assertEquals(List.of("#art"), joined);
    }

    @Test
    void sortingTheTableByAColumnReordersTheRows(FxRobot robot) {
        robot.interact(() -> model.show(ChannelListViewModelTest.SERVER));
        TableColumn<ChannelSummary, ?> name = table.getColumns().getFirst();
        // What a click on the header does. The robot cannot click it here: on the headless
        // platform every click counts as a popup trigger, and headers ignore those.
        robot.interact(() -> {
            name.setSortType(TableColumn.SortType.ASCENDING);
            table.getSortOrder().setAll(name);
        });
        assertEquals(List.of(name), table.getSortOrder(), "the table keeps a sort its items follow");
        assertEquals(List.of("#Algebra", "#art", "#lobby", "#maths"),
                table.getItems().stream().map(ChannelSummary::name).toList());
    }

    @Test
    void refreshAsksAgainAndSaysSoWhileTheTableIsEmpty(FxRobot robot) {
        assertEquals("Asking the server for its channels…", label(robot, "#placeholder").getText());
        robot.interact(() -> model.show(List.of()));
        assertEquals("This server has no channels yet.", label(robot, "#placeholder").getText());

        robot.clickOn("#refresh");

        assertEquals(1, refreshes.get());
        assertEquals("Asking the server for its channels…", label(robot, "#placeholder").getText());
    }

    @Test
    void escapeClosesTheList(FxRobot robot) {
        robot.clickOn("#filter").press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        assertFalse(window.isShowing());
        assertEquals(List.of(), joined);
    }

    private static Label label(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class);
    }

    private static TableRow<?> row(FxRobot robot, String channel) {
        return robot.lookup(".table-row-cell").<TableRow<?>>match(row -> row.getItem() instanceof ChannelSummary c
                && c.name().equals(channel)).queryAs(TableRow.class);
    }
}
