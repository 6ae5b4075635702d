package dev.parley.ui.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The build runs TestFX on JavaFX's headless glass platform (surefire argLine), with no display:
 * a robot can focus a field, type into it and press keys. The GUI's own tests rely on this.
 */
@ExtendWith(ApplicationExtension.class)
class HeadlessTestFxTest {

    private TextField input;

    @Start
    void start(Stage stage) {
        input = new TextField();
        input.setId("input");
        stage.setScene(new Scene(new VBox(input), 300, 100));
        stage.show();
    }

    @Test
    void robotTypesIntoAFieldWithoutADisplay(FxRobot robot) {
        assertEquals("Headless", System.getProperty("glass.platform"));
        robot.clickOn("#input").write("hello parley").press(KeyCode.BACK_SPACE).release(KeyCode.BACK_SPACE);
        assertEquals("hello parle", input.getText());
    }
}
