#!/usr/bin/env bash
# Creates <repo>/.venv-osc with the real OpenStack CLI pinned to the versions
# the golden outputs are made with. Safe to run again: it only installs when
# the pinned versions are not already present.
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$script_dir/../.." && pwd)"
venv="$repo_root/.venv-osc"
python_bin="${PYTHON:-python3}"

pins=(python-openstackclient==10.5.0 python-manilaclient==6.3.0)

if [ ! -x "$venv/bin/python" ]; then
  echo "creating $venv" >&2
  "$python_bin" -m venv "$venv"
fi

installed() {
  "$venv/bin/python" - "$@" <<'PY'
import sys
from importlib.metadata import version, PackageNotFoundError
ok = True
for pin in sys.argv[1:]:
    name, want = pin.split("==")
    try:
        have = version(name)
    except PackageNotFoundError:
        have = None
    if have != want:
        ok = False
sys.exit(0 if ok else 1)
PY
}

if installed "${pins[@]}"; then
  echo "pinned packages already installed in $venv" >&2
else
  echo "installing ${pins[*]} into $venv" >&2
  "$venv/bin/python" -m pip install --quiet "${pins[@]}" >&2
  installed "${pins[@]}" || { echo "pinned versions not installed" >&2; exit 1; }
fi

"$venv/bin/python" - <<'PY'
from importlib.metadata import version, PackageNotFoundError
for name in ("python-openstackclient", "python-manilaclient", "osc-lib",
             "cliff", "openstacksdk", "prettytable", "keystoneauth1"):
    try:
        print(f"{name}=={version(name)}")
    except PackageNotFoundError:
        print(f"{name}: not installed")
PY
