#!/usr/bin/env python3
"""Per-message latency figures from the load generator's delivery traces (LOADGEN_TRACE=<folder>).

Each trace line is "<send stamp ns> <latency ns>", one per delivery. A message's first delivery
tells how late the server started on it; the spread (last minus first) is its fan-out. The share
of messages whose first delivery is over 0.2 / 0.3 / 0.4 ms is steadier from run to run than the
p99 of all deliveries, and compares servers at the same hour: a stall on the server's core makes
every subscriber of a message late, the spread does not.

    python3 bench/trace-stats.py /tmp/tr/*-rep*.txt
"""
import collections
import sys


def stats(path):
    deliveries = collections.defaultdict(list)
    with open(path) as trace:
        for line in trace:
            stamp, latency = line.split()
            deliveries[int(stamp)].append(int(latency))
    first = sorted(min(v) for v in deliveries.values())
    spread = sorted(max(v) - min(v) for v in deliveries.values())
    n = len(first)
    late = [100.0 * sum(1 for x in first if x > limit) / n for limit in (200_000, 300_000, 400_000)]
    return (f"{path.rsplit('/', 1)[-1]}: {n} messages, first delivery p50 {first[n // 2] / 1e6:.3f} "
            f"p99 {first[int(n * 0.99)] / 1e6:.3f} ms, first over 0.2 / 0.3 / 0.4 ms: "
            f"{late[0]:.2f} / {late[1]:.2f} / {late[2]:.2f} %, spread p50 {spread[n // 2] / 1e6:.3f} "
            f"p99 {spread[int(n * 0.99)] / 1e6:.3f} ms")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    for path in sys.argv[1:]:
        print(stats(path))
