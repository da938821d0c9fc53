#!/usr/bin/env python3
"""Run the real `openstack` CLI against canned HTTP responses.

osc-replay starts a small HTTP server on 127.0.0.1 for each OpenStack service
(identity, compute, image, network, shared-file-system, block-storage), points the real
python-openstackclient at it through a throw-away clouds.yaml, runs one or more
`openstack ...` command lines and reports exactly what the client printed.

Usage:
  replay.py --responses R.json [options] -- openstack ARGS...
  replay.py --responses R.json [options] --commands FILE

See README.md next to this file for the RESPONSES.json format.
Standard library only; run it with the virtualenv's python (.venv-osc/bin/python).
"""

import argparse
import copy
import http.server
import json
import os
import shlex
import subprocess
import sys
import tempfile
import threading
import urllib.parse
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(os.path.dirname(HERE))
DEFAULT_VENV = os.path.join(REPO_ROOT, ".venv-osc")

# Exit status for failures of the tool itself (bad arguments, missing venv...).
TOOL_ERROR = 3

# The services the tool serves, in the order the ports are opened.
#   name: used in logs and as the optional "service" key of a RESPONSES entry
#   override: the clouds.yaml key that points the client at the service
#   version_path: appended to the server root in the endpoint override
SERVICES = [
    {"name": "identity", "override": "identity_endpoint_override", "version_path": "/v3"},
    {"name": "compute", "override": "compute_endpoint_override", "version_path": "/v2.1"},
    {"name": "image", "override": "image_endpoint_override", "version_path": ""},
    {"name": "network", "override": "network_endpoint_override", "version_path": ""},
    {"name": "share", "override": "shared_file_system_endpoint_override", "version_path": "/v2"},
    # Cinder's endpoint names the project (devstack's `/volume/v3/$(project_id)s`): the path
    # takes the project of the recorded requests (see `volume_project`).
    {"name": "volume", "override": "block_storage_endpoint_override", "version_path": "/v3/{project}"},
]
# Anything the client asks for outside those services (a service with no
# override falls back to auth.endpoint) lands on this server and gets a 404.
FALLBACK_SERVICE = "other"

# Microversion ranges advertised by the default discovery documents.
COMPUTE_MIN, COMPUTE_MAX = "2.1", "2.104"
SHARE_MIN, SHARE_MAX = "2.0", "2.99"
VOLUME_MIN, VOLUME_MAX = "3.0", "3.71"
IDENTITY_VERSION = "v3.14"
IMAGE_VERSIONS = ["2.17", "2.16", "2.15", "2.14", "2.13", "2.12", "2.11", "2.10",
                  "2.9", "2.8", "2.7", "2.6", "2.5", "2.4", "2.3", "2.2", "2.1", "2.0"]

# Request headers worth logging.
LOGGED_HEADERS = ("openstack-api-version", "x-openstack-nova-api-version",
                  "x-openstack-manila-api-version", "x-auth-token",
                  "x-openstack-request-id")

# Legacy microversion header per service, echoed back when the canned
# response does not set one.
LEGACY_VERSION_HEADER = {
    "compute": "X-OpenStack-Nova-API-Version",
    "share": "X-OpenStack-Manila-API-Version",
}


# --------------------------------------------------------------------------
# Default discovery documents

def _describedby():
    return {"rel": "describedby", "type": "text/html", "href": "https://docs.openstack.org/"}


def identity_version(base):
    return {
        "id": IDENTITY_VERSION,
        "status": "stable",
        "updated": "2020-04-07T00:00:00Z",
        "links": [{"rel": "self", "href": base + "/v3/"}],
        "media-types": [{"base": "application/json",
                         "type": "application/vnd.openstack.identity-v3+json"}],
    }


def compute_versions(base):
    return [
        {"id": "v2.0", "status": "SUPPORTED", "version": "", "min_version": "",
         "updated": "2011-01-21T11:33:21Z",
         "links": [{"rel": "self", "href": base + "/v2/"}]},
        {"id": "v2.1", "status": "CURRENT", "version": COMPUTE_MAX,
         "min_version": COMPUTE_MIN, "updated": "2013-07-23T11:33:21Z",
         "links": [{"rel": "self", "href": base + "/v2.1/"}]},
    ]


