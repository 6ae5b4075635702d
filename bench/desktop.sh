#!/usr/bin/env bash
# Desktop client benchmark: the JavaFX main window, headless, opens a channel of 100,000 stored
# messages and pages back through it, then takes 10,000 messages/s for 10 s.
# Documentation: docs/BENCHMARKS.md, "Desktop client".
#
#   bench/desktop.sh                           the full run (about a minute)
#   bench/desktop.sh history=20000 pages=10    arguments go to DesktopBench: history= pages= rate= seconds=
#   AOT=1 bench/desktop.sh                     with an AOT cache made as the installers make theirs: first a
#                                              headless `parley aot-training` run records it (on the same class
#                                              path, as jars), then the bench runs with -XX:AOTCache
#
# Compiles the test classes with Maven (offline by default), then runs
# dev.parley.ui.fx.chat.bench.DesktopBench on the test class path. The report goes to stdout and
# to bench/results/<date>_<time>_desktop.md. The build and the run each hold the lock file $LOCK
# (default /tmp/parley-build.lock, shared with other builds on this machine; LOCK= turns it off),
# so builds neither disturb the run nor are disturbed by it.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")
export LC_ALL=C.UTF-8

LOCK=${LOCK-/tmp/parley-build.lock}
MVN_FLAGS=${MVN_FLAGS:-"-B -q -o"}
# The JVM options the installed launcher runs the app with (pom.xml's installer.javaOptions), so the
# bench measures what users run; JAVA_OPTS replaces them.
JAVA_OPTS=${JAVA_OPTS:-$(sed -n 's:.*<installer.javaOptions>\(.*\)</installer.javaOptions>.*:\1:p' "$REPO_DIR/pom.xml")}

if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -q 'version "25'; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
"$JAVA_HOME/bin/java" -version 2>&1 | grep -q 'version "25' || { echo "desktop.sh: JDK 25 not found: set JAVA_HOME" >&2; exit 1; }

locked() {
  if [ -n "$LOCK" ] && command -v flock >/dev/null; then
    flock "$LOCK" "$@"
  else
    "$@"
  fi
}

cd "$REPO_DIR"
# shellcheck disable=SC2086 # MVN_FLAGS is a list of flags
locked ./mvnw $MVN_FLAGS test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/test.cp -Dmdep.includeScope=test

commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
if ! git diff --quiet HEAD -- src pom.xml 2>/dev/null; then
  commit="$commit+dirty"
fi
mkdir -p "$BENCH_DIR/results"
out="$BENCH_DIR/results/$(date +%Y-%m-%d_%H%M%S)_desktop.md"

cp="target/test-classes:target/classes:$(cat target/test.cp)"
fx_opts=(-Dglass.platform=Headless -Dprism.order=sw --enable-native-access=ALL-UNNAMED -Dorg.slf4j.simpleLogger.defaultLogLevel=warn)
aot_opts=()
if [ "${AOT:-0}" = 1 ]; then
  # An AOT cache takes jars only (no class folders), and the same class path when used.
  aot=target/bench-aot
  rm -rf "$aot" && mkdir -p "$aot"
  "$JAVA_HOME/bin/jar" --create --file "$aot/classes.jar" -C target/classes .
  "$JAVA_HOME/bin/jar" --create --file "$aot/test-classes.jar" -C target/test-classes .
  cp="$aot/test-classes.jar:$aot/classes.jar:$(cat target/test.cp)"
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of flags
  locked "$JAVA_HOME/bin/java" $JAVA_OPTS "${fx_opts[@]}" -XX:AOTCacheOutput="$aot/desktop.aot" -Xlog:aot=error \
    -cp "$cp" dev.parley.cli.Launcher aot-training
  aot_opts=(-XX:AOTCache="$aot/desktop.aot")
  commit="$commit, AOT cache"
fi

# shellcheck disable=SC2086 # JAVA_OPTS is a list of flags
locked "$JAVA_HOME/bin/java" $JAVA_OPTS "${aot_opts[@]}" "${fx_opts[@]}" -Dbench.commit="$commit" \
  -cp "$cp" dev.parley.ui.fx.chat.bench.DesktopBench out="$out" "$@"
