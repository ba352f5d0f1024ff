"""make run / make stop / make reset from a checkout inside a mode-700 directory (a root user's
home, where CI clones as root): the private cluster then belongs to the `postgres` OS user,
lives under /var/lib/hid-pg/<hash> and var/pg is a link to it that this user cannot follow.
After `make stop` nothing of that checkout may be left running (no postmaster of its cluster,
no Odoo of its own).

The clone reuses this checkout's var/venv and var/node through HID_VENV / HID_NODE (setup.sh
uses environments given that way as they are), so it builds only its cluster and database."""
import os
import shutil
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

import pytest
import requests

from conftest import ROOT, _free_port

VAR = ROOT / "var"
# this checkout's environments (or the ones it was itself given)
VENV = Path(os.environ.get("HID_VENV") or VAR / "venv")
NODE = Path(os.environ.get("HID_NODE") or VAR / "node")


def _copy_checkout(dest):
    """The files of this working tree that git knows or would add (not var/, not ignored)."""
    names = subprocess.run(
        ["git", "-C", str(ROOT), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        check=True, stdout=subprocess.PIPE).stdout.decode().split("\0")
    for name in filter(None, names):
        src = ROOT / name
        if not src.is_file() or name == "var" or name.startswith("var/"):
            continue
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(str(src), str(target))


def _processes_of(*needles):
    """Live processes whose command line names one of the paths."""
    found = []
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            cmd = Path("/proc", pid, "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if any(n in cmd for n in needles):
            found.append((int(pid), cmd))
    return found


def _alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # a zombie is not running
    try:
        return Path("/proc", str(pid), "stat").read_text().split()[2] != "Z"
    except OSError:
        return False


@pytest.fixture(scope="module")
def clone():
    if not (VENV / "bin" / "python").exists():
        pytest.skip("no var/venv to reuse (run make run or make test once)")
    outer = Path(tempfile.mkdtemp(prefix="hid-clone-"))  # mkdtemp makes it mode 700
    os.chmod(str(outer), 0o700)
    root = outer / "hid"
    root.mkdir()
    _copy_checkout(root)
    env = {k: v for k, v in os.environ.items()
           if not (k.startswith("PG") or k.startswith("HID_"))}
    env.update(HID_VENV=str(VENV.resolve()), HID_NODE=str(NODE.resolve()),
               HID_HTTP_PORT=str(_free_port()), HID_DB="hid_stop_%s" % uuid.uuid4().hex[:8],
               HID_PG_FSYNC="off")
    yield root, env
    subprocess.run(["make", "-s", "stop"], cwd=str(root), env=env, timeout=120,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    pg = root / "var" / "pg"
    real = pg.resolve() if pg.exists() else None
    shutil.rmtree(str(outer), ignore_errors=True)
    if real and str(real).startswith("/var/lib/hid-pg/"):
        shutil.rmtree(str(real), ignore_errors=True)


def _make(root, env, target, timeout=420):
    res = subprocess.run(["make", "-s", target], cwd=str(root), env=env, timeout=timeout,
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    out = res.stdout.decode(errors="replace")
    assert res.returncode == 0, "make %s failed:\n%s" % (target, out[-3000:])
    return out


def _left_running(root, pg_real):
    procs = _processes_of(str(root) + "/", str(pg_real) + "/")
    pidfile = pg_real / "data" / "postmaster.pid"
    if pidfile.exists():
        pid = int(pidfile.read_text().split()[0])
        if _alive(pid):
            procs.append((pid, "postmaster of %s" % pg_real))
    return procs


def test_run_stop_reset_from_a_mode_700_checkout(clone):
    root, env = clone
    out = _make(root, env, "run")
    assert "him.mudur" in out, "make run prints the logins"
    url = "http://127.0.0.1:%s/web/login" % env["HID_HTTP_PORT"]
    assert requests.get(url, timeout=30).status_code == 200

    pg = root / "var" / "pg"
    pg_real = pg.resolve()
    if os.getuid() == 0:
        assert pg.is_symlink() and str(pg_real).startswith("/var/lib/hid-pg/"), \
            "as root in a mode-700 folder the cluster lives outside the checkout"
    odoo_pid = int((root / "var" / "odoo.pid").read_text())
    assert _alive(odoo_pid)
    assert _left_running(root, pg_real), "the cluster and Odoo run before make stop"

    out = _make(root, env, "stop")
    assert "PostgreSQL stopped" in out, out
    time.sleep(0.5)
    assert not _left_running(root, pg_real), "nothing of this checkout runs after make stop"
    assert not _alive(odoo_pid)

    # make reset drops the database (it starts the cluster for that); make stop ends it again.
    out = _make(root, env, "reset")
    assert "dropped" in out, out
    listed = subprocess.run(
        ["psql", "-Atqc", "SELECT datname FROM pg_database"],
        env=dict(env, PGHOST=str(pg / "run"), PGPORT="54329", PGUSER="hid", PGDATABASE="postgres"),
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=30)
    assert listed.returncode == 0, listed.stdout
    assert env["HID_DB"] not in listed.stdout.decode().split()
    _make(root, env, "stop")
    time.sleep(0.5)
    assert not _left_running(root, pg_real), "make stop after make reset leaves nothing running"