def compute_version_v21(base):
    doc = dict(compute_versions(base)[1])
    doc["links"] = doc["links"] + [_describedby()]
    doc["media-types"] = [{"base": "application/json",
                           "type": "application/vnd.openstack.compute+json;version=2.1"}]
    return doc


def share_versions(base):
    media = [{"base": "application/json",
              "type": "application/vnd.openstack.share+json;version=1"}]
    return [
        {"id": "v1.0", "status": "DEPRECATED", "version": "", "min_version": "",
         "updated": "2015-08-27T11:33:21Z", "media-types": media,
         "links": [_describedby(), {"rel": "self", "href": base + "/v1/"}]},
        {"id": "v2.0", "status": "CURRENT", "version": SHARE_MAX,
         "min_version": SHARE_MIN, "updated": "2015-08-27T11:33:21Z",
         "media-types": media,
         "links": [_describedby(), {"rel": "self", "href": base + "/v2/"}]},
    ]


def volume_versions(base):
    return [{"id": "v3.0", "status": "CURRENT", "version": VOLUME_MAX, "min_version": VOLUME_MIN,
             "updated": "2023-08-31T00:00:00Z",
             "links": [_describedby(), {"rel": "self", "href": base + "/v3/"}],
             "media-types": [{"base": "application/json",
                              "type": "application/vnd.openstack.volume+json;version=3"}]}]


def image_versions(base):
    out = []
    for i, v in enumerate(IMAGE_VERSIONS):
        out.append({"id": "v" + v, "status": "CURRENT" if i == 0 else "SUPPORTED",
                    "links": [{"rel": "self", "href": base + "/v2/"}]})
    return out


def network_versions(base):
    return [{"id": "v2.0", "status": "CURRENT",
             "links": [{"rel": "self", "href": base + "/v2.0/"}]}]


NETWORK_RESOURCES = [("network", "networks"), ("subnet", "subnets"),
                     ("subnetpool", "subnetpools"), ("port", "ports"),
                     ("router", "routers"), ("floatingip", "floatingips"),
                     ("security_group", "security-groups"),
                     ("security_group_rule", "security-group-rules"),
                     ("address_scope", "address-scopes")]


def network_resources(base):
    return {"resources": [
        {"name": name, "collection": coll,
         "links": [{"rel": "self", "href": base + "/v2.0/" + coll}]}
        for name, coll in NETWORK_RESOURCES]}


def default_entries(service, base):
    """Built-in responses for one service, tried after the user's entries."""
    if service == "identity":
        ver = identity_version(base)
        return [
            {"method": "GET", "path": "/", "status": 300,
             "body": {"versions": {"values": [ver]}}},
            {"method": "GET", "path": "/v3", "status": 200, "body": {"version": ver}},
        ]
    if service == "compute":
        return [
            {"method": "GET", "path": "/", "status": 200,
             "body": {"versions": compute_versions(base)}},
            {"method": "GET", "path": "/v2.1", "status": 200,
             "body": {"version": compute_version_v21(base)}},
        ]
    if service == "share":
        versions = share_versions(base)
        return [
            {"method": "GET", "path": "/", "status": 300, "body": {"versions": versions}},
            {"method": "GET", "path": "/v2", "status": 200, "body": {"versions": [versions[1]]}},
        ]
    if service == "volume":
        versions = volume_versions(base)
        return [
            {"method": "GET", "path": "/", "status": 300, "body": {"versions": versions}},
            {"method": "GET", "path": "/v3", "status": 200, "body": {"versions": versions}},
        ]
    if service == "image":
        versions = image_versions(base)
        return [
            {"method": "GET", "path": "/", "status": 300, "body": {"versions": versions}},
            {"method": "GET", "path": "/versions", "status": 200, "body": {"versions": versions}},
        ]
    if service == "network":
        return [
            {"method": "GET", "path": "/", "status": 200,
             "body": {"versions": network_versions(base)}},
            {"method": "GET", "path": "/v2.0", "status": 200, "body": network_resources(base)},
        ]
    return []


# --------------------------------------------------------------------------
# Canned responses

def norm_path(path):
    """Paths match with or without a trailing slash."""
    if len(path) > 1 and path.endswith("/"):
        return path.rstrip("/") or "/"
    return path


