#!/usr/bin/env python3
"""What `walkthrough check` makes of real doc trees: a table of outcomes per tree.

    Scripts/measure-doc-trees.py [--bin PATH] [--json] [--env NAME=VALUE]... TREE...

Each TREE is a directory of pages (for instance a project's doc tree extracted from its git
repository; they are never part of this repository). For each tree it runs `walkthrough list` and
`walkthrough check --format json` (the default cloud, no directives but the pages' own) and
prints, per tree and in all: console steps, `openstack` lines, and what became of those lines:
executed (every outcome but `not simulated` and `skipped`), matched, ran (no documented output,
exit 0), drift, failed, and among the failures those that name a resource the cloud does not
have (`No … found for …`, `… could not be found`, `Unable to find …`), plus the drifts of commands
the page shows without output. `--json` prints the same figures as one JSON object.

`--baseline OLD_BIN` also runs an older build and follows the lines that failed with it for want of
a resource: how many of them run now (and how they end), how many are placeholders, how many
still fail.
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys

MISSING_RESOURCE = re.compile(
    r"No \S+ found for|could not be found|Unable to find|No \S+ with a name or ID|Neutron \S+ '.*' not found")
COLUMNS = [
    ("steps", "console steps"), ("openstack", "openstack lines"), ("executed", "executed"),
    ("matched", "matched"), ("ran", "ran"), ("drift", "drift"), ("drift_no_output", "drift, no output shown"),
    ("failed", "failed"), ("failed_missing", "failed, resource missing"), ("assumed", "assumptions"),
]


def run_lines(command):
    result = subprocess.run(command, capture_output=True, text=True)
    return [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]


# `check`'s own options for every tree (`--env OS_CLOUD=devstack-admin`).
CHECK_OPTIONS = []


def check(binary, tree):
    return [result for result in run_lines([binary, "check", "--format", "json"] + CHECK_OPTIONS + [tree])
            if "command" in result]


def missing_resource_lines(results):
    return {
        (result["file"], result["line"])
        for result in results
        if result["outcome"] == "failed" and MISSING_RESOURCE.search(result.get("message", ""))
    }


def follow(baseline, binary, trees):
    """What became of the lines that failed for want of a resource with the baseline build."""
    before = set().union(*(missing_resource_lines(check(baseline, tree)) for tree in trees))
    now = {(result["file"], result["line"]): result for tree in trees for result in check(binary, tree)}
    outcomes = collections.Counter(now[line]["outcome"] for line in before if line in now)
    placeholders = sum(1 for line in before if "placeholder" in now.get(line, {}).get("reason", ""))
    refused = sum(1 for line in before if "is not emulated" in now.get(line, {}).get("reason", ""))
    runs = sum(count for outcome, count in outcomes.items() if outcome not in ("failed", "not simulated", "skipped"))
    print(f"\nlines failing for a missing resource with {baseline}: {len(before)}")
    print(f"now: {runs} run ({', '.join(f'{n} {o}' for o, n in sorted(outcomes.items()))});"
          f" {placeholders} are placeholders, {refused} use an option the emulation refuses")
    if len(before) > placeholders + refused:
        print(f"run now, of the others: {100 * runs / (len(before) - placeholders - refused):.0f}%")


def measure(binary, tree):
    figures = collections.Counter()
    documented = {}
    for step in run_lines([binary, "list", "--format", "json", tree]):
        figures["steps"] += 1
        documented[(step["file"], step["line"])] = step["output_line_count"]
    for result in check(binary, tree):
        words = result["command"].split()
        if not words or words[0] != "openstack":
            continue
        outcome = result["outcome"]
        figures["openstack"] += 1
        if outcome not in ("not simulated", "skipped"):
            figures["executed"] += 1
        if outcome in ("matched", "ran", "drift", "failed"):
            figures[outcome] += 1
        if outcome == "drift" and documented.get((result["file"], result["line"])) == 0:
            figures["drift_no_output"] += 1
        if outcome == "failed" and MISSING_RESOURCE.search(result.get("message", "")):
            figures["failed_missing"] += 1
        figures["assumed"] += sum(1 for note in result.get("notes", []) if note.startswith("assumed "))
    return figures


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", default=".build/release/walkthrough")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--baseline", metavar="OLD_BIN")
    parser.add_argument("--env", action="append", default=[], metavar="NAME=VALUE",
                        help="a variable every page starts with, as check's --env")
    parser.add_argument("trees", nargs="+")
    arguments = parser.parse_args()
    CHECK_OPTIONS.extend(option for assignment in arguments.env for option in ("--env", assignment))
    table = {os.path.basename(os.path.normpath(tree)): measure(arguments.bin, tree) for tree in arguments.trees}
    table["all"] = sum(table.values(), collections.Counter())
    if arguments.json:
        print(json.dumps({name: {key: figures[key] for key, _ in COLUMNS} for name, figures in table.items()}))
        return
    print("| tree | " + " | ".join(title for _, title in COLUMNS) + " |")
    print("|---" * (len(COLUMNS) + 1) + "|")
    for name, figures in table.items():
        print(f"| {name} | " + " | ".join(f"{figures[key]:,}" for key, _ in COLUMNS) + " |")
    if arguments.baseline:
        follow(arguments.baseline, arguments.bin, arguments.trees)


if __name__ == "__main__":
    sys.exit(main())
