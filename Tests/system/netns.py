"""Network namespaces of a test's own, veth pairs between them, and packet captures.

Addresses live only inside the namespaces this module creates (10.231.x.y), never in the host's
namespace; names carry a per-run tag so parallel runs do not collide. Every namespace is deleted
(after killing what still runs inside it, which can only be what the test started there) when its
Topology closes, and at interpreter exit as a last resort.

    reason = netns.unavailable()          # None, or why namespaces cannot be made here
    if reason: pytest.skip(reason)
    with netns.vpn_topology() as topo:    # near (client) + far (peers), links "vpn" and "lan"
        topo.near.popen([...])            # run inside the near namespace
        topo.set_link("vpn", up=False)

This module uses only the standard library."""
from __future__ import annotations

import atexit
import os
import pathlib
import secrets
import shutil
import signal
import subprocess
import tempfile
import time

_created: set[str] = set()


def _ip(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    r = subprocess.run(["ip", *args], capture_output=True, text=True, timeout=30)
    if check and r.returncode != 0:
        raise RuntimeError(f"ip {' '.join(args)}: {r.stderr.strip() or r.returncode}")
    return r


def unavailable() -> str | None:
    """None when this process can create network namespaces with veth pairs (tried for real:
    namespace, veth pair, address, link up, delete); otherwise a one-line reason for the skip."""
    if shutil.which("ip") is None:
        return "network namespaces unavailable: the `ip` command (iproute2) is not installed"
    if os.geteuid() != 0:
        return f"network namespaces unavailable: needs root (CAP_SYS_ADMIN, CAP_NET_ADMIN); running as uid {os.geteuid()}"
    tag = secrets.token_hex(3)
    name = f"lcars-probe-{tag}"
    try:
        r = _ip("netns", "add", name, check=False)
        if r.returncode != 0:
            return f"network namespaces unavailable: `ip netns add` failed: {r.stderr.strip()}"
        steps = [
            ["-n", name, "link", "add", f"lpa{tag}", "type", "veth", "peer", "name", f"lpb{tag}"],
            ["-n", name, "addr", "add", "10.231.0.1/24", "dev", f"lpa{tag}"],
            ["-n", name, "link", "set", f"lpa{tag}", "up"],
        ]
        for step in steps:
            r = _ip(*step, check=False)
            if r.returncode != 0:
                return f"network namespaces unavailable: `ip {' '.join(step)}` failed: {r.stderr.strip()}"
        r = subprocess.run(["ip", "netns", "exec", name, "true"], capture_output=True, text=True, timeout=30)
        if r.returncode != 0:
            return f"network namespaces unavailable: `ip netns exec` failed: {r.stderr.strip()}"
        return None
    except (OSError, subprocess.SubprocessError) as e:
        return f"network namespaces unavailable: {e}"
    finally:
        _ip("netns", "del", name, check=False)


class Netns:
    """One network namespace (created with its loopback up)."""

    def __init__(self, name: str):
        self.name = name
        _ip("netns", "add", name)
        _created.add(name)
        self.ip("link", "set", "lo", "up")

    def argv(self, argv: list[str]) -> list[str]:
        """`argv` run inside this namespace."""
        return ["ip", "netns", "exec", self.name, *argv]

    def run(self, argv: list[str], **kw) -> subprocess.CompletedProcess:
        kw.setdefault("capture_output", True)
        kw.setdefault("text", True)
        kw.setdefault("timeout", 60)
        return subprocess.run(self.argv(argv), **kw)

    def popen(self, argv: list[str], **kw) -> subprocess.Popen:
        """Starts `argv` inside the namespace (`ip netns exec` execs it: the Popen's pid is the
        program's own)."""
        return subprocess.Popen(self.argv(argv), **kw)

    def ip(self, *args: str) -> str:
        return _ip("-n", self.name, *args).stdout

    def set_link(self, ifname: str, up: bool) -> None:
        self.ip("link", "set", ifname, "up" if up else "down")

    def link_up(self, ifname: str) -> bool:
        """Whether the link is administratively up (the UP flag)."""
        flags = self.ip("-o", "link", "show", ifname).split("<", 1)[1].split(">", 1)[0].split(",")
        return "UP" in flags

    def pids(self) -> list[int]:
        r = _ip("netns", "pids", self.name, check=False)
        return [int(p) for p in r.stdout.split()] if r.returncode == 0 else []

    def delete(self) -> None:
        """Kills whatever still runs inside (SIGTERM, then SIGKILL after 5 s), deletes the namespace
        (its veth ends go with it)."""
        if self.name not in _created:
            return
        for sig in (signal.SIGTERM, signal.SIGKILL):
            pids = self.pids()
            for pid in pids:
                try:
                    os.kill(pid, sig)
                except ProcessLookupError:
                    pass
            deadline = time.monotonic() + 5
            while pids and time.monotonic() < deadline:
                pids = [p for p in pids if _alive(p)]
                time.sleep(0.1)
            if not pids:
                break
        _ip("netns", "del", self.name, check=False)
        _created.discard(self.name)

    def __repr__(self):
        return f"Netns({self.name!r})"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie (our own child not yet reaped) counts as gone
        return pathlib.Path(f"/proc/{pid}/stat").read_text().split(") ")[-1][0] != "Z"
    except OSError:
        return False


class Veth:
    """A veth pair between two namespaces: `a_if` (address `a_addr`) in `a`, `b_if` in `b`."""

    def __init__(self, a: Netns, a_if: str, a_addr: str, b: Netns, b_if: str, b_addr: str, prefix: int = 24):
        self.a, self.a_if, self.a_addr = a, a_if, a_addr
        self.b, self.b_if, self.b_addr = b, b_if, b_addr
        _ip("link", "add", "name", a_if, "netns", a.name, "type", "veth", "peer", "name", b_if, "netns", b.name)
        a.ip("addr", "add", f"{a_addr}/{prefix}", "dev", a_if)
        b.ip("addr", "add", f"{b_addr}/{prefix}", "dev", b_if)
        a.set_link(a_if, True)
        b.set_link(b_if, True)


class Topology:
    """Two namespaces, `near` (the client: lcarsd) and `far` (the peers: tracker, seeder), and the
    veth links added with add_link(). Context manager; close() always deletes both namespaces."""

    def __init__(self, tag: str | None = None):
        self.tag = tag or secrets.token_hex(3)
        self.links: dict[str, Veth] = {}
        self.near = self.far = None
        try:
            self.near = Netns(f"lcars-{self.tag}-near")
            self.far = Netns(f"lcars-{self.tag}-far")
        except BaseException:
            self.close()
            raise

    def add_link(self, label: str, subnet: int, default_route: bool = False) -> Veth:
        """A veth pair labelled `label` (≤ 4 characters) on 10.231.`subnet`.0/24: near end
        .2 named `<label>n<tag>`, far end .1 named `<label>f<tag>`. `default_route`: the near
        namespace's default route goes through it."""
        v = Veth(self.near, f"{label}n{self.tag}", f"10.231.{subnet}.2",
                 self.far, f"{label}f{self.tag}", f"10.231.{subnet}.1")
        if default_route:
            self.near.ip("route", "add", "default", "via", v.b_addr)
        self.links[label] = v
        return v

    def set_link(self, label: str, up: bool) -> None:
        """Sets the NEAR end of link `label` down or up (what a VPN dropping looks like to the client)."""
        self.near.set_link(self.links[label].a_if, up)

    def close(self) -> None:
        for ns in (self.near, self.far):
            if ns is not None:
                ns.delete()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def vpn_topology(tag: str | None = None) -> Topology:
    """The kill-switch setup. near ⇄ far over two links:
      - "vpn": near `topo.vpn_if` 10.231.1.2  ⇄  far 10.231.1.1 (= `topo.service_addr`: run the
        tracker and seeder there); bind lcarsd to `topo.vpn_if`;
      - "lan": near `topo.lan_if` 10.231.2.2  ⇄  far 10.231.2.1, and near's DEFAULT ROUTE goes
        through it. So with "vpn" down, a leaking client still has a path to the service address
        (via the default route): capture on `topo.lan_if` (and "lo") in `topo.near` and count.
    Run lcarsd inside `topo.near` (topo.near.popen / .argv); its Unix sockets still work from the
    host namespace (they live in the filesystem)."""
    topo = Topology(tag)
    try:
        topo.add_link("vpn", 1)
        topo.add_link("lan", 2, default_route=True)
        # The far side answers for 10.231.1.1 whichever link a packet arrives on.
        topo.far.run(["sysctl", "-qw", "net.ipv4.conf.all.rp_filter=0"])
    except BaseException:
        topo.close()
        raise
    topo.vpn_if = topo.links["vpn"].a_if
    topo.lan_if = topo.links["lan"].a_if
    topo.service_addr = topo.links["vpn"].b_addr
    topo.vpn_addr = topo.links["vpn"].a_addr
    return topo


class Capture:
    """tcpdump on `interfaces` (one process and one pcap each, in `netns` or the host namespace),
    written to `directory` (a temporary one by default, removed by close()).

        cap = Capture(["lo", topo.lan_if], netns=topo.near).start()
        ...; cap.stop()
        leaks = cap.lines("(tcp or udp) and host 10.231.1.1")   # bare `host` also matches ARP
        assert leaks == [], leaks[:10]"""

    def __init__(self, interfaces: list[str], directory=None, netns: Netns | None = None, bpf: str = ""):
        self.interfaces = list(interfaces)
        self.netns = netns
        self.bpf = bpf
        self._own_dir = directory is None
        self.dir = pathlib.Path(directory or tempfile.mkdtemp(prefix="lcars-pcap-", dir="/tmp"))
        self.dir.mkdir(parents=True, exist_ok=True)
        self.procs: list[subprocess.Popen] = []
        self.pcaps: list[pathlib.Path] = []

    def start(self, timeout: float = 10.0) -> "Capture":
        for ifname in self.interfaces:
            pcap = self.dir / f"{ifname}.pcap"
            err = open(self.dir / f"{ifname}.err", "wb")
            # -Z root: Debian's tcpdump otherwise drops to user tcpdump before opening the file.
            argv = ["tcpdump", "-i", ifname, "-n", "-U", "-Z", "root", "-w", str(pcap)]
            if self.bpf:
                argv.append(self.bpf)
            if self.netns is not None:
                argv = self.netns.argv(argv)
            self.procs.append(subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=err))
            err.close()
            self.pcaps.append(pcap)
        deadline = time.monotonic() + timeout
        for ifname, proc in zip(self.interfaces, self.procs):
            err = self.dir / f"{ifname}.err"
            while "listening on" not in err.read_text(errors="replace"):
                if proc.poll() is not None or time.monotonic() > deadline:
                    msg = err.read_text(errors="replace").strip()
                    self.stop()
                    raise RuntimeError(f"tcpdump on {ifname} did not start: {msg}")
                time.sleep(0.05)
        return self

    def stop(self) -> None:
        """Stops every tcpdump (SIGINT: it flushes the pcap)."""
        time.sleep(0.2)  # packets in flight
        for proc in self.procs:
            if proc.poll() is None:
                proc.send_signal(signal.SIGINT)
        for proc in self.procs:
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()

    def lines(self, bpf: str = "", interface: str | None = None) -> list[str]:
        """The captured packets matching `bpf` (tcpdump's one-line form), from every interface
        or just `interface`."""
        out = []
        for ifname, pcap in zip(self.interfaces, self.pcaps):
            if interface not in (None, ifname) or not pcap.exists() or pcap.stat().st_size == 0:
                continue
            argv = ["tcpdump", "-n", "-r", str(pcap)] + ([bpf] if bpf else [])
            r = subprocess.run(argv, capture_output=True, text=True, timeout=60)
            if r.returncode != 0 and "truncated" not in r.stderr:
                raise RuntimeError(f"tcpdump -r {pcap}: {r.stderr.strip()}")
            out += [f"{ifname}: {line}" for line in r.stdout.splitlines() if line.strip()]
        return out

    def count(self, bpf: str = "", interface: str | None = None) -> int:
        return len(self.lines(bpf, interface))

    def close(self) -> None:
        self.stop()
        if self._own_dir:
            shutil.rmtree(self.dir, ignore_errors=True)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.close()


@atexit.register
def _cleanup_leftovers():
    for name in list(_created):
        ns = Netns.__new__(Netns)
        ns.name = name
        ns.delete()