def norm_query(query):
    """A query given in RESPONSES.json as {key: str | [str, ...]}."""
    out = {}
    for k, v in query.items():
        vals = v if isinstance(v, list) else [v]
        out[k] = [json.dumps(x) if isinstance(x, bool) else str(x) for x in vals]
    return out


class Entry:
    def __init__(self, raw, origin):
        if not isinstance(raw, dict) or "path" not in raw:
            raise ValueError(f"{origin}: each entry needs at least a \"path\"")
        unknown = set(raw) - {"method", "path", "query", "status", "headers", "body",
                              "service", "once", "comment"}
        if unknown:
            raise ValueError(f"{origin}: unknown keys {sorted(unknown)}")
        self.origin = origin
        self.method = str(raw.get("method", "GET")).upper()
        parsed = urllib.parse.urlsplit(raw["path"])
        self.path = norm_path(parsed.path)
        query = raw.get("query")
        if query is None and parsed.query:
            query = urllib.parse.parse_qs(parsed.query, keep_blank_values=True)
        self.query = None if query is None else norm_query(query)
        self.status = int(raw.get("status", 200))
        self.headers = dict(raw.get("headers") or {})
        self.body = raw.get("body")
        self.service = raw.get("service")
        self.once = bool(raw.get("once", False))
        self.used = 0

    def matches(self, service, method, path, query):
        if self.once and self.used:
            return False
        if self.service is not None and self.service != service:
            return False
        if self.method != method or self.path != path:
            return False
        return self.query is None or self.query == query


def load_entries(paths):
    entries = []
    for p in paths:
        with open(p, encoding="utf-8") as f:
            data = json.load(f)
        if isinstance(data, dict) and "responses" in data:
            data = data["responses"]
        if not isinstance(data, list):
            raise ValueError(f"{p}: expected a JSON list of entries")
        for i, raw in enumerate(data):
            entries.append(Entry(raw, f"{os.path.basename(p)}[{i}]"))
    return entries


# --------------------------------------------------------------------------
# HTTP server

class Replay:
    """State shared by all the service servers."""

    def __init__(self, entries, log):
        self.entries = entries
        self.log = log
        self.lock = threading.Lock()
        self.unmatched = []
        self.servers = {}
        self.bases = {}
        self.defaults = {}

    def write_log(self, line):
        with self.lock:
            self.log.write(line + "\n")
            self.log.flush()

    def start(self):
        for svc in [s["name"] for s in SERVICES] + [FALLBACK_SERVICE]:
            handler = type(f"Handler_{svc}", (Handler,), {"replay": self, "service": svc})
            server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
            server.daemon_threads = True
            base = f"http://127.0.0.1:{server.server_address[1]}"
            self.servers[svc] = server
            self.bases[svc] = base
            self.defaults[svc] = [Entry(e, f"default:{svc}") for e in default_entries(svc, base)]
            threading.Thread(target=server.serve_forever, daemon=True).start()

    def stop(self):
        for server in self.servers.values():
            server.shutdown()
            server.server_close()

    def find(self, service, method, path, query):
        with self.lock:
            for e in self.entries:
                if e.matches(service, method, path, query):
                    e.used += 1
                    return e
            for e in self.defaults[service]:
                if e.matches(service, method, path, query):
                    e.used += 1
                    return e
        return None


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "osc-replay"
    sys_version = ""
    replay = None  # set per service by Replay.start
    service = None

    def log_message(self, fmt, *args):  # silence the default access log
        pass

    def _handle(self):
        length = int(self.headers.get("Content-Length") or 0)
        req_body = self.rfile.read(length) if length else b""
        split = urllib.parse.urlsplit(self.path)
        path = norm_path(split.path or "/")
        query = urllib.parse.parse_qs(split.query, keep_blank_values=True)
        method = self.command.upper()

        entry = self.replay.find(self.service, method, path, query)
        if entry is None and self.service == FALLBACK_SERVICE and not path.startswith("/v3"):
            # keystoneclient (osc-lib's find_resource on the identity client, as manilaclient's
            # commands use it) reaches Keystone at auth.endpoint without discovering /v3.
            entry = self.replay.find("identity", method, "/v3" + path, query)
        if entry is None:
            status = 404
            target = path + ("?" + split.query if split.query else "")
            message = (f"osc-replay: no canned response for {method} {target} "
                       f"(service {self.service})")
            body = {"itemNotFound": {"code": 404, "message": message},
                    "request": {"service": self.service, "method": method,
                                "path": path, "query": query}}
            headers = {}
            origin = "UNMATCHED"
            self.replay.unmatched.append(f"{self.service} {method} {target}")
        else:
            status, body, headers, origin = entry.status, entry.body, entry.headers, entry.origin

        out_headers = {}
        lower = {k.lower() for k in headers}
        if "x-openstack-request-id" not in lower:
            out_headers["X-Openstack-Request-Id"] = "req-" + str(uuid.uuid4())
            if self.service == "compute" and "x-compute-request-id" not in lower:
                out_headers["X-Compute-Request-Id"] = out_headers["X-Openstack-Request-Id"]
        mv = self.headers.get("OpenStack-API-Version")
        if mv and "openstack-api-version" not in lower:
            out_headers["OpenStack-API-Version"] = mv
            legacy = LEGACY_VERSION_HEADER.get(self.service)
            if legacy and legacy.lower() not in lower:
                out_headers[legacy] = mv.split()[-1]
            out_headers["Vary"] = "OpenStack-API-Version"
        if body is None:
            payload = b""
        else:
            text = json.dumps(body)
            if self.service == "volume":
                # Cinder's next-page links point at the cloud that recorded them; the client
                # follows them here.
                text = text.replace("http://devstack/volume/", self.replay.bases["volume"] + "/")
            if self.service == "compute":
                # So do Nova's (`keypairs_links`).
                text = text.replace("http://devstack/compute/", self.replay.bases["compute"] + "/")
            payload = text.encode("utf-8")
            if "content-type" not in lower:
                out_headers["Content-Type"] = "application/json"
        out_headers.update(headers)

        self._log(method, split, status, origin, req_body)
        self.send_response(status)
        for k, v in out_headers.items():
            if k.lower() != "content-length":
                self.send_header(k, str(v))
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if method != "HEAD":
            self.wfile.write(payload)

    def _log(self, method, split, status, origin, req_body):
        target = split.path + ("?" + split.query if split.query else "")
        shown = [f"{k}: {v}" for k, v in self.headers.items() if k.lower() in LOGGED_HEADERS]
        line = f"{status} {self.service:<8} {method} {target}  [{origin}]"
        if shown:
            line += "  " + " ; ".join(shown)
        if req_body:
            line += "\n    body: " + req_body.decode("utf-8", "replace")
        self.replay.write_log(line)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = _handle


