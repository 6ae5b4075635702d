#!/usr/bin/env bash
# Smoke test of the .deb as a user gets it, without installing it: unpacks it with dpkg -x into a
# temporary root and runs that root's launcher (/opt/parley/bin/parley):
#   layout   the launcher, menu entry, icon and systemd unit are in the package
#   version  parley --version
#   aot      the launcher maps the AOT cache the build made, and says nothing about it at start
#   relay    parley server on 127.0.0.1, a free port, a temporary data folder; an IRC client
#            registers; SIGTERM stops it with exit code 0
#   console  two `parley console` processes with piped stdin exchange a message through the relay
#   gui      `parley` with no arguments: without a display one line and exit 1; under Xvfb a
#            visible window titled Parley* within 30 s, still there 5 s later, then SIGTERM: it
#            must stop within 15 s with exit code 0 (it quits as when its window is closed; 143
#            would mean the JVM died of the signal) and no exception on its stderr
# A step that cannot run here is reported SKIPPED or FAIL, never PASS.
#
# Usage: installer/smoke-test.sh [PATH/TO/parley_VERSION_ARCH.deb]
#   default: the newest target/installer/packages/*.deb (./mvnw -Pinstaller package makes it)
# Needs: dpkg-deb, timeout, bash's /dev/tcp; for the GUI step xvfb-run, xauth, xdotool and the
# .deb's dependencies (installed with apt-get when missing and run as root).
# PARLEY_SMOKE_SCREENSHOT=FILE.png: keeps a screenshot of the GUI (ImageMagick's import).
# Exit code: 0 when nothing failed (skips allowed), 1 when a step failed, 2 on bad usage.
# Only 127.0.0.1; every wait is bounded; everything it starts is stopped on exit.
set -uo pipefail

