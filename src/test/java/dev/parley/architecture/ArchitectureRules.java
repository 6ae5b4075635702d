package dev.parley.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The dependency rules of {@code docs/ARCHITECTURE.md}, for a root package. Parameterised by
 * the root so a test can point the same rules at a fixture of deliberate violations and see
 * them fail.
 */
final class ArchitectureRules {

    private final String root;

    ArchitectureRules(String root) {
        this.root = root;
    }

    /** Every rule by a name that says what it protects. */
    Map<String, ArchRule> all() {
        Map<String, ArchRule> rules = new LinkedHashMap<>();
        rules.put("only ui.fx uses JavaFX", onlyUiFxUsesJavaFx());
        rules.put("only transport.mesh and discovery use JeroMQ", onlyMeshAndDiscoveryUseJeroMq());
        rules.put("only storage.sqlite uses java.sql", onlyStorageSqliteUsesSql());
        rules.put("model depends on nothing", modelDependsOnNothing());
        rules.put("protocol depends only on model", protocolDependsOnlyOnModel());
        rules.put("client never reaches relay, ui or cli", clientStaysBelowTheUi());
        rules.put("transport never reaches client, relay, ui or cli", transportStaysBelowTheClient());
        rules.put("transport.mesh uses only transport, storage, discovery, protocol and model", meshUsesItsLayersOnly());
        rules.put("relay never reaches client, transport, ui or cli", relayIsServerSideOnly());
        rules.put("storage depends only on model", storageDependsOnlyOnModel());
        rules.put("discovery depends only on model", discoveryDependsOnlyOnModel());
        rules.put("config depends on no other Parley package", configStandsAlone());
        rules.put("ui.fx and ui.console never import each other", uisAreIndependent());
        rules.put("the UIs reach relays and transports only through client", uisUseTheClientService());
        rules.put("nothing depends on cli", nothingDependsOnCli());
        rules.put("only cli calls System.exit", onlyCliExits());
        rules.put("only cli writes to System.out and System.err", onlyCliUsesStandardStreams());
        rules.put("top-level packages are free of cycles", topLevelPackagesAreFreeOfCycles());
        rules.put("nothing uses java.desktop (AWT, Swing, ImageIO, java.beans)", nothingUsesJavaDesktop());
        return rules;
    }

    ArchRule onlyUiFxUsesJavaFx() {
        return noClasses().that().resideOutsideOfPackage(pkg("ui.fx"))
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .allowEmptyShould(true);
    }

    ArchRule onlyMeshAndDiscoveryUseJeroMq() {
        return noClasses().that().resideOutsideOfPackages(pkg("transport.mesh"), pkg("discovery"))
                .should().dependOnClassesThat().resideInAnyPackage("org.zeromq..", "zmq..")
                .allowEmptyShould(true);
    }

    ArchRule onlyStorageSqliteUsesSql() {
        return noClasses().that().resideOutsideOfPackage(pkg("storage.sqlite"))
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.sqlite..")
                .allowEmptyShould(true);
    }

    ArchRule modelDependsOnNothing() {
        return classes().that().resideInAPackage(pkg("model"))
                .should().onlyDependOnClassesThat().resideInAnyPackage(plainJava(pkg("model")))
                .allowEmptyShould(true);
    }

    ArchRule protocolDependsOnlyOnModel() {
        return classes().that().resideInAPackage(pkg("protocol"))
                .should().onlyDependOnClassesThat().resideInAnyPackage(plainJava(pkg("protocol"), pkg("model")))
                .allowEmptyShould(true);
    }

    ArchRule clientStaysBelowTheUi() {
        return noClasses().that().resideInAPackage(pkg("client"))
                .should().dependOnClassesThat().resideInAnyPackage(pkg("relay"), pkg("ui"), pkg("cli"))
                .allowEmptyShould(true);
    }

    ArchRule transportStaysBelowTheClient() {
        return noClasses().that().resideInAPackage(pkg("transport"))
                .should().dependOnClassesThat().resideInAnyPackage(pkg("client"), pkg("relay"), pkg("ui"), pkg("cli"))
                .allowEmptyShould(true);
    }