# --------------------------------------------------------------------------
# The client side

# Loaded into the client's Python (via PYTHONPATH) so that it can only open
# connections to loopback addresses, whatever URLs the canned bodies contain.
NETWORK_GUARD = r'''
import ipaddress as _ip
import socket as _socket

def _osc_replay_loopback(host):
    if host is None:
        return True
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    host = str(host).strip("[]").split("%")[0]
    if host.lower() in ("localhost", "localhost.localdomain", "ip6-localhost"):
        return True
    try:
        return _ip.ip_address(host).is_loopback
    except ValueError:
        return False

_orig_getaddrinfo = _socket.getaddrinfo
def _guarded_getaddrinfo(host, *args, **kwargs):
    if not _osc_replay_loopback(host):
        raise _socket.gaierror(_socket.EAI_NONAME,
                               "osc-replay blocked a non-loopback host: %r" % (host,))
    return _orig_getaddrinfo(host, *args, **kwargs)
_socket.getaddrinfo = _guarded_getaddrinfo

def _check(sock, address):
    if sock.family in (_socket.AF_INET, _socket.AF_INET6):
        if not _osc_replay_loopback(address[0]):
            raise ConnectionRefusedError(
                "osc-replay blocked a connection to %r" % (address,))

_orig_connect = _socket.socket.connect
_orig_connect_ex = _socket.socket.connect_ex
def _guarded_connect(self, address):
    _check(self, address)
    return _orig_connect(self, address)
def _guarded_connect_ex(self, address):
    _check(self, address)
    return _orig_connect_ex(self, address)
_socket.socket.connect = _guarded_connect
_socket.socket.connect_ex = _guarded_connect_ex

# The replay signs in with `auth_type: none`, which knows no user: the commands that ask the
# plugin for the signed-in user's ID (`application credential ...`) get the one the recorded
# requests name (see `signed_in_user`).
import os as _os
if _os.environ.get("OSC_REPLAY_USER_ID"):
    from keystoneauth1 import noauth as _noauth
    _noauth.NoAuth.get_user_id = lambda self, session: _os.environ["OSC_REPLAY_USER_ID"]
'''

