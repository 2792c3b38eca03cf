#!/usr/bin/env python3
"""CPU seconds spent by the PostgreSQL backends of one application's connections, for the benches.

Usage: backend-cpu.py DATABASE APPLICATION_NAME OUTFILE

Runs until SIGTERM or SIGINT, then writes to OUTFILE one line: the backends' CPU seconds (user +
system), how many backends were seen, and the machine's busy CPU seconds over the same time (all
processes, from /proc/stat), so that the caller can tell how much of the machine was someone else's.

The backends are found by their pids in pg_stat_activity (application_name, as the worker sets it:
dns-worker-WORKER_ID), polled every second; their CPU is read from /proc every 0.2 s, keeping the
last reading of each: a backend's work in the 0.2 s before it exits is not counted. Counting every
process named postgres, as before, also counted other databases' work and autovacuum.
"""
import os
import signal
import subprocess
import sys
import time

HZ = os.sysconf("SC_CLK_TCK")


def machine_busy():
    with open("/proc/stat") as f:
        fields = [int(x) for x in f.readline().split()[1:]]
    # user nice system idle iowait irq softirq steal: all but idle and iowait
    return (sum(fields[:8]) - fields[3] - fields[4]) / HZ


def backend_pids(database, application):
    query = (
        "SELECT pid FROM pg_stat_activity WHERE datname = '%s' AND application_name = '%s'"
        % (database.replace("'", "''"), application.replace("'", "''"))
    )
    try:
        out = subprocess.run(
            ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-Atc", query],
            capture_output=True, text=True, timeout=5, check=True).stdout
    except (subprocess.SubprocessError, OSError):
        return []
    return [int(p) for p in out.split()]


def cpu_of(pid):
    """(start time, CPU seconds) of the process, or None once it is gone."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return int(fields[19]), (int(fields[11]) + int(fields[12])) / HZ  # starttime; utime stime
    except (OSError, IndexError, ValueError):
        return None


def main():
    database, application, outfile = sys.argv[1:4]
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
    signal.signal(signal.SIGINT, lambda *_: stop.append(1))
    busy_start = machine_busy()
    last = {}  # (pid, start time) -> CPU seconds: a pid reused by another process is another key
    started = {}  # pid -> the start time of the backend it was when pg_stat_activity listed it
    next_lookup = 0.0
    while not stop:
        now = time.monotonic()
        if now >= next_lookup:
            for pid in backend_pids(database, application):
                reading = cpu_of(pid)
                if reading is not None and pid not in started:
                    started[pid] = reading[0]
            next_lookup = now + 1.0
        for pid, start in started.items():
            reading = cpu_of(pid)
            if reading is not None and reading[0] == start:
                last[(pid, start)] = reading[1]
        time.sleep(0.2)
    with open(outfile, "w") as f:
        f.write(f"{sum(last.values()):.2f} {len(last)} {machine_busy() - busy_start:.2f}\n")


if __name__ == "__main__":
    main()
