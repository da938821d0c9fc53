#!/usr/bin/env python3
"""The conformance suite: the real `openstack` client against `walkthrough serve`, command for
command, compared byte for byte with the emulation.

For each page (default: the pages in walkthroughs/), it serves the page's cloud file with
`walkthrough serve` and starts the emulation on an identical fresh cloud
(`walkthrough run --format json`, driven a line at a time). Every command of the page runs on
both: through the real python-openstackclient against the server (`source openrc USER PROJECT`,
`export` and `unset` followed as the emulation's session follows them), and through the
emulation. Their standard output, standard error and exit status must be the same, byte for
byte, but for the values each cloud makes up on its own: request IDs (the real client makes more
requests than the emulation) and timestamps (the server's clock also moves with wall time). Those
are bound one to one across the page, the first time each appears, and must keep to their
binding. Lines that are not commands for the client (other programs) run on neither side.

The page's IDs become each cloud's before the commands run (found where the page shows them:
resources get the same IDs on both clouds, request IDs do not). The server says its services are
under the emulated cloud's `http://devstack` (`serve --public-url`), and the real client reaches
that host through the server as its HTTP proxy: the URLs it prints (an error's, the catalog's)
are the emulation's, in tables as wide.

Every difference is a failure, listed with the page's line and a diff. It ends with
`N passed, N failed`; the exit status is 1 when any failed.

    Scripts/conformance/run.py [--venv .venv-osc] [--walkthrough .build/debug/walkthrough]
                               [--cloud FILE] [--width N] [--jobs N] [PAGE...]

Pages run at once, `--jobs` of them (default: one per processor), each on clouds of its own; a
page's report is printed whole, in the order the pages were given.

It needs the real client in a virtualenv (Scripts/osc-replay/setup-venv.sh makes one).
"""

import argparse
import concurrent.futures
import difflib
import json
import os
import re
import shlex
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
# What each cloud makes up on its own: request IDs, tokens (drawn from the request IDs' stream),
# and times in the services' formats.
VOLATILE = re.compile(
    r"req-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|gAAAAA[0-9a-f]{64}"
    r"|\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?(?:Z|[+-]\d{2}:\d{2})?"
)
# Where the emulation says the cloud's services are (the catalog, the messages that quote a URL).
EMULATED_ENDPOINT = "http://devstack"


def directives(text):
    """The page's cloud file and width directives."""
    cloud = re.search(r"walkthrough:\s+cloud\s+(\S+)", text)
    width = re.search(r"walkthrough:\s+width\s+(\d+)", text)
    return (cloud.group(1) if cloud else None), (int(width.group(1)) if width else None)


def serve(walkthrough, cloud):
    """Starts `walkthrough serve` on a free port, its services said to be under the emulated
    endpoint; returns the process, the URL it listens at and the clouds.yaml text it printed."""
    args = [walkthrough, "serve", "--port", "0", "--public-url", EMULATED_ENDPOINT] + (["--cloud", cloud] if cloud else [])
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines = []
    deadline = time.time() + 60
    while time.time() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        lines.append(line)
        if line.startswith("export OS_USER_DOMAIN_NAME"):
            break
    text = "".join(lines)
    match = re.search(r"listening on (http://\S+)", text)
    if not match:
        process.kill()
        raise SystemExit("conformance: walkthrough serve did not start:\n" + text)
    clouds = text[text.index("clouds:"):text.index("# or, in a shell")]
    return process, match.group(1), clouds


class Emulation:
    """`walkthrough run --format json`: one session on a fresh cloud, a command at a time."""

    def __init__(self, walkthrough, cloud, width):
        args = [walkthrough, "run", "--format", "json"]
        args += ["--cloud", cloud] if cloud else []
        args += ["--width", str(width)] if width else []
        self.process = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    def run(self, command):
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            raise SystemExit("conformance: walkthrough run ended at: " + command)
        return json.loads(line)

    def close(self):
        self.process.stdin.close()
        self.process.wait(timeout=30)