CLOUD_NAME = "osc-replay"


def volume_project(entries):
    """The project of the next recorded volume request not answered yet (`/v3/{project}/...`),
    else `project`: each command signs in as a user of its own, and Cinder's paths name the
    user's project."""
    for e in entries:
        parts = e.path.split("/")
        if e.service == "volume" and not e.used and len(parts) > 2 and parts[1] == "v3" and parts[2]:
            return parts[2]
    return "project"


def signed_in_user(entries, client_args):
    """For an `application credential` command, the user of the next recorded request under
    `/v3/users/{user}/application_credentials` not answered yet: the user the emulation signed
    in as, whose ID the command asks the auth plugin for."""
    if client_args[:2] != ["application", "credential"]:
        return None
    for e in entries:
        parts = e.path.split("/")
        if e.service == "identity" and not e.used and len(parts) > 4 and parts[1:3] == ["v3", "users"] \
                and parts[4] == "application_credentials":
            return parts[3]
    return None


def clouds_yaml(bases, project="project"):
    lines = ["clouds:", f"  {CLOUD_NAME}:", "    auth_type: none", "    auth:",
             f"      endpoint: {bases[FALLBACK_SERVICE]}/",
             "    region_name: RegionOne",
             "    interface: public",
             "    identity_api_version: '3'"]
    for svc in SERVICES:
        path = svc["version_path"].format(project=project) or "/"
        lines.append(f"    {svc['override']}: {bases[svc['name']]}{path}")
    return "\n".join(lines) + "\n"


def client_env(tmp, width, extra):
    env = {}
    for k, v in os.environ.items():
        ku = k.upper()
        if ku.startswith(("OS_", "CLIFF_", "PYTHON")) or ku.endswith("_PROXY") \
                or ku in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"):
            continue
        env[k] = v
    env.update({
        "HOME": tmp,
        "XDG_CONFIG_HOME": os.path.join(tmp, ".config"),
        "XDG_CACHE_HOME": os.path.join(tmp, ".cache"),
        "OS_CLIENT_CONFIG_FILE": os.path.join(tmp, "clouds.yaml"),
        "OS_CLOUD": CLOUD_NAME,
        "PYTHONPATH": os.path.join(tmp, "guard"),
        "PYTHONUTF8": "1",
        "NO_PROXY": "*",
        "no_proxy": "*",
    })
    if width is not None:
        env["CLIFF_MAX_TERM_WIDTH"] = str(width)
    env.update(extra)
    return env


def parse_command_lines(path):
    commands, pending = [], ""
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.rstrip("\n")
            if line.endswith("\\"):
                pending += line[:-1] + " "
                continue
            line = pending + line
            pending = ""
            argv = shlex.split(line, comments=True)
            if argv:
                commands.append(argv)
    if pending.strip():
        commands.append(shlex.split(pending, comments=True))
    return commands


