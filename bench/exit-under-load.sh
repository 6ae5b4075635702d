#!/usr/bin/env bash
# How long the relay takes to exit on SIGTERM while other programs keep every CPU busy, right after
# a burst of messages (the search index still catching up). Documentation: docs/BENCHMARKS.md,
# "Per-delivery traces". Loopback only; the busy loops end after 60 s at the latest.
#
#   bench/exit-under-load.sh [target/parley.jar]      PORT= (default 6895), MESSAGES= (default 20000)
set -euo pipefail

JAR=${1:-target/parley.jar}
PORT=${PORT:-6895}
MESSAGES=${MESSAGES:-20000}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
DATA=$(mktemp -d /tmp/parley-exit.XXXXXX)
trap 'pkill -f "parley-exit-busy-loop" 2>/dev/null || true; rm -rf "$DATA"' EXIT

"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -jar "$JAR" server --bind 127.0.0.1 --port "$PORT" \
  --data "$DATA/store" --no-announce --no-flood-limit > "$DATA/server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do grep -q "ready on" "$DATA/server.log" 2>/dev/null && break; sleep 0.1; done
grep -q "ready on" "$DATA/server.log" || { echo "exit-under-load: the relay did not start" >&2; cat "$DATA/server.log" >&2; exit 1; }

python3 - "$PORT" "$MESSAGES" <<'PY'
import socket, sys, time
port, count = int(sys.argv[1]), int(sys.argv[2])
s = socket.create_connection(("127.0.0.1", port))
s.sendall(b"NICK burst\r\nUSER b 0 * :B\r\nJOIN #lab\r\n")
time.sleep(0.3)
for start in range(0, count, 1000):
    s.sendall(b"".join(b"PRIVMSG #lab :burst message number %d with some words to index here\r\n" % i
                       for i in range(start, min(count, start + 1000))))
time.sleep(2)
s.sendall(b"QUIT :done\r\n")
time.sleep(0.2)
PY

for _ in $(seq 1 $(( $(nproc) * 2 ))); do
  timeout 60 bash -c 'exec -a parley-exit-busy-loop bash -c "while :; do :; done"' &
done
sleep 0.2
t0=$(date +%s%N)
kill -TERM "$server"
rc=0; wait "$server" || rc=$?
t1=$(date +%s%N)
echo "exit-under-load: exit code $rc, $(( (t1 - t0) / 1000000 )) ms from SIGTERM to exit, $(( $(nproc) * 2 )) busy loops; $(grep -c . "$DATA/server.log") log lines"
