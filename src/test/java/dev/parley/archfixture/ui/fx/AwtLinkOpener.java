package dev.parley.archfixture.ui.fx;

import java.awt.Desktop;
import java.io.IOException;
import java.net.URI;

/** Breaks "no production code uses java.desktop": java.awt.Desktop is not in the installers' runtime. */
public final class AwtLinkOpener {

    private AwtLinkOpener() {
    }

    public static void open(URI uri) throws IOException {
        Desktop.getDesktop().browse(uri);
    }
}