    ArchRule meshUsesItsLayersOnly() {
        return CompositeArchRule.of(classes().that().resideInAPackage(pkg("transport.mesh"))
                        .should().onlyDependOnClassesThat().resideInAnyPackage(pkg("transport"), pkg("storage"),
                                pkg("discovery"), pkg("protocol"), pkg("model"), "org.zeromq..", "zmq..", "org.slf4j..",
                                "java..")
                        .allowEmptyShould(true))
                .and(noClasses().that().resideInAPackage(pkg("transport.mesh"))
                        .should().dependOnClassesThat().resideInAPackage(pkg("storage.sqlite"))
                        .allowEmptyShould(true));
    }

    ArchRule relayIsServerSideOnly() {
        return noClasses().that().resideInAPackage(pkg("relay"))
                .should().dependOnClassesThat().resideInAnyPackage(pkg("client"), pkg("transport"), pkg("ui"), pkg("cli"))
                .allowEmptyShould(true);
    }

    ArchRule storageDependsOnlyOnModel() {
        return noClasses().that().resideInAPackage(pkg("storage"))
                .should().dependOnClassesThat().resideInAnyPackage(
                        pkg("protocol"), pkg("relay"), pkg("transport"), pkg("discovery"), pkg("client"), pkg("config"),
                        pkg("ui"), pkg("cli"))
                .allowEmptyShould(true);
    }

    ArchRule discoveryDependsOnlyOnModel() {
        return noClasses().that().resideInAPackage(pkg("discovery"))
                .should().dependOnClassesThat().resideInAnyPackage(
                        pkg("protocol"), pkg("relay"), pkg("transport"), pkg("storage"), pkg("client"), pkg("config"),
                        pkg("ui"), pkg("cli"))
                .allowEmptyShould(true);
    }

    ArchRule configStandsAlone() {
        return noClasses().that().resideInAPackage(pkg("config"))
                .should().dependOnClassesThat().resideInAnyPackage(
                        pkg("model"), pkg("protocol"), pkg("relay"), pkg("transport"), pkg("storage"), pkg("discovery"),
                        pkg("client"), pkg("ui"), pkg("cli"))
                .allowEmptyShould(true);
    }

    ArchRule uisAreIndependent() {
        return CompositeArchRule.of(noClasses().that().resideInAPackage(pkg("ui.fx"))
                        .should().dependOnClassesThat().resideInAPackage(pkg("ui.console"))
                        .allowEmptyShould(true))
                .and(noClasses().that().resideInAPackage(pkg("ui.console"))
                        .should().dependOnClassesThat().resideInAPackage(pkg("ui.fx"))
                        .allowEmptyShould(true));
    }

    ArchRule uisUseTheClientService() {
        return noClasses().that().resideInAPackage(pkg("ui"))
                .should().dependOnClassesThat().resideInAnyPackage(pkg("relay"), pkg("transport"), pkg("storage"), pkg("cli"))
                .allowEmptyShould(true);
    }

    ArchRule nothingDependsOnCli() {
        return noClasses().that().resideOutsideOfPackage(pkg("cli"))
                .should().dependOnClassesThat().resideInAPackage(pkg("cli"))
                .allowEmptyShould(true);
    }

    ArchRule onlyCliExits() {
        return noClasses().that().resideOutsideOfPackage(pkg("cli"))
                .should().callMethod(System.class, "exit", int.class)
                .orShould().callMethod(Runtime.class, "halt", int.class)
                .allowEmptyShould(true);
    }

    ArchRule onlyCliUsesStandardStreams() {
        return noClasses().that().resideOutsideOfPackage(pkg("cli"))
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .allowEmptyShould(true);
    }

    ArchRule topLevelPackagesAreFreeOfCycles() {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles().allowEmptyShould(true);
    }

    /** The installers' jlinked runtime leaves out the java.desktop module (installer/README.md). */
    ArchRule nothingUsesJavaDesktop() {
        return noClasses().that().resideInAPackage(root + "..")
                .should().dependOnClassesThat().resideInAnyPackage("java.awt..", "javax.swing..", "javax.imageio..",
                        "java.beans..", "javax.print..", "javax.sound..", "java.applet..", "javax.accessibility..")
                .allowEmptyShould(true);
    }

    /** The given packages plus the JDK parts a pure value or codec package may use: no I/O, SQL or sockets. */
    private static String[] plainJava(String... packages) {
        String[] jdk = {"java.lang..", "java.util..", "java.time..", "java.math..", "java.nio.charset.."};
        String[] all = java.util.Arrays.copyOf(packages, packages.length + jdk.length);
        System.arraycopy(jdk, 0, all, packages.length, jdk.length);
        return all;
    }

    private String pkg(String sub) {
        return root + "." + sub + "..";
    }
}