deb=${1:+$(realpath -e "$1" 2>/dev/null || echo "$1")}
screenshot=${PARLEY_SMOKE_SCREENSHOT:+$(realpath -m "$PARLEY_SMOKE_SCREENSHOT")}
cd "$(dirname "$0")/.."
deb=${deb:-$(ls -t target/installer/packages/*.deb 2>/dev/null | head -n 1)}
if [ -z "$deb" ]; then
  echo "smoke: no .deb given and none in target/installer/packages (./mvnw -Pinstaller package)" >&2
  exit 2
elif [ ! -f "$deb" ]; then
  echo "smoke: $deb: no such file" >&2
  exit 2
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/parley-smoke.XXXXXX")
pids=()
cleanup() {
  local pid
  # The GUI runs inside xvfb-run; its pid is in a file should xvfb-run have been cut short.
  [ -s "$tmp/gui.pid" ] && pids+=("$(cat "$tmp/gui.pid")")
  for pid in "${pids[@]}"; do
    kill -TERM "$pid" 2>/dev/null
  done
  sleep 0.5
  for pid in "${pids[@]}"; do
    kill -KILL "$pid" 2>/dev/null
  done
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

passed=0 failed=0 skipped=0
pass() { passed=$((passed + 1)); echo "smoke: PASS    $1"; }
fail() { failed=$((failed + 1)); echo "smoke: FAIL    $1"; }
skip() { skipped=$((skipped + 1)); echo "smoke: SKIPPED $1"; }
show() { sed -e 's/^/smoke:         | /' "$1" | tail -n "${2:-20}"; }
# apt_install PACKAGE...: as root with apt-get only; refreshes the package lists once if needed.
apt_install() {
  [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1 || return 1
  echo "smoke: apt-get install $*"
  apt-get install -y -qq --no-install-recommends "$@" >/dev/null 2>&1 \
    || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq --no-install-recommends "$@" >/dev/null 2>&1; }
}

# Parley reads the user's parley.toml: point it at empty folders so the test sees the defaults.
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data"
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME"

echo "smoke: unpacking $deb into $tmp/root"
if ! dpkg-deb -x "$deb" "$tmp/root"; then
  fail "layout: dpkg-deb -x failed"
  exit 1
fi
parley="$tmp/root/opt/parley/bin/parley"

# --- layout -----------------------------------------------------------------------------------
missing=()
for f in opt/parley/bin/parley opt/parley/lib/parley.png opt/parley/lib/desktop/parley.desktop opt/parley/lib/desktop/parley-48.png \
         opt/parley/lib/systemd/parley-server.service opt/parley/lib/runtime/lib/server/libjvm.so; do
  [ -e "$tmp/root/$f" ] || missing+=("$f")
done
depends=$(dpkg-deb -f "$deb" Depends)
[[ $depends == *libgtk-3-0* ]] || missing+=("Depends: libgtk-3-0")
if [ ${#missing[@]} -eq 0 ] && [ -x "$parley" ]; then
  pass "layout: launcher, menu entry, icon, systemd unit; $(du -sh "$tmp/root/opt/parley" | cut -f1) unpacked"
else
  fail "layout: missing ${missing[*]}"
fi

# --- version ----------------------------------------------------------------------------------
deb_version=$(dpkg-deb -f "$deb" Version)
if timeout 30 "$parley" --version >"$tmp/version.out" 2>&1 && grep -q "^Parley ${deb_version}" "$tmp/version.out"; then
  pass "version: $(head -n 1 "$tmp/version.out") / $(sed -n 2p "$tmp/version.out")"
else
  fail "version: expected 'Parley ${deb_version}...'"
  show "$tmp/version.out"
fi

# --- aot --------------------------------------------------------------------------------------
# The launchers map the AOT cache the build made (installer/AotCache.java). A cache the JVM cannot
# use would print "[error][aot] ..." at every start, so --version's output must not mention it.
app="$tmp/root/opt/parley/lib/app"
if ! grep -qx 'java-options=-XX:AOTCache=$APPDIR/parley.aot' "$app/parley.cfg" || [ ! -s "$app/parley.aot" ]; then
  fail "aot: parley.cfg names no AOT cache, or lib/app/parley.aot is missing"
elif grep -q 'aot' "$tmp/version.out"; then
  fail "aot: the JVM complains about the cache at start"
  show "$tmp/version.out"
else
  cp "$app/parley.cfg" "$tmp/parley.cfg.kept"
  echo 'java-options=-Xlog:aot=info' >>"$app/parley.cfg" # [JavaOptions] is the cfg's last section
  timeout 30 "$parley" --version >"$tmp/aot.out" 2>&1
  grep -v 'AOTCache' "$tmp/parley.cfg.kept" >"$app/parley.cfg"
  t0=$(date +%s%N); timeout 30 "$parley" --version >/dev/null 2>&1; t1=$(date +%s%N)
  cp "$tmp/parley.cfg.kept" "$app/parley.cfg"
  t2=$(date +%s%N); timeout 30 "$parley" --version >/dev/null 2>&1; t3=$(date +%s%N)
  if grep -q 'Using AOT-linked classes: true' "$tmp/aot.out"; then
    pass "aot: the launcher maps lib/app/parley.aot ($(du -h "$app/parley.aot" | cut -f1)); --version took $(( (t3 - t2) / 1000000 )) ms with it, $(( (t1 - t0) / 1000000 )) ms without"
  else
    fail "aot: the launcher does not use lib/app/parley.aot"
    show "$tmp/aot.out"
  fi
fi

# --- relay ------------------------------------------------------------------------------------
# irc_open NICK: registers an IRC client on fd $irc; true once the relay sent 001 (welcome).
irc_open() {
  exec {irc}<>"/dev/tcp/127.0.0.1/$port" || return 1
  printf 'NICK %s\r\nUSER %s 0 * :smoke test\r\n' "$1" "$1" >&"$irc"
  irc_wait ' 001 ' 15
}
# irc_wait TEXT SECONDS: reads lines (answering PING) until one contains TEXT; the lines read
# are left in $irc_seen.
irc_wait() {
  local line deadline=$((SECONDS + $2))
  irc_seen=
  while [ $SECONDS -lt $deadline ] && IFS= read -r -t $((deadline - SECONDS)) line <&"$irc"; do
    line=${line%$'\r'}
    irc_seen+="$line"$'\n'
    if [[ $line == PING* ]]; then
      printf 'PONG %s\r\n' "${line#PING }" >&"$irc"
    fi
    [[ $line == *"$1"* ]] && return 0
  done
  return 1
}
irc_close() {
  printf 'QUIT :bye\r\n' >&"$irc" 2>/dev/null
  exec {irc}>&-
}

port=
"$parley" server --bind 127.0.0.1 --port 0 --data "$tmp/relay" --no-announce >"$tmp/relay.out" 2>"$tmp/relay.err" &
relay_pid=$!
pids+=("$relay_pid")
for _ in $(seq 1 300); do
  port=$(sed -n 's/.* ready on 127\.0\.0\.1:\([0-9][0-9]*\).*/\1/p' "$tmp/relay.err" | head -n 1)
  [ -n "$port" ] && break
  kill -0 "$relay_pid" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$port" ]; then
  fail "relay: no 'ready on 127.0.0.1:PORT' on stderr within 30 s"
  show "$tmp/relay.err"
elif irc_open smoke; then
  irc_close
  pass "relay: ready on 127.0.0.1:$port, an IRC client registered"
else
  fail "relay: ready on 127.0.0.1:$port, but an IRC client got no welcome (001)"
  show "$tmp/relay.err"
fi

# --- console ----------------------------------------------------------------------------------
if [ -z "$port" ]; then
  skip "console: no relay to talk through"
elif ! timeout 30 "$parley" console --help >"$tmp/console-help.out" 2>&1 \
    || ! grep -q '^Usage: parley console' "$tmp/console-help.out"; then
  # Without the subcommand picocli prints the top command's usage (exit 0) or an error.
  skip "console: 'parley console --help' shows no console usage: the terminal client has not landed yet"
else
  # two listens first: it joins #smoke and keeps its stdin open until the test ends.
  mkfifo "$tmp/two.in"
  timeout 60 "$parley" console --nick two "127.0.0.1:$port" <"$tmp/two.in" >"$tmp/two.out" 2>"$tmp/two.err" &
  pids+=("$!")
  exec {two_in}>"$tmp/two.in"
  printf '/join #smoke\n' >&"$two_in"
  # Wait until the relay lists two on #smoke, so one's message has someone to reach.
  joined=false
  if irc_open watcher; then
    for _ in $(seq 1 40); do
      printf 'NAMES #smoke\r\n' >&"$irc"
      # 353 lists the members, 366 ends the list (and comes alone for an empty channel).
      if irc_wait ' 366 ' 5 && grep -q ' 353 .*[ :@+]two\b' <<<"$irc_seen"; then
        joined=true
        break
      fi
      sleep 0.5
    done
    irc_close
  fi
  printf '/join #smoke\nhello from one\n' | timeout 30 "$parley" console --nick one "127.0.0.1:$port" >"$tmp/one.out" 2>"$tmp/one.err"
  one_rc=$?
  got=false
  for _ in $(seq 1 100); do
    if grep -q 'hello from one' "$tmp/two.out"; then
      got=true
      break
    fi
    sleep 0.1
  done
  exec {two_in}>&-
  if $got; then
    pass "console: two read 'hello from one' (one exited with $one_rc)"
  else
    fail "console: two's output has no 'hello from one' (two on #smoke: $joined; one exited with $one_rc)"
    echo "smoke:         one's stderr:"; show "$tmp/one.err" 10
    echo "smoke:         two's stdout:"; show "$tmp/two.out" 10
  fi
fi

# The relay stops on SIGTERM (what systemctl stop sends) with exit code 0.
if [ -n "$port" ]; then
  kill -TERM "$relay_pid"
  relay_rc=timeout
  for _ in $(seq 1 150); do
    if ! kill -0 "$relay_pid" 2>/dev/null; then
      wait "$relay_pid"
      relay_rc=$?
      break
    fi
    sleep 0.1
  done
  if [ "$relay_rc" = 0 ] && grep -q 'stopped' "$tmp/relay.err"; then
    pass "relay stop: SIGTERM -> exit code 0, store closed"
  else
    fail "relay stop: SIGTERM -> exit code $relay_rc"
    show "$tmp/relay.err"
  fi
fi

# --- gui --------------------------------------------------------------------------------------
# Without a display (an SSH session), `parley` says so in one line and exits 1, without a trace.
env -u DISPLAY -u WAYLAND_DISPLAY timeout 30 "$parley" </dev/null >"$tmp/noarg.out" 2>&1
noarg_rc=$?
if [ $noarg_rc -eq 1 ] && grep -q "no display found" "$tmp/noarg.out" && ! grep -q 'Exception' "$tmp/noarg.out"; then
  pass "gui: without a display, one line and exit 1"
else
  fail "gui: without a display: exit $noarg_rc"
  show "$tmp/noarg.out"
fi
ready=true
if ! command -v xvfb-run >/dev/null 2>&1 || ! command -v xauth >/dev/null 2>&1; then
  apt_install xvfb xauth || ready=false
fi
# xdotool finds the window; ImageMagick's import takes the screenshot, only when one is asked for.
if $ready && ! command -v xdotool >/dev/null 2>&1; then
  apt_install xdotool || ready=false
fi
if [ -n "$screenshot" ] && ! command -v import >/dev/null 2>&1; then
  apt_install imagemagick || echo "smoke: no screenshot: ImageMagick's import is missing and cannot be installed here"
fi
# dpkg -x installs no dependencies: the GUI needs the .deb's (GTK and friends) on this machine.
# A group "a | b" is met when a or b is installed; else the first one this release's package
# lists know is installed (libgtk-3-0t64 exists from Debian 13 on, libgtk-3-0 before), else the
# first one.
wanted=()
IFS=',' read -r -a groups <<<"$depends"
for group in "${groups[@]}"; do
  met=false first= known=
  IFS='|' read -r -a alternatives <<<"$group"
  for alternative in "${alternatives[@]}"; do
    name=$(sed -e 's/(.*)//' -e 's/[[:space:]]//g' <<<"$alternative")
    [ -z "$first" ] && first=$name
    if [ -z "$known" ] && command -v apt-cache >/dev/null 2>&1 \
        && apt-cache show "$name" 2>/dev/null | grep -q '^Package:'; then
      known=$name
    fi
    if [ "$(dpkg-query -W -f='${Status}' "$name" 2>/dev/null)" = "install ok installed" ]; then
      met=true
    fi
  done
  $met || [ -z "$first" ] || wanted+=("${known:-$first}")
done
if $ready && [ ${#wanted[@]} -gt 0 ]; then
  apt_install "${wanted[@]}" || ready=false
fi
if ! $ready; then
  fail "gui: cannot run it: xvfb-run, xauth, xdotool or the .deb's dependencies are missing and cannot be installed here"
else
  # Runs inside Xvfb: $1 the launcher, $2 the output folder, $3 the screenshot file or "".
  # Writes $2/gui.windows (the titles of the GUI's visible windows once its main window shows),
  # $2/gui.pid (for cleanup, should xvfb-run be cut short) and $2/gui.result, one of:
  #   stopped RC   SIGTERM stopped it with exit code RC
  #   died RC      it exited by itself with exit code RC
  #   nowindow     still running, but no visible window titled Parley* after 30 s
  #   hung         still running 15 s after SIGTERM (then killed)
  cat >"$tmp/gui.sh" <<'SCRIPT'
parley=$1 dir=$2 shot=$3
"$parley" >"$dir/gui.out" 2>"$dir/gui.err" &
gui=$!
echo "$gui" >"$dir/gui.pid"
# titles: the visible windows of the GUI's process, one title a line. xdotool's search ignores
# case, and GTK keeps an unmapped leader window named "parley": hence --onlyvisible, and grep.
titles() {
  xdotool search --all --onlyvisible --pid "$gui" --name '.' 2>/dev/null \
    | while read -r w; do xdotool getwindowname "$w" 2>/dev/null; done
}
finish() {
  wait "$gui" 2>/dev/null
  echo "$1 $?" >"$dir/gui.result"
  rm -f "$dir/gui.pid"
  exit 0
}
# The main window titled Parley*, within 30 s.
for _ in $(seq 1 60); do
  kill -0 "$gui" 2>/dev/null || finish died
  titles | grep -q '^Parley' && break
  sleep 0.5
done
if ! titles | grep -q '^Parley'; then
  titles >"$dir/gui.windows"
  kill -KILL "$gui"
  wait "$gui" 2>/dev/null
  rm -f "$dir/gui.pid"
  echo nowindow >"$dir/gui.result"
  exit 0
fi
# Still alive and showing it 5 s later (the first start's connect dialog has shown by then).
sleep 5
kill -0 "$gui" 2>/dev/null || finish died
titles >"$dir/gui.windows"
if [ -n "$shot" ] && command -v import >/dev/null 2>&1; then
  import -window root "$shot" 2>"$dir/import.err"
fi
kill -TERM "$gui"
for _ in $(seq 1 150); do
  kill -0 "$gui" 2>/dev/null || finish stopped
  sleep 0.1
done
kill -KILL "$gui"
wait "$gui" 2>/dev/null
rm -f "$dir/gui.pid"
echo hung >"$dir/gui.result"
SCRIPT
  timeout 90 xvfb-run -a -s '-screen 0 1280x800x24' bash "$tmp/gui.sh" "$parley" "$tmp" "$screenshot"
  result=$(cat "$tmp/gui.result" 2>/dev/null || echo "xvfb-run failed or timed out")
  windows=$(grep -v '^$' "$tmp/gui.windows" 2>/dev/null | sort -u | paste -sd, - | sed 's/,/, /g')
  if [[ $result == "stopped 0" ]] && grep -q '^Parley' "$tmp/gui.windows" \
      && ! grep -q 'Exception' "$tmp/gui.err"; then
    pass "gui: under Xvfb, windows: $windows; SIGTERM -> exit code 0"
    if [ -n "$screenshot" ]; then
      if [ -s "$screenshot" ]; then
        echo "smoke:         screenshot: $screenshot"
      else
        why=$(head -n 1 "$tmp/import.err" 2>/dev/null)
        [ -n "$why" ] || why="ImageMagick's import is missing"
        echo "smoke:         no screenshot: $why"
      fi
    fi
  else
    case $result in
      nowindow) fail "gui: no visible window titled Parley* within 30 s (windows: ${windows:-none})" ;;
      died*) fail "gui: exited by itself with exit code ${result#died } (windows: ${windows:-none})" ;;
      hung) fail "gui: still running 15 s after SIGTERM" ;;
      stopped*)
        if ! grep -q '^Parley' "$tmp/gui.windows"; then
          fail "gui: the Parley window had gone 5 s after it showed (windows: ${windows:-none})"
        else
          fail "gui: SIGTERM -> exit code ${result#stopped }$(grep -q 'Exception' "$tmp/gui.err" && echo ', with an exception')"
        fi ;;
      *) fail "gui: $result" ;;
    esac
    show "$tmp/gui.err"
  fi
fi

echo "smoke: PASS $passed, FAIL $failed, SKIPPED $skipped"
[ "$failed" -eq 0 ]
