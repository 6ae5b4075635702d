package dev.parley.ui.fx.connect;

/** The three ways the dialog offers to talk, each with its name in {@code [client] mode}. */
public enum ConnectMode {
    RELAY("relay"),
    HOST("host"),
    MESH("mesh");

    private final String settingsName;

    ConnectMode(String settingsName) {
        this.settingsName = settingsName;
    }

    /** The value {@code ClientSettings.mode} stores for this choice. */
    public String settingsName() {
        return settingsName;
    }

    /**
     * The choice a {@code ClientSettings.mode} value names. The settings record admits only the
     * three names, so the fallback to {@link #RELAY} is for a record made some other way.
     */
    public static ConnectMode fromSettings(String name) {
        for (ConnectMode mode : values()) {
            if (mode.settingsName.equals(name)) {
                return mode;
            }
        }
        return RELAY;
    }
}
