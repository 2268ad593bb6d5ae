"""Storage mounts through the real stack (nginx, the pool, lcarsd): GET /api/storage/mounts and
POST /api/storage/mounts/:name/test, which lcarsd carries out (it writes the library). A fresh
stack's `local` library is created by lcarsd and available; the default `nas` is disabled; an smb
mount whose mount point is an empty directory is unavailable and never written into. A second
stack runs lcarsd in its own mount namespace (unshare) with a read-only bind mount and a tmpfs
really mounted at an smb mount point."""
import os
import shutil
import subprocess

import pytest

from conftest import Stack, wait_until

EXTRA_MOUNTS = """
[[storage.mounts]]
name = "share"
type = "smb"
host = "192.0.2.10"
share = "media"
username = "u"
password = "p"
mount_point = "{share}"
enabled = true

[[storage.mounts]]
name = "readonly"
type = "local"
path = "{readonly}"
enabled = true
"""


def stack_with_mounts(daemon_prefix=None):
    """A stack with two more mounts than the example config: `share` (smb, mount point
    <dir>/share-mnt, an empty directory) and `readonly` (local, <dir>/readonly)."""
    s = Stack({"LCARS_AUTH__MAX_FAILURES_PER_ADDRESS": 100000})
    (s.dir / "share-mnt").mkdir()
    (s.dir / "readonly").mkdir()
    text = s.config.read_text()
    # [[storage.mounts]] tables go before the next section ([storage.naming]) in TOML terms.
    extra = EXTRA_MOUNTS.format(share=s.dir / "share-mnt", readonly=s.dir / "readonly")
    s.config.write_text(text.replace("[storage.naming]", extra.lstrip() + "\n[storage.naming]", 1))
    s.daemon_prefix = list(daemon_prefix or [])
    return s


@pytest.fixture(scope="module")
def st():
    s = stack_with_mounts()
    assert not (s.dir / "data/library").exists()
    s.start()
    yield s
    s.stop()


@pytest.fixture(scope="module")
def admin(st):
    return st.login()


def mounts(stack, token):
    r = stack.api("GET", "/api/storage/mounts", token=token)
    assert r.status_code == 200, r.text
    return {m["name"]: m for m in r.json()}


def probe(stack, token, name):
    return stack.api("POST", f"/api/storage/mounts/{name}/test", token=token)


def test_a_fresh_stack_has_its_local_library_available_and_nas_disabled(st, admin):
    listed = mounts(st, admin)
    assert list(listed) == ["local", "nas", "share", "readonly"]   # the config's order
    local = listed["local"]
    assert (st.dir / "data/library").is_dir()                      # created by lcarsd at start
    assert local["type"] == "local" and local["enabled"] is True and local["available"] is True and "error" not in local
    assert 0 < local["free_bytes"] <= local["total_bytes"]
    nas = listed["nas"]
    assert nas == {"name": "nas", "type": "smb", "enabled": False, "available": False, "error": "disabled in the configuration"}
    # The status page shows the same mounts (lcarsd's view).
    status = st.api("GET", "/api/system/status", token=admin).json()
    shown = {m["name"]: m for m in status["storage"]["mounts"]}
    assert shown["nas"] == nas and shown["local"]["available"] is True and shown["share"] == listed["share"]


def test_the_write_test_on_local_succeeds_and_leaves_nothing(st, admin):
    before = sorted(os.listdir(st.dir / "data/library"))
    r = probe(st, admin, "local")
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["success"] is True and body["free_space_bytes"] > 0, body
    assert str(st.dir / "data/library") in body["message"]
    assert sorted(os.listdir(st.dir / "data/library")) == before == []


def test_an_smb_mount_point_with_nothing_mounted_is_unavailable_and_never_written(st, admin):
    share = mounts(st, admin)["share"]
    assert share["available"] is False and share["enabled"] is True
    assert share["error"] == f"//192.0.2.10/media is not mounted at {st.dir / 'share-mnt'}"
    r = probe(st, admin, "share")
    assert r.status_code == 200 and r.json()["success"] is False, r.text
    assert "is not mounted" in r.json()["message"] and "free_space_bytes" not in r.json()
    assert os.listdir(st.dir / "share-mnt") == []


def test_a_disabled_mount_fails_the_test_saying_so(st, admin):
    r = probe(st, admin, "nas")
    assert r.status_code == 200, r.text
    assert r.json() == {"success": False, "message": 'mount "nas" is disabled in the configuration (enabled = false)'}