class RealClient:
    """The real `openstack` against the server, with the environment a shell would have."""

    def __init__(self, venv, clouds, width, work, proxy):
        clouds_file = os.path.join(work, "clouds.yaml")
        with open(clouds_file, "w") as handle:
            handle.write(clouds)
        self.passwords = dict(re.findall(r"username: (\S+)\n\s+password: (\S+)", clouds))
        self.openstack = os.path.join(venv, "bin", "openstack")
        self.env = {"PATH": os.environ.get("PATH", ""), "HOME": work, "OS_CLIENT_CONFIG_FILE": clouds_file,
                    "OS_CLOUD": "walkthrough-devstack", "OS_USER_DOMAIN_NAME": "Default",
                    "OS_PROJECT_DOMAIN_NAME": "Default", "http_proxy": proxy}
        if width:
            self.env["CLIFF_MAX_TERM_WIDTH"] = str(width)

    def run(self, words):
        """Runs an `openstack` line, or follows `source openrc`, `export` and `unset`; returns
        (stdout, stderr, exit status)."""
        if words[:1] == ["openstack"]:
            # A page's `image create` runs at a terminal, where the client reads no image data
            # from stdin: it gets a pseudo-terminal.
            terminal = os.openpty() if words[1:3] == ["image", "create"] else None
            try:
                result = subprocess.run([self.openstack] + words[1:], env=self.env, capture_output=True, text=True,
                                        stdin=terminal[1] if terminal else None, timeout=600)
            finally:
                for fd in terminal or ():
                    os.close(fd)
            return result.stdout, result.stderr, result.returncode
        if words[:1] in (["source"], ["."]) and len(words) > 2:
            self.env.update({"OS_USERNAME": words[2], "OS_PASSWORD": self.passwords.get(words[2], ""),
                             "OS_PROJECT_NAME": words[3] if len(words) > 3 else words[2]})
        elif words[:1] == ["export"]:
            for assignment in words[1:]:
                name, _, value = assignment.partition("=")
                self.env[name] = value
        elif words[:1] == ["unset"]:
            for name in words[1:]:
                self.env.pop(name, None)
        return "", "", 0


def learn_ids(ids, documented, printed):
    """Binds the page's IDs to the ones a cloud printed where the page shows them."""
    page_ids, printed_ids = UUID.findall(documented), UUID.findall(printed)
    if len(page_ids) == len(printed_ids):
        for page_id, printed_id in zip(page_ids, printed_ids):
            ids.setdefault(page_id, printed_id)


def with_ids(ids, command):
    return UUID.sub(lambda match: ids.get(match.group(0), match.group(0)), command)


class Bindings:
    """Request IDs and times bound one to one, real to emulated, for the whole page."""

    def __init__(self):
        self.real_to_emulated = {}
        self.emulated_to_real = {}

    def normalise(self, real, emulated):
        """Both texts with each bound pair written as the same placeholder, or a reason the
        values cannot be bound."""
        real_values = [match.group(0) for match in VOLATILE.finditer(real)]
        emulated_values = [match.group(0) for match in VOLATILE.finditer(emulated)]
        if len(real_values) != len(emulated_values):
            return None, "the real client printed %d request IDs and times, the emulation %d" % (
                len(real_values), len(emulated_values))
        for real_value, emulated_value in zip(real_values, emulated_values):
            bound = self.real_to_emulated.setdefault(real_value, emulated_value)
            back = self.emulated_to_real.setdefault(emulated_value, real_value)
            if bound != emulated_value or back != real_value:
                return None, "%s is bound to %s, but the emulation printed %s" % (real_value, bound, emulated_value)
        kinds = {"req-": "request ID", "gAAA": "token"}
        placeholders = {value: "<%s %d>" % (kinds.get(value[:4], "time"), index)
                        for index, value in enumerate(self.real_to_emulated)}
        emulated_placeholders = {self.real_to_emulated[value]: name for value, name in placeholders.items()}
        return (VOLATILE.sub(lambda match: placeholders[match.group(0)], real),
                VOLATILE.sub(lambda match: emulated_placeholders[match.group(0)], emulated)), None


