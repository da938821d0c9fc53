#!/usr/bin/env python3
"""Compares walkthrough's readers with the docutils and cmark-gfm block extractors on a doc tree.

  compare-with-oracle.py ORACLE.jsonl OURS.jsonl

ORACLE.jsonl is what an extractor printed (`rst_blocks.py --no-included DIR` or `md_blocks.py
DIR`), OURS.jsonl what `walkthrough list --blocks --format json DIR` printed for the same tree, both
run from the same directory. Prints the blocks that differ (missing, extra, other text, other
language) and a summary line `N blocks, N agree, N differ`. Known deliberate differences are
counted apart: a doctest block's line (docutils numbers it from its second line).
"""
import json
import sys
from collections import defaultdict


def load(path):
    blocks = defaultdict(dict)
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            block = json.loads(line)
            if block["kind"] == "doctest" and "oracle" in path:
                block["line"] -= 1
            blocks[block["file"]][block["line"]] = block
    return blocks


def main():
    oracle, ours = load(sys.argv[1]), load(sys.argv[2])
    total = agree = 0
    problems = []
    for file in sorted(set(oracle) | set(ours)):
        theirs, mine = oracle.get(file, {}), ours.get(file, {})
        for line in sorted(set(theirs) | set(mine)):
            total += 1
            a, b = theirs.get(line), mine.get(line)
            if a is None:
                problems.append(f"EXTRA   {file}:{line} {b['kind']} {b['text'][:60]!r}")
            elif b is None:
                problems.append(f"MISSING {file}:{line} {a['kind']} {a['text'][:60]!r}")
            elif a["text"] != b["text"]:
                problems.append(f"TEXT    {file}:{line} {a['kind']}\n  docutils: {a['text'][:200]!r}\n  ours:     {b['text'][:200]!r}")
            elif a["language"] != b["language"]:
                problems.append(f"LANG    {file}:{line} {a['language']!r} vs {b['language']!r}")
            else:
                agree += 1
    for problem in problems:
        print(problem)
    print(f"{total} blocks, {agree} agree, {total - agree} differ")


if __name__ == "__main__":
    main()
