#!/bin/bash
# walkthrough update racing an editor. Each run copies a page whose output drifts into a temporary
# directory and starts `walkthrough update` on it while another process saves the page as editors
# do (the page read, a line added, a new file written and renamed over the page) at a random moment
# within the update's running time. Whatever the order, the editor's line must be on the page
# afterwards. Prints how many runs lost the edit, and how update ended.
#
# Usage: Scripts/update-race.sh [RUNS]   (default 1000; from the project root after a release build)
#   BIN   the walkthrough binary (default .build/release/walkthrough)
#   PAGE  the page to race on (default: the troubleshooting fixture, whose output drifts)
set -u
BIN=${BIN:-.build/release/walkthrough}
RUNS=${1:-1000}
PAGE=${PAGE:-Tests/DocumentsTests/Fixtures/manila-troubleshooting.rst}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/update-race.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# The saves are spread over one and a half times an update's running time.
start=$(date +%s%N)
"$BIN" update --dry-run "$PAGE" >/dev/null 2>&1
span=$((($(date +%s%N) - start) / 1000 * 3 / 2))

lost=0 rewrote=0 changed=0 failed=0
for run in $(seq 1 "$RUNS"); do
  cp "$PAGE" "$WORK/page.rst"
  delay=$(((RANDOM << 15 | RANDOM) % span))
  (
    sleep "$(printf '%d.%06d' $((delay / 1000000)) $((delay % 1000000)))"
    { cat "$WORK/page.rst"; echo "EDIT $run"; } >"$WORK/.page.rst.swp" && mv "$WORK/.page.rst.swp" "$WORK/page.rst"
  ) &
  editor=$!
  "$BIN" update "$WORK/page.rst" >"$WORK/output" 2>&1
  status=$?
  wait "$editor"
  if ! grep -qx "EDIT $run" "$WORK/page.rst"; then
    lost=$((lost + 1))
    echo "run $run: edit lost (update exit $status, save after ${delay} µs)"
  fi
  case $status in
  0) rewrote=$((rewrote + 1)) ;;
  2) if grep -q "changed" "$WORK/output"; then changed=$((changed + 1)); else failed=$((failed + 1)); cat "$WORK/output"; fi ;;
  *) failed=$((failed + 1)); cat "$WORK/output" ;;
  esac
done
echo "runs: $RUNS, saves spread over ${span} µs; edits lost: $lost"
echo "update rewrote the page: $rewrote, found it changed (exit 2): $changed, other failures: $failed"
[ "$lost" -eq 0 ] && [ "$failed" -eq 0 ]
