package dev.parley.ui.fx.chat;

import dev.parley.config.UiSettings;

/** A main window's surroundings that do nothing: for windows that tests and benchmarks drive. */
public final class InertHost implements MainWindow.Host {

    @Override
    public void connectDialog() {
    }

    @Override
    public void uiChanged(UiSettings settings) {
    }

    @Override
    public void openLink(String url) {
    }

    @Override
    public void quit() {
    }
}