def test_unknown_mounts_are_404_users_403_and_no_login_401(st, admin):
    r = probe(st, admin, "nowhere")
    assert r.status_code == 404 and "nowhere" in r.json()["error"]["message"] and "local" in r.json()["error"]["message"], r.text
    assert probe(st, admin, "..%2F..%2Fetc").status_code == 404
    user = st.login_new_user(admin, "storage-user", "storage-user-pw")
    assert probe(st, user, "local").status_code == 403
    assert st.api("GET", "/api/storage/mounts", token=user).status_code == 403
    assert st.api("GET", "/api/storage/mounts").status_code == 401
    assert st.api("GET", "/api/storage/mounts/local/test", token=admin).status_code == 405


def test_lcarsd_down_is_503_while_the_status_page_still_shows_mounts(st, admin):
    st.stop_daemon()
    try:
        r = st.api("GET", "/api/storage/mounts", token=admin)
        assert r.status_code == 503 and r.json()["error"]["code"] == "daemon_unavailable", r.text
        assert probe(st, admin, "local").status_code == 503
        status = st.api("GET", "/api/system/status", token=admin)
        assert status.status_code == 200
        shown = {m["name"]: m for m in status.json()["storage"]["mounts"]}
        assert shown["local"]["available"] is True and shown["nas"]["enabled"] is False   # the pool's own check
    finally:
        st.start_daemon()
    assert mounts(st, admin)["local"]["available"] is True


# ---------------------------------------------------------------- lcarsd in its own mount namespace

def namespace_prefix(s):
    """lcarsd in a private mount namespace where <dir>/readonly is bind-mounted read-only and a
    tmpfs is mounted at <dir>/share-mnt (only lcarsd sees either)."""
    ro, share = s.dir / "readonly", s.dir / "share-mnt"
    script = (f"mount --bind '{ro}' '{ro}' && mount -o remount,bind,ro '{ro}' && "
              f"mount -t tmpfs -o size=4m lcars-share '{share}' && exec \"$@\"")
    unshare = ["unshare", "-m", "--propagation", "private"] if os.geteuid() == 0 else ["unshare", "-Urm", "--propagation", "private"]
    return [*unshare, "sh", "-c", script, "lcarsd-in-namespace"]


def namespaces_work():
    if not shutil.which("unshare"):
        return False
    base = ["unshare", "-m"] if os.geteuid() == 0 else ["unshare", "-Urm"]
    return subprocess.run([*base, "sh", "-c", "mount -t tmpfs none /mnt"], capture_output=True).returncode == 0


@pytest.fixture(scope="module")
def ns():
    if not namespaces_work():
        # Not skipped: the issue's own tests need namespaces; a machine without them fails loudly.
        pytest.fail("mount namespaces are not allowed here (unshare -m / -Urm failed): run the tests as root or allow user namespaces")
    s = stack_with_mounts()
    s.daemon_prefix = namespace_prefix(s)
    s.start()
    yield s
    s.stop()


def test_a_read_only_mount_is_unavailable_and_fails_the_test(ns):
    token = ns.login()
    ro = mounts(ns, token)["readonly"]
    assert ro["available"] is False and ro["total_bytes"] > 0
    assert ro["error"].startswith(f"{ns.dir / 'readonly'} is not writable by this process") and "Read-only" in ro["error"], ro
    r = probe(ns, token, "readonly")
    assert r.status_code == 200 and r.json()["success"] is False, r.text
    assert r.json()["message"].startswith(f"cannot create a file in {ns.dir / 'readonly'}") and "Read-only" in r.json()["message"]
    assert os.listdir(ns.dir / "readonly") == []


def test_an_smb_share_really_mounted_is_available_and_takes_the_probe(ns):
    token = ns.login()
    share = mounts(ns, token)["share"]
    assert share["available"] is True and "error" not in share
    assert share["total_bytes"] == 4 * 1024 * 1024      # the tmpfs lcarsd sees, not the disk under it
    r = probe(ns, token, "share")
    assert r.status_code == 200 and r.json()["success"] is True, r.text
    assert 0 < r.json()["free_space_bytes"] <= 4 * 1024 * 1024
    # What lcarsd wrote went to the tmpfs, and went away: the directory below it stays empty.
    assert os.listdir(ns.dir / "share-mnt") == []
    # The pool (outside lcarsd's namespace) would see an empty directory: the status page shows lcarsd's view.
    status = ns.api("GET", "/api/system/status", token=token).json()
    assert {m["name"]: m for m in status["storage"]["mounts"]}["share"]["available"] is True
