"""The production systemd units (systemd/) are valid, hardened, and agree with the real binaries.

How `systemd-analyze verify` is made meaningful without faking anything: it refuses units whose
Exec*= programs do not exist, and /usr/bin/lcarsd is not installed on a build machine. So the test
verifies *copies* of the three units, with identical file names (the socket/service pairing and
Requires= depend on them), in which only the /usr/bin/lcarsd and /usr/bin/lcars-fcgi paths are
rewritten to the real binaries just built. Every other line is verified exactly as shipped.
(`--root=DIR` was tried instead: it then also needs the host's whole unit tree — sysinit.target,
/bin/kill... — copied into DIR, which tests the copy more than our units.)
"""

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
UNIT_DIR = REPO / "systemd"
UNITS = ["lcarsd.service", "lcars-fcgi.service", "lcars-fcgi.socket"]
SERVICES = ["lcarsd.service", "lcars-fcgi.service"]
INSTALLED = {"/usr/bin/lcarsd": "lcarsd", "/usr/bin/lcars-fcgi": "lcars-fcgi"}


@pytest.fixture(scope="module")
def analyze():
    path = shutil.which("systemd-analyze")
    if path is None:
        pytest.fail("systemd-analyze is not installed: `apt-get install systemd` "
                    "(scripts/install-deps.sh test does this)")
    return path


@pytest.fixture(scope="module")
def bin_dir():
    env = os.environ.get("LCARS_BIN_DIR")
    if env:
        path = Path(env)
    else:
        out = subprocess.run(["swift", "build", "--show-bin-path"], cwd=REPO,
                             capture_output=True, text=True, timeout=300, check=True)
        path = Path(out.stdout.strip())
    for name in INSTALLED.values():
        if not os.access(path / name, os.X_OK):
            pytest.fail(f"{path / name} is missing: run `swift build` first (or set LCARS_BIN_DIR)")
    return path


def parse_unit(path):
    """{section: [(key, value), ...]}; a list because keys such as Environment= repeat."""
    sections, current = {}, None
    for raw in path.read_text().splitlines():
        line = raw.strip()
        if not line or line[0] in "#;":
            continue
        if line.startswith("["):
            current = sections.setdefault(line.strip("[]"), [])
            continue
        key, _, value = line.partition("=")
        current.append((key.strip(), value.strip()))
    return sections


def values(unit, section, key):
    return [v for k, v in unit.get(section, []) if k == key]


def one(unit, section, key):
    found = values(unit, section, key)
    assert len(found) == 1, f"[{section}] {key}= should be set exactly once, found {found}"
    return found[0]


def words(unit, section, key):
    return {w for v in values(unit, section, key) for w in v.split()}


def lcars_environment(unit):
    return dict(v.split("=", 1) for v in values(unit, "Service", "Environment") if v.startswith("LCARS_"))


@pytest.fixture(scope="module")
def units():
    return {name: parse_unit(UNIT_DIR / name) for name in UNITS}


def staged_units(directory, bin_dir, edit=None):
    """Copies of the units with only the installed binary paths pointed at the built ones."""
    paths = []
    for name in UNITS:
        text = (UNIT_DIR / name).read_text()
        for installed, binary in INSTALLED.items():
            text = re.sub(re.escape(installed) + r"(?=\s|$)", str(bin_dir / binary), text)
        if edit:
            text = edit(name, text)
        (directory / name).write_text(text)
        paths.append(str(directory / name))
    return paths


