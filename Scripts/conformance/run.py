#!/usr/bin/env python3
"""The conformance suite: the real `openstack` client against `walkthrough serve`, command for
command, compared with the emulation.

For each page (default: the pages in walkthroughs/), it serves the page's cloud file with
`walkthrough serve`, runs every command of the page through the real python-openstackclient
(`source openrc USER PROJECT`, `export` and `unset` are followed as the session follows them;
other lines are skipped, as the emulation never runs them), writes what the real client printed
as a page of its own that names the same cloud file and width, and checks that page with
`walkthrough check`: the emulation, on an identical fresh cloud, must print the same, values the
two clouds make up (request IDs, times) bound one to one as check binds them. Any other
difference fails the command. Two things are written as the emulation writes them before the
comparison: the page's IDs in commands become the served cloud's (found where the page shows
them), and the server's URL in error messages becomes the emulated `http://devstack`. It ends with `N passed, N failed`; the exit status is 1 when any
failed.

    Scripts/conformance/run.py [--venv .venv-osc] [--walkthrough .build/debug/walkthrough] [PAGE...]

It needs the real client in a virtualenv (Scripts/osc-replay/setup-venv.sh makes one).
"""

import argparse
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
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
# Where the emulation says the cloud's services are, in the messages that quote a URL.
EMULATED_ENDPOINT = "http://devstack"
ROOT = os.path.dirname(os.path.dirname(HERE))


def directives(text):
    """The page's cloud file and width directives."""
    cloud = re.search(r"walkthrough:\s+cloud\s+(\S+)", text)
    width = re.search(r"walkthrough:\s+width\s+(\d+)", text)
    return (cloud.group(1) if cloud else None), (int(width.group(1)) if width else None)


def serve(walkthrough, cloud):
    """Starts `walkthrough serve` on a free port; returns the process, its base URL and the
    clouds.yaml text it printed."""
    args = [walkthrough, "serve", "--port", "0"] + (["--cloud", cloud] if cloud else [])
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


def users(clouds):
    """Each user's password, from the clouds.yaml entries."""
    found = {}
    for name, password in re.findall(r"username: (\S+)\n\s+password: (\S+)", clouds):
        found[name] = password
    return found


def run_page(page, args):
    text = open(page, encoding="utf-8").read()
    cloud, width = directives(text)
    cloud_path = os.path.join(os.path.dirname(os.path.abspath(page)), cloud) if cloud else None
    listed = subprocess.run([args.walkthrough, "list", "--format", "json", page], capture_output=True, text=True, check=True)
    steps = [json.loads(line) for line in listed.stdout.splitlines() if line.strip()]
    page_lines = text.split("\n")
    process, base, clouds = serve(args.walkthrough, cloud_path)
    passwords = users(clouds)
    work = tempfile.mkdtemp(prefix="walkthrough-conformance-")
    clouds_file = os.path.join(work, "clouds.yaml")
    with open(clouds_file, "w") as handle:
        handle.write(clouds)
    env = {"PATH": os.environ.get("PATH", ""), "HOME": work, "OS_CLIENT_CONFIG_FILE": clouds_file,
           "OS_CLOUD": "walkthrough-devstack", "OS_USER_DOMAIN_NAME": "Default", "OS_PROJECT_DOMAIN_NAME": "Default"}
    if width:
        env["CLIFF_MAX_TERM_WIDTH"] = str(width)
    openstack = os.path.join(args.venv, "bin", "openstack")
    transcript = []
    # The page's IDs stand for the served cloud's: where a command printed IDs at the places the
    # page shows its own, later commands run with the served cloud's (request IDs differ: the
    # real client makes more requests than the emulation).
    ids = {}
    try:
        for step in steps:
            command = UUID.sub(lambda match: ids.get(match.group(0), match.group(0)), step["command"])
            words = shlex.split(command)
            if words[:1] == ["openstack"]:
                result = subprocess.run([openstack] + words[1:], env=env, capture_output=True, text=True, timeout=600)
                # The SDK quotes the URL of a failed request: the emulated cloud's endpoint.
                output = (result.stdout + result.stderr).replace(base, EMULATED_ENDPOINT)
                first, last = step["output_first_line"], step["output_last_line"]
                documented = "\n".join(page_lines[first - 1:last]) if first else ""
                page_ids, real_ids = UUID.findall(documented), UUID.findall(output)
                if len(page_ids) == len(real_ids):
                    for page_id, real_id in zip(page_ids, real_ids):
                        ids.setdefault(page_id, real_id)
                # The transcript keeps the page's command: the emulation runs it as the page does.
                transcript.append((step["command"], output, result.returncode))
            elif words[:1] in (["source"], ["."]) and len(words) > 2:
                env.update({"OS_USERNAME": words[2], "OS_PASSWORD": passwords.get(words[2], ""),
                            "OS_PROJECT_NAME": words[3] if len(words) > 3 else words[2]})
                transcript.append((step["command"], "", 0))
            elif words[:1] == ["export"]:
                for assignment in words[1:]:
                    name, _, value = assignment.partition("=")
                    env[name] = value
                transcript.append((step["command"], "", 0))
            elif words[:1] == ["unset"]:
                for name in words[1:]:
                    env.pop(name, None)
                transcript.append((step["command"], "", 0))
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=30)
    # The real client's transcript as a page of its own, for `walkthrough check`.
    page_text = ["Conformance transcript", "======================", ""]
    if cloud_path:
        page_text += [".. walkthrough: cloud " + cloud_path, ""]
    if width:
        page_text += [".. walkthrough: width %d" % width, ""]
    for command, output, _ in transcript:
        page_text += ["::", "", "  $ " + command] + ["  " + line if line else "" for line in output.rstrip("\n").split("\n")] + [""]
    transcript_page = os.path.join(work, os.path.basename(page) + ".real.rst")
    with open(transcript_page, "w", encoding="utf-8") as handle:
        handle.write("\n".join(page_text) + "\n")
    checked = subprocess.run([args.walkthrough, "check", "--format", "json", transcript_page], capture_output=True, text=True)
    results = [json.loads(line) for line in checked.stdout.splitlines() if line.strip()]
    passed = failed = 0
    for result in results:
        if result["outcome"] in ("matched", "not simulated"):
            passed += 1
        else:
            failed += 1
            print("%s: %s: %s" % (page, result["outcome"], result["command"]))
            for difference in result.get("differences", [])[:10]:
                print("    %s %s" % (difference["side"], difference["text"]))
            if "message" in result:
                print("    " + result["message"])
    if not results:
        print("%s: walkthrough check printed nothing:\n%s" % (page, checked.stderr))
        failed += 1
    print("%s: %d passed, %d failed" % (page, passed, failed))
    return passed, failed


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--venv", default=os.path.join(ROOT, ".venv-osc"))
    parser.add_argument("--walkthrough", default=os.path.join(ROOT, ".build", "debug", "walkthrough"))
    parser.add_argument("pages", nargs="*")
    args = parser.parse_args()
    pages = args.pages or sorted(
        os.path.join(ROOT, "walkthroughs", name) for name in os.listdir(os.path.join(ROOT, "walkthroughs"))
        if name.endswith((".rst", ".md", ".markdown")))
    total_passed = total_failed = 0
    for page in pages:
        passed, failed = run_page(page, args)
        total_passed += passed
        total_failed += failed
    print("%d passed, %d failed" % (total_passed, total_failed))
    sys.exit(1 if total_failed else 0)


if __name__ == "__main__":
    main()
