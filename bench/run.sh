#!/usr/bin/env bash
# Parley relay benchmark: Parley vs ngIRCd vs InspIRCd vs Redis pub/sub, same load for all.
# Documentation: docs/BENCHMARKS.md.
#
#   bench/run.sh                      full matrix (long: run it on an idle machine)
#   SMOKE=1 bench/run.sh              short smoke run (2 s windows, 1 repetition, small counts)
#   SERVERS="ngircd redis" SCENARIOS="fanout capacity" WINDOW=10 bench/run.sh
#
# Every server runs on 127.0.0.1 only, as a foreground child of this script, with the configs in
# bench/conf/, and is killed when its measurement ends (and on any exit, by the trap).
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")
export LC_ALL=C.UTF-8

log() { printf '[bench %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# ---------------------------------------------------------------------------------------------
# Parameters (environment). The same values are used for every server.
# ---------------------------------------------------------------------------------------------
SMOKE=${SMOKE:-0}
SERVERS=${SERVERS:-"parley ngircd inspircd redis"}
SCENARIOS=${SCENARIOS:-"fanout fixed channels capacity"}
if [ "$SMOKE" = 1 ]; then
  WINDOW=${WINDOW:-2}; WARMUP=${WARMUP:-1}; REPS=${REPS:-1}
  FANOUT_SUBS=${FANOUT_SUBS:-"10 50"}; FIXED_LOAD=${FIXED_LOAD:-20000}; MAX_WINDOWS=${MAX_WINDOWS:-"16 64"}
  CHANNELS=${CHANNELS:-10}; MEMBERS=${MEMBERS:-10}; MEMBER_RATE=${MEMBER_RATE:-5}
  CAP_CLIENTS=${CAP_CLIENTS:-300}
else
  WINDOW=${WINDOW:-10}; WARMUP=${WARMUP:-3}; REPS=${REPS:-3}
  FANOUT_SUBS=${FANOUT_SUBS:-"50 200 1000"}; FIXED_LOAD=${FIXED_LOAD:-100000}; MAX_WINDOWS=${MAX_WINDOWS:-"16 64 256"}
  CHANNELS=${CHANNELS:-100}; MEMBERS=${MEMBERS:-10}; MEMBER_RATE=${MEMBER_RATE:-10}
  CAP_CLIENTS=${CAP_CLIENTS:-10000}
fi
DRAIN=${DRAIN:-10}                     # s to wait for in-flight messages after a window
PREWARM=${PREWARM:-3}                  # s of unreported traffic before the first repetition
PREWARM_RATE=${PREWARM_RATE:-max}      # max: fixed-rate runs pre-warm as fast as the window allows (fixed: at their rate)
MSG_BYTES=${MSG_BYTES:-100}            # message body size
# Max messages per publisher not yet delivered to every receiver. Max rate tries each window in
# MAX_WINDOWS and reports each server at its best; fixed-rate runs use FIXED_WINDOW as a cap.
FIXED_WINDOW=${FIXED_WINDOW:-256}
REG_CONCURRENCY=${REG_CONCURRENCY:-32} # max connections in connect/registration at once
SETUP_TIMEOUT=${SETUP_TIMEOUT:-900}    # s for all connections of one run to register
PORT_BASE=${PORT_BASE:-16700}
SERVER_CPU=${SERVER_CPU:-0}
GEN_CPU=${GEN_CPU:-1}
SELFTEST=${SELFTEST:-1}                # run the generator's self-test first
NGIRCD_RELAXED_FLOOD=${NGIRCD_RELAXED_FLOOD:-1} # ngircd publishers OPER + MODE +F
# No tiered compilation: with it, the JIT moved the generator's receive loop to its top tier only
# after a minute (about the 7th repetition), and that compile took ~50 ms of the generator's one
# core: a 35-90 ms stall in that repetition, whatever the server (docs/BENCHMARKS.md, 2026-12-04).
GEN_JAVA_OPTS=${GEN_JAVA_OPTS:-"-Xms1g -Xmx2g -XX:+UseSerialGC -XX:-TieredCompilation"}

# JDK 25 (the generator and Parley need it; the default java may be 17)
if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -q 'version "25'; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
"$JAVA_HOME/bin/java" -version 2>&1 | grep -q 'version "25' || die "JDK 25 not found: set JAVA_HOME"
JAVA="$JAVA_HOME/bin/java"

PARLEY_JAR=${PARLEY_JAR:-$REPO_DIR/target/parley.jar}
# The JVM options the relay runs with as a service: the installed launcher's (pom.xml,
# installer.javaOptions) and the systemd unit's JAVA_TOOL_OPTIONS, so that the bench measures the
# relay as users run it.
PARLEY_JAVA_OPTIONS=${PARLEY_JAVA_OPTIONS-"$(sed -n 's:.*<installer.javaOptions>\(.*\)</installer.javaOptions>.*:\1:p' "$REPO_DIR/pom.xml") $(sed -n 's:^Environment="JAVA_TOOL_OPTIONS=\(.*\)"$:\1:p' "$REPO_DIR/installer/linux/systemd/parley-server.service")"}
PARLEY_CMD_DEFAULT="$JAVA $PARLEY_JAVA_OPTIONS -jar $PARLEY_JAR server --bind 127.0.0.1 --port {port} --data {data} --no-announce --no-flood-limit --max-clients 100000 --max-clients-per-ip 100000"
PARLEY_CMD=${PARLEY_CMD:-$PARLEY_CMD_DEFAULT}

STAMP=$(date +%Y-%m-%d_%H%M%S)
SUFFIX=$([ "$SMOKE" = 1 ] && echo "-smoke" || true)
RESULTS_DIR=${RESULTS_DIR:-$BENCH_DIR/results}
OUT_MD="$RESULTS_DIR/$STAMP$SUFFIX.md"
OUT_RAW="$RESULTS_DIR/$STAMP$SUFFIX.raw.txt"
WORK=$(mktemp -d /tmp/parley-bench.XXXXXX)
mkdir -p "$RESULTS_DIR"
: > "$OUT_RAW"

# ---------------------------------------------------------------------------------------------
# Cleanup: every process this script started is killed on exit
# ---------------------------------------------------------------------------------------------
SERVER_PID=""
GEN_PID=""
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  [ -n "$GEN_PID" ] && kill -TERM "$GEN_PID" 2>/dev/null || true
  stop_server
  if [ "${KEEP_WORK:-0}" = 1 ]; then log "work dir kept: $WORK"; else rm -rf "$WORK"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'log "interrupted"; exit 130' INT TERM

# ---------------------------------------------------------------------------------------------
# Prerequisites
# ---------------------------------------------------------------------------------------------
declare -A PKG=([ngircd]=ngircd [inspircd]=inspircd [redis]=redis-server)
declare -A BIN=([ngircd]=/usr/sbin/ngircd [inspircd]=/usr/sbin/inspircd [redis]=/usr/bin/redis-server)
declare -A SERVICE=([ngircd]=ngircd [inspircd]=inspircd [redis]=redis-server)
missing=()
for s in $SERVERS; do
  if [ -n "${PKG[$s]:-}" ] && ! dpkg -s "${PKG[$s]}" >/dev/null 2>&1; then missing+=("${PKG[$s]}"); fi
done
for p in util-linux procps coreutils; do
  if ! dpkg -s "$p" >/dev/null 2>&1; then missing+=("$p"); fi
done
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" -eq 0 ] || die "missing Debian packages ${missing[*]}; run as root or install them"
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
  # the packages' own services must not run: we start our own instances
  for s in $SERVERS; do
    if [ -n "${SERVICE[$s]:-}" ]; then service "${SERVICE[$s]}" stop >/dev/null 2>&1 || true; fi
  done
fi

# file descriptors: capacity clients + slack, for the generator and the servers
want_fds=$((CAP_CLIENTS + 1000))
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
have_fds=$(ulimit -n)
if [ "$have_fds" != unlimited ] && [ "$have_fds" -lt "$want_fds" ]; then
  log "NOTE: ulimit -n is $have_fds (hard limit), below $want_fds; capacity run lowered to $((have_fds - 1000)) clients"
  CAP_CLIENTS=$((have_fds - 1000))
fi

# CPU pinning: server on SERVER_CPU, generator on GEN_CPU
NPROC=$(nproc)
if [ "$NPROC" -ge 2 ] && command -v taskset >/dev/null; then
  PIN_SERVER="taskset -c $SERVER_CPU"; PIN_GEN="taskset -c $GEN_CPU"
  PINNING="server on CPU $SERVER_CPU, generator on CPU $GEN_CPU (taskset)"
else
  PIN_SERVER=""; PIN_GEN=""
  PINNING="none (fewer than 2 CPUs or no taskset): numbers are not comparable to pinned runs"
  log "NOTE: $PINNING"
fi

# Load generator: compiled once into bench/target/classes (recompiled when a source changes)
CLASSES="$BENCH_DIR/target/classes"
if [ ! -f "$CLASSES/LoadGen.class" ] || [ -n "$(find "$BENCH_DIR/loadgen" -name '*.java' -newer "$CLASSES/LoadGen.class")" ]; then
  log "compiling the load generator"
  rm -rf "$CLASSES"; mkdir -p "$CLASSES"
  "$JAVA_HOME/bin/javac" -d "$CLASSES" -Xlint:none "$BENCH_DIR"/loadgen/*.java
fi
GEN=($PIN_GEN "$JAVA" $GEN_JAVA_OPTS -cp "$CLASSES" LoadGen)

if [ "$SELFTEST" = 1 ]; then
  log "generator self-test"
  "$JAVA" -cp "$CLASSES" LoadGen selftest > "$WORK/selftest.txt" 2>&1 || { cat "$WORK/selftest.txt" >&2; die "generator self-test failed"; }
  log "self-test: $(tail -n 1 "$WORK/selftest.txt")"
fi

# ---------------------------------------------------------------------------------------------
# Server availability
# ---------------------------------------------------------------------------------------------
declare -A SKIPPED=()
skip() { # server reason
  SKIPPED[$1]=1
  log "SKIP $1: $2"
  echo "SKIP $1: $2" >> "$OUT_RAW"
}
ACTIVE=()
for s in $SERVERS; do
  case "$s" in
    parley)
      if [ "$PARLEY_CMD" = "$PARLEY_CMD_DEFAULT" ]; then
        if [ ! -f "$PARLEY_JAR" ] && [ -x "$REPO_DIR/mvnw" ]; then
          log "building Parley (target/parley.jar missing)"
          (cd "$REPO_DIR" && ./mvnw -B -q -DskipTests package) > "$WORK/parley-build.txt" 2>&1 \
            || log "NOTE: Parley build failed (log: $WORK/parley-build.txt)"
        fi
        if [ ! -f "$PARLEY_JAR" ]; then
          skip parley "no $PARLEY_JAR (build it with ./mvnw -DskipTests package, or set PARLEY_CMD)"; continue
        fi
        # picocli prints the top-level help even for "server --help" when there is no such
        # command, so look for "server" in the command list instead
        if ! timeout 60 "$JAVA" -jar "$PARLEY_JAR" --help 2>&1 | grep -qE '^ +server( |$)'; then
          skip parley "$(basename "$PARLEY_JAR") has no 'server' command yet ('parley --help' does not list it)"; continue
        fi
      else
        first=${PARLEY_CMD%% *}
        command -v "$first" >/dev/null 2>&1 || { skip parley "PARLEY_CMD not runnable: $first"; continue; }
      fi
      ACTIVE+=(parley) ;;
    ngircd|inspircd|redis)
      if [ -x "${BIN[$s]}" ]; then ACTIVE+=("$s"); else skip "$s" "${BIN[$s]} not installed"; fi ;;
    *) skip "$s" "unknown server name (use parley ngircd inspircd redis)" ;;
  esac
done

# ---------------------------------------------------------------------------------------------
# Server lifecycle
# ---------------------------------------------------------------------------------------------
NEXT_PORT=$PORT_BASE
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
pick_port() {
  local tries=0
  while port_in_use "$NEXT_PORT"; do
    NEXT_PORT=$((NEXT_PORT + 1)); tries=$((tries + 1))
    [ $tries -lt 200 ] || die "no free port from $PORT_BASE"
  done
  PORT=$NEXT_PORT
  NEXT_PORT=$((NEXT_PORT + 1))
}

fill() { sed -e "s#@PORT@#$PORT#g" -e "s#@DIR@#$SDIR#g" "$1" > "$2"; }

# start_server NAME: sets SERVER_PID, PORT, SDIR; returns 1 if it did not come up
start_server() {
  local name=$1
  pick_port
  SDIR="$WORK/$name-$PORT"
  mkdir -p "$SDIR"
  local cmd
  case "$name" in
    ngircd)   fill "$BENCH_DIR/conf/ngircd.conf.in" "$SDIR/ngircd.conf"; mkdir -p "$SDIR/conf.d"
              cmd=(/usr/sbin/ngircd --nodaemon --config "$SDIR/ngircd.conf") ;;
    inspircd) fill "$BENCH_DIR/conf/inspircd.conf.in" "$SDIR/inspircd.conf"; echo bench > "$SDIR/motd.txt"
              cmd=(/usr/sbin/inspircd --config "$SDIR/inspircd.conf" --nofork --runasroot) ;;
    redis)    fill "$BENCH_DIR/conf/redis.conf.in" "$SDIR/redis.conf"
              cmd=(/usr/bin/redis-server "$SDIR/redis.conf") ;;
    parley)   mkdir -p "$SDIR/data"
              local c=${PARLEY_CMD//\{port\}/$PORT}; c=${c//\{data\}/$SDIR/data}
              read -r -a cmd <<< "$c" ;;
  esac
  # taskset execs the server, so $! is the server's own pid (RSS and CPU are read from it)
  $PIN_SERVER "${cmd[@]}" > "$SDIR/server.out" 2>&1 < /dev/null &
  SERVER_PID=$!
  local i
  for i in $(seq 1 300); do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      log "$name exited at start; last output:"; tail -n 15 "$SDIR/server.out" >&2 || true
      SERVER_PID=""; return 1
    fi
    port_in_use "$PORT" && return 0
    sleep 0.1
  done
  log "$name did not listen on 127.0.0.1:$PORT within 30 s"; tail -n 15 "$SDIR/server.out" >&2 || true
  stop_server; return 1
}

stop_server() {
  [ -n "$SERVER_PID" ] || return 0
  local pid=$SERVER_PID i
  SERVER_PID=""
  kill -TERM "$pid" 2>/dev/null || return 0
  for i in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

proto_of() { [ "$1" = redis ] && echo redis || echo irc; }

# run_gen SERVER MODE ARGS...: starts the server, runs the generator against it, stops the server
run_gen() {
  local name=$1 mode=$2; shift 2
  if ! start_server "$name"; then
    echo "RESULT scenario=$SCEN variant=$VARIANT server=$name rep=${REP:-1} status=FAIL:server_did_not_start" >> "$OUT_RAW"
    return 0
  fi
  local extra=()
  if [ "$name" = ngircd ] && [ "$NGIRCD_RELAXED_FLOOD" = 1 ]; then
    extra+=(--pub-prelude "OPER bench benchpw|MODE {nick} +F")
  fi
  local nwin; nwin=$(echo $MAX_WINDOWS | wc -w)
  local budget=$(( SETUP_TIMEOUT + ${PREWARM%.*} + DRAIN + nwin * REPS * (${WARMUP%.*} + ${WINDOW%.*} + DRAIN + 5) + 120 ))
  log "$name: $mode $*"
  set +e
  timeout --signal=TERM --kill-after=10 "$budget" "${GEN[@]}" "$mode" --proto "$(proto_of "$name")" \
    --port "$PORT" --server "$name" --server-pid "$SERVER_PID" --clk-tck "$(getconf CLK_TCK)" \
    --reps "$REPS" --warmup "$WARMUP" --window "$WINDOW" --drain "$DRAIN" --msg-bytes "$MSG_BYTES" \
    --prewarm "$PREWARM" --prewarm-rate "$PREWARM_RATE" \
    --pub-window "$FIXED_WINDOW" --reg-concurrency "$REG_CONCURRENCY" --setup-timeout "$SETUP_TIMEOUT" \
    --out "$OUT_RAW" "${extra[@]}" "$@" > "$WORK/gen.out" 2> "$WORK/gen.err" &
  GEN_PID=$!
  wait "$GEN_PID"; local rc=$?
  GEN_PID=""
  set -e
  grep -h '^RESULT' "$WORK/gen.out" >&2 || true
  if [ $rc -ne 0 ]; then
    log "$name: generator exit code $rc; its last messages:"; tail -n 8 "$WORK/gen.err" >&2 || true
    if ! grep -q '^RESULT' "$WORK/gen.out"; then
      echo "RESULT scenario=$SCEN variant=$VARIANT server=$name rep=${REP:-1} status=FAIL:generator_exit_$rc" >> "$OUT_RAW"
    fi
  fi
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    log "NOTE: $name died during the run; last output:"; tail -n 10 "$SDIR/server.out" >&2 || true
  fi
  stop_server
}

# ---------------------------------------------------------------------------------------------
# The matrix: scenario-major, so the servers of one row are measured close together in time
# ---------------------------------------------------------------------------------------------
log "servers: ${ACTIVE[*]:-none}; scenarios: $SCENARIOS; window ${WINDOW}s, warm-up ${WARMUP}s, ${REPS} rep(s)"
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
for scen in $SCENARIOS; do
  case "$scen" in
    fanout)
      for n in $FANOUT_SUBS; do SCEN=fanout-max VARIANT=$n
        for s in "${ACTIVE[@]}"; do run_gen "$s" fanout --subs "$n" --rate max --pub-windows "$MAX_WINDOWS"; done
      done ;;
    fixed)
      for n in $FANOUT_SUBS; do SCEN=fanout-fixed VARIANT=$n
        for s in "${ACTIVE[@]}"; do run_gen "$s" fanout --subs "$n" --deliveries "$FIXED_LOAD"; done
      done ;;
    channels)
      SCEN=channels VARIANT="${CHANNELS}x${MEMBERS}@${MEMBER_RATE}"
      for s in "${ACTIVE[@]}"; do
        run_gen "$s" channels --channels "$CHANNELS" --members "$MEMBERS" --member-rate "$MEMBER_RATE"
      done ;;
    capacity)
      SCEN=capacity VARIANT=$CAP_CLIENTS
      # a fresh server per repetition: RSS growth is only meaningful from a clean start
      for REP in $(seq 1 "$REPS"); do
        for s in "${ACTIVE[@]}"; do run_gen "$s" capacity --clients "$CAP_CLIENTS" --rep "$REP"; done
      done
      REP="" ;;
    *) log "unknown scenario $scen (use fanout fixed channels capacity)" ;;
  esac
done

# ---------------------------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------------------------
version_of() {
  case "$1" in
    ngircd)   /usr/sbin/ngircd --version 2>/dev/null | head -n 1 ;;
    inspircd) /usr/sbin/inspircd --version 2>/dev/null | head -n 1 ;;
    redis)    /usr/bin/redis-server --version 2>/dev/null | head -n 1 ;;
    parley)   if [ "$PARLEY_CMD" = "$PARLEY_CMD_DEFAULT" ]; then echo "$("$JAVA" -jar "$PARLEY_JAR" --version 2>/dev/null | head -n 1), JVM options: ${PARLEY_JAVA_OPTIONS:-none}"; else echo "PARLEY_CMD: $PARLEY_CMD"; fi ;;
  esac
}
{
  echo "# Parley relay benchmark, $(date '+%Y-%m-%d %H:%M:%S %Z')$([ "$SMOKE" = 1 ] && echo ' (SMOKE run: short windows, small counts; not a measurement)')"
  echo
  echo "## Machine"
  echo
  echo "- CPUs: $NPROC x $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "- kernel: $(uname -sr)"
  echo "- memory: $(free -m | awk '/^Mem:/ {print $2 " MiB"}')"
  echo "- java: $("$JAVA" -version 2>&1 | head -n 2 | tr '\n' ' ')"
  echo "- load average at start: $LOAD_START; at end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- pinning: $PINNING"
  echo "- fd limit: $(ulimit -n)"
  echo
  echo "## Servers"
  echo
  for s in $SERVERS; do
    echo "- $s: $(version_of "$s" || true)$([ -n "${SKIPPED[$s]:-}" ] && echo ' (skipped: see Results)' || true)"
  done
  echo
  echo "## Parameters"
  echo
  echo "- window ${WINDOW} s after ${WARMUP} s warm-up, ${REPS} repetition(s), median reported; drain ${DRAIN} s; ${PREWARM} s pre-warm per run at ${PREWARM_RATE} rate (its second half measured, not reported)"
  echo "- message body ${MSG_BYTES} bytes; publisher windows tried at max rate: ${MAX_WINDOWS}; fixed-rate window cap ${FIXED_WINDOW}; ${REG_CONCURRENCY} connections registering at once"
  echo "- fan-out subscribers: ${FANOUT_SUBS}; fixed load ${FIXED_LOAD} deliveries/s; channels ${CHANNELS} x ${MEMBERS} at ${MEMBER_RATE} msgs/s per member; capacity ${CAP_CLIENTS} clients"
  echo "- ngircd publishers OPER and set user mode +F: $([ "$NGIRCD_RELAXED_FLOOD" = 1 ] && echo yes || echo no)"
  echo
  echo "## Results"
  echo
  "$JAVA" -cp "$CLASSES" LoadGen report --results "$OUT_RAW" --servers "$SERVERS" --baseline ngircd
  echo "Raw per-repetition lines: \`$(basename "$OUT_RAW")\`. Column meanings: docs/BENCHMARKS.md."
} > "$OUT_MD"
cat "$OUT_MD"
log "written: $OUT_MD"
