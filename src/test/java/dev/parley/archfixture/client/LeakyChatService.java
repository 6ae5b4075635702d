package dev.parley.archfixture.client;

import javafx.beans.property.SimpleStringProperty;

/** Breaks "only ui.fx uses JavaFX" on purpose, for ArchitectureRulesBiteTest. */
public class LeakyChatService {
    final SimpleStringProperty status = new SimpleStringProperty();
}
