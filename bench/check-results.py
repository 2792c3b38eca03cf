#!/usr/bin/env python3
"""Compares `dns-worker.jar resolve` output (NDJSON) with a bench-kit dataset's expected.json.

Prints, per record type, how many domains have exactly the expected set of values, and the
domain-level status agreement; exits 1 if anything differs. Usage:
  check-results.py DATASET_DIR RESULTS.ndjson
"""
import json
import sys

TYPES = ("A", "AAAA", "NS", "MX", "SOA", "CNAME", "TXT")


def main() -> int:
    ds, results = sys.argv[1], sys.argv[2]
    expected = json.load(open(f"{ds}/expected.json"))["domains"]
    got = {}
    for line in open(results):
        line = line.strip()
        if line:
            r = json.loads(line)
            got[r["domain"]] = r
    ok = {t: 0 for t in TYPES}
    bad = {t: [] for t in TYPES}
    missing = [d for d in expected if d not in got]
    status_bad = []
    for d, e in expected.items():
        r = got.get(d)
        if r is None:
            continue
        for t in TYPES:
            want = set(e.get(t, []))
            have = set(r.get(t, {}).get("values", []))
            if want == have:
                ok[t] += 1
            else:
                bad[t].append((d, sorted(want), sorted(have)))
        want_nx = e["status"] == "NXDOMAIN" and e["kind"] == "nxdomain"
        if want_nx != (r["status"] == "nxdomain") or (e["status"] == "TIMEOUT") != (r["status"] == "timeout"):
            status_bad.append((d, e["status"], r["status"]))
    n = len(expected)
    all_ok = not missing and not status_bad
    for t in TYPES:
        pct = 100.0 * ok[t] / n if n else 0
        print(f"correct_{t}={ok[t]}/{n} ({pct:.2f}%)")
        if bad[t]:
            all_ok = False
            for d, w, h in bad[t][:3]:
                print(f"  {t} {d}: expected {w} got {h}")
    print(f"missing_domains={len(missing)} status_mismatches={len(status_bad)}")
    for d, w, h in status_bad[:5]:
        print(f"  status {d}: expected {w} got {h}")
    return 0 if all_ok else 1


if __name__ == "__main__":
    sys.exit(main())
