#!/usr/bin/env python3
"""How many `openstack` lines of one command family doc trees have, and how many run.

    Scripts/family-lines.py [--bin .build/debug/walkthrough] --tree TREE [--tree TREE...] PREFIX [PREFIX...]

PREFIX: command words, e.g. "network" "subnet" "port" "router" or "volume" "server add volume".
A line belongs to the family when its command words (options dropped) start with a PREFIX.
Prints executed (any outcome but not simulated/skipped) / total, the outcomes, and the most
common command words still not simulated, with one reason each.
"""
import argparse, collections, json, subprocess
p = argparse.ArgumentParser()
p.add_argument("--bin", default=".build/debug/walkthrough")
p.add_argument("--tree", action="append", required=True, help="a doc tree (repeated)")
p.add_argument("prefixes", nargs="+")
a = p.parse_args()
prefixes = [x.split() for x in a.prefixes]
total = 0; outcomes = collections.Counter(); missing = collections.Counter(); reasons = {}
for tree in a.tree:
    out = subprocess.run([a.bin, "check", "--format", "json", tree], capture_output=True, text=True).stdout
    for line in out.splitlines():
        if not line.startswith("{"): continue
        r = json.loads(line)
        words = r.get("command", "").split()
        if not words or words[0] != "openstack": continue
        ws = [w for w in words[1:] if not w.startswith("-")]
        if not any(ws[:len(x)] == x for x in prefixes): continue
        total += 1
        outcomes[r["outcome"]] += 1
        if r["outcome"] in ("not simulated", "skipped"):
            key = " ".join(ws[:3])
            missing[key] += 1
            reasons.setdefault(key, r.get("reason", "")[:160])
executed = total - outcomes["not simulated"] - outcomes["skipped"]
print(f"executed {executed} of {total} lines ({100*executed/max(total,1):.0f}%); outcomes: {dict(outcomes)}")
for k, c in missing.most_common(40): print(f"{c:4} {k}: {reasons[k]}")
