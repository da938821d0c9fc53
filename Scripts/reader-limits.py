#!/usr/bin/env python3
"""Measures `walkthrough list` on hostile pages: the README's table of reader limits.

  Scripts/reader-limits.py [--bin .build/release/walkthrough] [--sizes 1,10] [--only WORD]

Writes each page (reStructuredText and Markdown: tabs, deep nesting, long lines, many blocks,
huge tables, unclosed inline markup) at each size in MB to a temporary directory, runs
`walkthrough list PAGE` under `/usr/bin/time` and prints one Markdown table row per page: seconds
of processor time (user and system; on a busy host the elapsed time says more about the host),
peak memory, and what the reader said (its step count, or its error). Runs are capped at 2 GB of address space and 60 s, so that a reader without limits
cannot take the host down with it.
"""
import argparse
import os
import resource
import subprocess
import sys
import tempfile


def repeat(unit, size):
    """`unit` repeated up to `size` bytes."""
    return unit * max(1, size // len(unit))


def lines_of(unit, size, width=80):
    """`unit` repeated into lines of about `width` bytes, up to `size` bytes."""
    line = repeat(unit, width) + "\n"
    return line * max(1, size // len(line))


def staircase(step, depth, leaf, size):
    """`depth` levels opened one line at a time (`step(level)` is a line), then `leaf` lines at
    the bottom up to `size` bytes."""
    head = "".join(step(level) for level in range(depth))
    return head + repeat(leaf(depth), size - len(head))


# Pages keep to 200,000 lines (the reader's limit) unless they show that limit.
PAGES = {
    # reStructuredText
    "rst tabs": ("rst", lambda n: lines_of("x\t", n)),
    "rst tab runs": ("rst", lambda n: repeat("x" + "\t" * 1000 + "y\n", n)),
    "rst nested block quotes": (
        "rst",
        lambda n: staircase(lambda d: " " * d + "x\n\n", 200, lambda d: " " * d + "x\n\n", n),
    ),
    "rst nested lists": (
        "rst",
        lambda n: staircase(lambda d: "  " * d + "- x\n", 200, lambda d: "  " * d + "- x\n", n),
    ),
    "rst nested directives": (
        "rst",
        lambda n: staircase(
            lambda d: "   " * d + ".. note::\n\n", 200, lambda d: "   " * d + "$ ls\n", n
        ),
    ),
    "rst long line": ("rst", lambda n: "x" * n + "\n"),
    "rst many blocks": ("rst", lambda n: repeat("Run::\n\n  $ " + "x" * 200 + "\n\n", n)),
    "rst blank lines": ("rst", lambda n: "\n" * n),
    "rst grid table": (
        "rst",
        lambda n: "+" + "-" * 30 + "+" + "-" * 30 + "+\n"
        + repeat("| " + "a" * 29 + "| " + "b" * 29 + "|\n+" + "-" * 30 + "+" + "-" * 30 + "+\n", n),
    ),
    "rst parsed-literal, unclosed markup": (
        "rst",
        lambda n: ".. parsed-literal::\n\n" + lines_of("   *a **a `a |a [a a-a", n),
    ),
    # Markdown
    "md tabs": ("md", lambda n: lines_of("x\t", n)),
    "md nested block quotes": ("md", lambda n: repeat("> " * 100 + "x\n", n)),
    "md block quotes nested too deep": ("md", lambda n: repeat("> ", n)),
    "md nested lists, blank lines": (
        "md", lambda n: "- " * 100 + "x" + "\n" * 190_000 + " " * 200 + "x" * (n - 190_300)
    ),
    "md lists nested too deep": ("md", lambda n: repeat("- ", n)),
    "md long line": ("md", lambda n: "x" * n + "\n"),
    "md many blocks": ("md", lambda n: repeat("```console\n$ " + "x" * 200 + "\n```\n", n)),
    "md many list items": ("md", lambda n: repeat("- " + "item " * 12 + "\n", n)),
    "md many paragraphs": ("md", lambda n: repeat("word " * 24 + "\n\n", n)),
    "md wide table": (
        "md", lambda n: "|a" * ((n - 40_000) // 4) + "\n" + "|-" * ((n - 40_000) // 4) + "\n" + "x\n" * 20_000
    ),
    "md table cells": ("md", lambda n: "|a|a|\n|-|-|\n" + lines_of("|a", n)),
    "md table delimiter rows": ("md", lambda n: "a\n" + repeat("-|-|-" + " " * 60 + "\n-|-" + " " * 60 + "\n", n)),
    "md `![[]()`": ("md", lambda n: repeat("![[]()", n)),
    "md `<![CDATA[`": ("md", lambda n: "a" + repeat("<![CDATA[", n)),
    "md `<?`": ("md", lambda n: repeat("a <?", n)),
    "md `<!--`": ("md", lambda n: repeat("a <!--a", n)),
    "md emphasis": ("md", lambda n: repeat("*a ", n // 2) + repeat("_a*_ ", n // 2)),
    "md unclosed links": ("md", lambda n: repeat("[a](b", n)),
    "md e-mail autolinks": ("md", lambda n: repeat("a@", n)),
    "md lines": ("md", lambda n: "\n" * n),
}


def limit_resources():
    two_gigabytes = 2 << 30
    resource.setrlimit(resource.RLIMIT_AS, (two_gigabytes, two_gigabytes))


def measure(binary, path):
    try:
        run = subprocess.run(
            ["/usr/bin/time", "-f", "%U %S %M", binary, "list", path],
            capture_output=True, text=True, timeout=60, preexec_fn=limit_resources,
        )
    except subprocess.TimeoutExpired:
        return "> 60 s", "", "stopped after 60 s"
    *errors, figures = run.stderr.strip().split("\n")
    user, system, kilobytes = figures.split()
    seconds = f"{float(user) + float(system):.2f}"
    megabytes = f"{int(kilobytes) // 1024} MB"
    killed = [error for error in errors if error.startswith("Command terminated by signal")]
    if run.returncode == 0:
        said = f"{len(run.stdout.splitlines())} steps"
    elif killed:
        said = "killed (" + killed[0].split("by ")[1] + ", at the 2 GB cap)"
    else:
        said = (errors[0] if errors else f"exit {run.returncode}").split(": ", 1)[-1]
    return f"{seconds} s", megabytes, said


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", default=".build/release/walkthrough")
    parser.add_argument("--sizes", default="1,10", help="page sizes in MB, comma-separated")
    parser.add_argument("--only", default="", help="measure only the pages whose name contains this")
    arguments = parser.parse_args()
    sizes = [float(size) for size in arguments.sizes.split(",")]
    print("| page | " + " | ".join(f"{size:g} MB" for size in sizes) + " |")
    print("|---|" + "---|" * len(sizes))
    with tempfile.TemporaryDirectory() as directory:
        for name, (extension, generate) in PAGES.items():
            if arguments.only not in name:
                continue
            cells = []
            for size in sizes:
                path = os.path.join(directory, f"page.{extension}")
                with open(path, "w", encoding="utf-8") as page:
                    page.write(generate(int(size * 1_000_000)))
                seconds, megabytes, said = measure(arguments.bin, path)
                cells.append(f"{seconds}, {megabytes}: {said}" if megabytes else f"{seconds}: {said}")
            print(f"| {name} | " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    sys.exit(main())
