#!/usr/bin/env bash
# Runs a file of command lines through walkthrough's emulation against a fresh fake cloud,
# records the cloud's REST answers, replays the same commands through the real
# python-openstackclient against those answers, and compares what the two print (standard
# output, then standard error, command by command).
#
#   [CLOUD=cloud.yaml] Scripts/osc-replay/compare-session.sh COMMANDS.txt [REAL-OUTPUT.txt]
#
# The SDK quotes the URL of a failed request; the replay's loopback endpoints are written as the
# emulated cloud's (http://devstack/compute/v2.1, /networking/v2.0, /image/v2/images, /volume/v3/PROJECT) before
# comparing.
# With a second argument the real client's output is also written there (the golden the
# session tests compare with). Needs Scripts/osc-replay/setup-venv.sh to have run.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
commands=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swift build --package-path "$root" --product walkthrough >/dev/null
# CLOUD=FILE runs the session against a cloud file instead of the default cloud.
"$root/.build/debug/walkthrough" run ${CLOUD:+--cloud "$CLOUD"} --record "$work/responses.json" < "$commands" > "$work/ours.txt" 2>&1 || true
# Each command's standard output, then its standard error, as `walkthrough run` prints them. Only
# `openstack` lines go to the real client: the session's own lines (`source openrc`, `export`)
# print nothing, and the recorded answers already reflect who was signed in.
grep '^openstack ' "$commands" > "$work/openstack-commands.txt"
"$root/.venv-osc/bin/python" "$root/Scripts/osc-replay/replay.py" --responses "$work/responses.json" \
  --commands "$work/openstack-commands.txt" > "$work/real.jsonl" 2> "$work/replay.log" || true
"$root/.venv-osc/bin/python" -c '
import json, sys
for line in open(sys.argv[1]):
    run = json.loads(line)
    sys.stdout.write(run["stdout"] + run["stderr"])
' "$work/real.jsonl" | sed -E -e 's#http://127\.0\.0\.1:[0-9]+/v2\.1#http://devstack/compute/v2.1#g' \
  -e 's#http://127\.0\.0\.1:[0-9]+/v2\.0/#http://devstack/networking/v2.0/#g' \
  -e 's#http://127\.0\.0\.1:[0-9]+/v2/images#http://devstack/image/v2/images#g' \
  -e 's#http://127\.0\.0\.1:[0-9]+/v3/([0-9a-f]{32})#http://devstack/volume/v3/\1#g' \
  -e 's#http://127\.0\.0\.1:[0-9]+/v3/#http://devstack/identity/v3/#g' > "$work/real.txt"
if [ $# -ge 2 ]; then cp "$work/real.txt" "$2"; fi
if diff -u "$work/real.txt" "$work/ours.txt"; then
  echo "same output: $(grep -c '' "$commands") commands"
else
  grep -B1 UNMATCHED "$work/replay.log" || true
  exit 1
fi