def main(argv):
    if "--" in argv:
        i = argv.index("--")
        own, command = argv[:i], argv[i + 1:]
    else:
        own, command = argv, []

    ap = argparse.ArgumentParser(
        prog="replay.py",
        description="Run the real openstack CLI against canned HTTP responses.",
        epilog="Put the command after `--`, e.g.: replay.py --responses r.json -- openstack share list")
    ap.add_argument("--responses", action="append", default=[], metavar="FILE",
                    help="JSON list of canned responses (may be repeated; earlier files win)")
    ap.add_argument("--commands", metavar="FILE",
                    help="file with one `openstack ...` command line per line, run in order")
    ap.add_argument("--width", type=int, metavar="N",
                    help="table width, passed to cliff as CLIFF_MAX_TERM_WIDTH")
    ap.add_argument("--env", action="append", default=[], metavar="K=V",
                    help="extra environment variable for the client (may be repeated)")
    ap.add_argument("--log", metavar="FILE", help="write the request log here (default: stderr)")
    ap.add_argument("--raw", action="store_true",
                    help="print the client's stdout and stderr as they are, instead of JSON")
    ap.add_argument("--strict", action="store_true",
                    help="exit 4 if any request had no canned response")
    ap.add_argument("--timeout", type=float, default=120, help="seconds per command (default 120)")
    ap.add_argument("--venv", default=DEFAULT_VENV, help=f"virtualenv to use (default {DEFAULT_VENV})")
    ap.add_argument("--print-clouds-yaml", action="store_true",
                    help="also log the generated clouds.yaml")
    args = ap.parse_args(own)

    if bool(command) == bool(args.commands):
        ap.error("give exactly one of `-- openstack ARGS...` or --commands FILE")
    commands = [command] if command else parse_command_lines(args.commands)
    openstack = os.path.join(args.venv, "bin", "openstack")
    if not os.access(openstack, os.X_OK):
        print(f"replay.py: {openstack} not found; run Scripts/osc-replay/setup-venv.sh",
              file=sys.stderr)
        return TOOL_ERROR
    extra_env = {}
    for kv in args.env:
        if "=" not in kv:
            ap.error(f"--env expects K=V, got {kv!r}")
        k, v = kv.split("=", 1)
        extra_env[k] = v

    try:
        entries = load_entries(args.responses)
    except (OSError, ValueError) as exc:
        print(f"replay.py: {exc}", file=sys.stderr)
        return TOOL_ERROR

    log = open(args.log, "w", encoding="utf-8") if args.log else sys.stderr
    replay = Replay(entries, log)
    replay.start()
    results = []
    try:
        with tempfile.TemporaryDirectory(prefix="osc-replay-") as tmp:
            os.makedirs(os.path.join(tmp, "guard"))
            with open(os.path.join(tmp, "guard", "sitecustomize.py"), "w") as f:
                f.write(NETWORK_GUARD)
            yaml_text = clouds_yaml(replay.bases, volume_project(entries))
            with open(os.path.join(tmp, "clouds.yaml"), "w") as f:
                f.write(yaml_text)
            if args.print_clouds_yaml:
                replay.write_log("# clouds.yaml\n" + yaml_text.rstrip())
            env = client_env(tmp, args.width, extra_env)
            for cmd in commands:
                if not cmd:
                    continue
                client_args = cmd[1:] if os.path.basename(cmd[0]) == "openstack" else cmd
                shown = "openstack " + shlex.join(client_args)
                with open(os.path.join(tmp, "clouds.yaml"), "w") as f:
                    f.write(clouds_yaml(replay.bases, volume_project(entries)))
                replay.write_log("# " + shown)
                try:
                    # A page's `image create` runs at a terminal, where the client reads no
                    # image data from stdin: it gets a pseudo-terminal.
                    terminal = os.openpty() if client_args[:2] == ["image", "create"] else None
                    user = signed_in_user(entries, client_args)
                    try:
                        proc = subprocess.run([openstack] + client_args,
                                              env=dict(env, OSC_REPLAY_USER_ID=user) if user else env, cwd=tmp,
                                              stdin=terminal[1] if terminal else subprocess.DEVNULL,
                                              capture_output=True, timeout=args.timeout)
                    finally:
                        for fd in terminal or ():
                            os.close(fd)
                    out = proc.stdout.decode("utf-8", "replace")
                    err = proc.stderr.decode("utf-8", "replace")
                    code = proc.returncode
                except subprocess.TimeoutExpired as exc:
                    out = (exc.stdout or b"").decode("utf-8", "replace")
                    err = (exc.stderr or b"").decode("utf-8", "replace") + \
                        f"\nosc-replay: timed out after {args.timeout}s\n"
                    code = -9
                result = {"argv": ["openstack"] + client_args, "stdout": out,
                          "stderr": err, "exit_code": code}
                results.append(result)
                if args.raw:
                    sys.stdout.write(out)
                    sys.stdout.flush()
                    sys.stderr.write(err)
                    sys.stderr.flush()
                else:
                    print(json.dumps(result, ensure_ascii=False), flush=True)
    finally:
        replay.stop()
        unused = [e.origin for e in entries if not e.used]
        if unused:
            replay.write_log("# unused entries: " + ", ".join(unused))
        if replay.unmatched:
            replay.write_log(f"# {len(replay.unmatched)} unmatched request(s)")
        if log is not sys.stderr:
            log.close()

    if args.strict and replay.unmatched:
        return 4
    if args.raw and results:
        return results[-1]["exit_code"] if results[-1]["exit_code"] >= 0 else 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
