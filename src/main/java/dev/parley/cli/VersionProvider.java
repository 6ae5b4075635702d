package dev.parley.cli;

import dev.parley.config.ParleyVersion;
import picocli.CommandLine.IVersionProvider;

/** {@code parley --version}: Parley's version from the pom, and the Java running it. */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"Parley " + ParleyVersion.get(),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
    }
}