def differences(bindings, real, emulated):
    """What differs between the real client's (stdout, stderr, status) and the emulation's."""
    found = []
    for stream, real_text, emulated_text in (("stdout", real[0], emulated["stdout"]),
                                             ("stderr", real[1], emulated["stderr"])):
        normalised, problem = bindings.normalise(real_text, emulated_text)
        if problem:
            found.append("%s: %s" % (stream, problem))
            normalised = (real_text, emulated_text)
        if normalised[0] != normalised[1]:
            diff = difflib.unified_diff(normalised[0].splitlines(), normalised[1].splitlines(),
                                        "real client " + stream, "emulation " + stream, lineterm="", n=1)
            found.append("\n".join(diff))
    if real[2] != emulated["exit_status"]:
        found.append("exit status: real client %d, emulation %d" % (real[2], emulated["exit_status"]))
    return found


def run_page(page, args):
    """Runs the page on both sides; returns (passed, failed, the report's lines)."""
    report = []
    text = open(page, encoding="utf-8").read()
    cloud, width = directives(text)
    cloud_path = os.path.join(os.path.dirname(os.path.abspath(page)), cloud) if cloud else args.cloud
    width = width or args.width
    listed = subprocess.run([args.walkthrough, "list", "--format", "json", page], capture_output=True, text=True,
                            check=True)
    steps = [json.loads(line) for line in listed.stdout.splitlines() if line.strip()]
    page_lines = text.split("\n")
    process, listening, clouds = serve(args.walkthrough, cloud_path)
    emulation = Emulation(args.walkthrough, cloud_path, width)
    real_client = RealClient(args.venv, clouds, width, tempfile.mkdtemp(prefix="walkthrough-conformance-"), listening)
    # The page's IDs stand for each cloud's own: resources have the same IDs on both, but a
    # request ID the page shows (`server event show vm1 req-...`) is each cloud's own.
    real_ids, emulated_ids = {}, {}
    bindings = Bindings()
    passed = failed = 0
    try:
        for step in steps:
            words = shlex.split(step["command"])
            if words[:1] not in (["openstack"], ["source"], ["."], ["export"], ["unset"]):
                report.append("%s:%d: skipped (not for the client): %s" % (page, step["line"], step["command"]))
                continue
            real = real_client.run(shlex.split(with_ids(real_ids, step["command"])))
            emulated = emulation.run(with_ids(emulated_ids, step["command"]))
            first, last = step["output_first_line"], step["output_last_line"]
            documented = "\n".join(page_lines[first - 1:last]) if first else ""
            learn_ids(real_ids, documented, real[0] + real[1])
            learn_ids(emulated_ids, documented, emulated["stdout"] + emulated["stderr"])
            found = differences(bindings, real, emulated)
            if not emulated["simulated"]:
                found.insert(0, "the emulation does not simulate this command")
            if found:
                failed += 1
                report.append("%s:%d: FAILED: %s" % (page, step["line"], step["command"]))
                for difference in found:
                    report.append("    " + difference.replace("\n", "\n    "))
            else:
                passed += 1
    finally:
        emulation.close()
        process.send_signal(signal.SIGINT)
        process.wait(timeout=30)
    report.append("%s: %d passed, %d failed" % (page, passed, failed))
    return passed, failed, report


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--venv", default=os.path.join(ROOT, ".venv-osc"))
    parser.add_argument("--walkthrough", default=os.path.join(ROOT, ".build", "debug", "walkthrough"))
    parser.add_argument("--cloud", help="the cloud file for pages that name none (as check's --cloud)")
    parser.add_argument("--width", type=int, help="the terminal width for pages that declare none (as check's --width)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="pages run at once")
    parser.add_argument("pages", nargs="*")
    args = parser.parse_args()
    pages = args.pages or sorted(
        os.path.join(ROOT, "walkthroughs", name) for name in os.listdir(os.path.join(ROOT, "walkthroughs"))
        if name.endswith((".rst", ".md", ".markdown")))
    total_passed = total_failed = 0
    # The work is the two clients' processes: threads are enough to keep them all busy.
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for passed, failed, report in pool.map(lambda page: run_page(page, args), pages):
            print("\n".join(report), flush=True)
            total_passed += passed
            total_failed += failed
    print("%d passed, %d failed" % (total_passed, total_failed))
    sys.exit(1 if total_failed else 0)


if __name__ == "__main__":
    main()
