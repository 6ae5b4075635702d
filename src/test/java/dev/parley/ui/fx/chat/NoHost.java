package dev.parley.ui.fx.chat;

import dev.parley.config.UiSettings;

/** A main window's surroundings that do nothing: for tests of the window alone. */
final class NoHost implements MainWindow.Host {

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