def verify(analyze, paths, cwd):
    return subprocess.run([analyze, "verify", *paths], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


def lines_about_us(stderr, directory):
    """verify also loads the host's units (network-online.target, sockets.target, ...). A
    warning inside one of *those* files names that file's path and is the host's business; every
    other line is about our units (or says nothing we could attribute) and counts."""
    host_unit = re.compile(r"^(/usr/lib/systemd|/lib/systemd|/etc/systemd|/run/systemd)/\S+:")
    return [l for l in stderr.splitlines()
            if l.strip() and (str(directory) in l or not host_unit.match(l))]


def test_verify_passes_without_warnings(analyze, bin_dir, tmp_path):
    result = verify(analyze, staged_units(tmp_path, bin_dir), tmp_path)
    assert result.returncode == 0, result.stderr
    assert lines_about_us(result.stderr, tmp_path) == [], result.stderr


def test_verify_would_catch_a_typo(analyze, bin_dir, tmp_path):
    # verify exits 0 on an unknown key and only prints a warning: prove the check above sees it.
    broken = staged_units(tmp_path, bin_dir, lambda name, text: text.replace("ProtectHome=yes", "ProtectHom=yes"))
    result = verify(analyze, broken, tmp_path)
    assert any("ProtectHom" in l for l in lines_about_us(result.stderr, tmp_path)), result.stderr


def test_services_are_hardened(units):
    for name in SERVICES:
        unit = units[name]
        expected = {
            "User": "lcars", "Group": "lcars", "UMask": "0027",
            "StateDirectory": "lcars", "WorkingDirectory": "/var/lib/lcars",
            "NoNewPrivileges": "yes", "ProtectSystem": "strict", "ProtectHome": "yes",
            "PrivateTmp": "yes", "PrivateDevices": "yes", "ProtectKernelTunables": "yes",
            "ProtectKernelModules": "yes", "ProtectKernelLogs": "yes", "ProtectControlGroups": "yes",
            "LockPersonality": "yes", "RestrictRealtime": "yes", "RestrictSUIDSGID": "yes",
            "SystemCallArchitectures": "native",
            "KillMode": "mixed", "Restart": "on-failure",
        }
        for key, value in expected.items():
            assert one(unit, "Service", key) == value, f"{name}: {key}"
        assert values(unit, "Service", "DynamicUser") == [], f"{name}: data needs a stable owner"
        # The pool needs no capability; lcarsd only CAP_NET_RAW, to bind torrents to the VPN device.
        caps = "CAP_NET_RAW" if name == "lcarsd.service" else ""
        assert one(unit, "Service", "CapabilityBoundingSet") == caps, name
        assert values(unit, "Service", "AmbientCapabilities") == ([caps] if caps else []), name
        assert "/var/lib/lcars" in words(unit, "Service", "ReadWritePaths"), name
        env = lcars_environment(unit)
        assert env["LCARS_CONFIG"] == "/etc/lcars/config.toml", name
        assert env["LCARS_SERVER__DATA_DIR"] == "/var/lib/lcars", name
        assert env["LCARS_FCGI__SOCKET"] == "/run/lcars/fcgi.sock", name

    assert words(units["lcarsd.service"], "Service", "RestrictAddressFamilies") == \
        {"AF_UNIX", "AF_INET", "AF_INET6", "AF_NETLINK"}
    assert words(units["lcars-fcgi.service"], "Service", "RestrictAddressFamilies") == \
        {"AF_UNIX", "AF_INET", "AF_INET6"}
    # Both programs must see the same database and sockets.
    assert lcars_environment(units["lcarsd.service"]) == lcars_environment(units["lcars-fcgi.service"])


def test_pool_is_socket_activated_and_stops_gracefully(units):
    pool = units["lcars-fcgi.service"]
    assert "lcars-fcgi.socket" in words(pool, "Unit", "Requires")
    assert {"lcars-fcgi.socket", "lcarsd.service"} <= words(pool, "Unit", "After")
    assert one(pool, "Service", "ExecStart") == "/usr/bin/lcars-fcgi"
    assert one(pool, "Service", "ExecReload") == "/bin/kill -HUP $MAINPID"
    # The master gives workers fcgi.shutdown_grace_seconds (10 by default) before killing them.
    assert int(one(pool, "Service", "TimeoutStopSec").rstrip("s")) > 10

    daemon = units["lcarsd.service"]
    assert one(daemon, "Service", "ExecStartPre") == "/usr/bin/lcarsd migrate"
    assert one(daemon, "Service", "ExecStart") == "/usr/bin/lcarsd serve"
    assert one(daemon, "Service", "RuntimeDirectory") == "lcars"
    # Removing /run/lcars when lcarsd stops would delete the pool's socket under nginx.
    assert one(daemon, "Service", "RuntimeDirectoryPreserve") == "yes"

    socket = units["lcars-fcgi.socket"]
    assert one(socket, "Socket", "ListenStream") == "/run/lcars/fcgi.sock"
    assert one(socket, "Socket", "SocketUser") == "lcars"
    assert one(socket, "Socket", "SocketGroup") == "www-data"
    assert one(socket, "Socket", "SocketMode") == "0660"
    assert "sockets.target" in words(socket, "Install", "WantedBy")


def test_binaries_accept_the_units_environment(units, bin_dir, tmp_path):
    # Every LCARS_* variable must name a config key or the programs refuse to start (exit 2).
    # `lcarsd ping` loads the config with the unit's environment, then fails to reach the
    # (absent) /run/lcars/lcarsd.sock with exit 1, naming the socket path it was given.
    example = (REPO / "config.example.toml").read_text()
    config = tmp_path / "config.toml"
    config.write_text(example.replace("change-me-generate-a-secure-random-string", "x" * 40))
    env = lcars_environment(units["lcarsd.service"]) | {"LCARS_CONFIG": str(config), "PATH": os.environ["PATH"]}
    result = subprocess.run([str(bin_dir / "lcarsd"), "ping"], env=env, cwd=tmp_path,
                            capture_output=True, text=True, timeout=60)
    assert "config error" not in result.stderr, result.stderr
    assert result.returncode == 1 and env["LCARS_DAEMON__SOCKET"] in result.stderr, result.stderr


def test_security_exposure_is_low(analyze, bin_dir, tmp_path):
    # systemd's own scoring of the sandbox (0 = locked down, 10 = none); both score 1.7 now.
    paths = staged_units(tmp_path, bin_dir)
    for path in paths[:2]:
        result = subprocess.run([analyze, "security", "--offline=true", "--no-pager", path], cwd=tmp_path,
                                capture_output=True, text=True, timeout=120)
        match = re.search(r"Overall exposure level for \S+: ([\d.]+)", result.stdout + result.stderr)
        assert match, result.stdout + result.stderr
        assert float(match.group(1)) <= 2.5, result.stdout
