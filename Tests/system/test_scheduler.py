"""lcarsd's scheduler through the real stack (nginx, the pool, lcarsd) with the local TMDB and
MusicBrainz stand-ins: the jobs list, a run started from the API (202, 409 while it runs, then
recorded as succeeded with its item count), 404 / 403 / 503, a run cut short by a crash shown as
interrupted after the restart, and an invalid cron expression stopping lcarsd with its key named.
No indexer is asked anything: only the refresh jobs run here."""
import subprocess
import threading

import pytest

from conftest import Stack, sql, wait_until
from fixture_services import FixtureServices

PILOTS = "a1a1a1a1-0000-4000-8000-000000000001"
JOBS = ["search_missing", "refresh_metadata", "check_new_episodes", "check_new_releases", "cleanup_completed"]
NEVER_ON_ITS_OWN = "0 0 0 1 1 *"   # New Year only: nothing fires by itself during the test


class GatedServices(FixtureServices):
    """The fixture services, except that while the gate is closed a TMDB movie request waits for
    it: a run that refreshes a movie stays observably `running` until the test opens the gate."""

    def __init__(self):
        super().__init__()
        self.gate = threading.Event()
        self.gate.set()
        self.held = threading.Event()   # a request is waiting at the gate

    def answer_request(self, method, path, query, headers, body):
        if path.startswith("/tmdb/3/movie/") and not self.gate.is_set():
            self.held.set()
            self.gate.wait(60)
        return super().answer_request(method, path, query, headers, body)


@pytest.fixture(scope="module")
def gated():
    s = GatedServices().start()
    yield s
    s.gate.set()
    s.stop()


@pytest.fixture(scope="module")
def sched(gated):
    settings = {**gated.settings(), "LCARS_AUTH__MAX_FAILURES_PER_ADDRESS": 100000,
                "LCARS_HTTP__TIMEOUT_MS": 60000,   # the gate, not the client, decides how long a request takes
                **{f"LCARS_SCHEDULER__{job.upper()}": NEVER_ON_ITS_OWN for job in JOBS}}
    s = Stack(settings).start()
    yield s
    gated.gate.set()
    s.stop()


@pytest.fixture(scope="module")
def admin(sched):
    return sched.login()


@pytest.fixture(scope="module")
def library(sched, admin):
    """A movie, a continuing show and an artist: three items for refresh_metadata."""
    for path, body in [("/api/movies", {"tmdb_id": 13475}), ("/api/tv", {"tmdb_id": 4242}), ("/api/artists", {"mbid": PILOTS})]:
        r = sched.api("POST", path, token=admin, json=body)
        assert r.status_code == 201, r.text
    sql(sched, "UPDATE movies SET status = 'available', file_path = '/lib/st.mkv', file_size = 9")
    return sched


def jobs(stack, token):
    r = stack.api("GET", "/api/system/jobs", token=token)
    assert r.status_code == 200, r.text
    return {j["name"]: j for j in r.json()}


def test_the_jobs_lcarsd_runs_are_listed(sched, admin):
    listed = jobs(sched, admin)
    assert list(listed) == JOBS   # every job of [scheduler], in the catalog's order
    for job in listed.values():
        assert job["schedule"] == NEVER_ON_ITS_OWN and job["running"] is False and "last_run" not in job
        assert job["next_run_at"].endswith("Z") and job["next_run_at"][5:10] == "01-01"


def test_a_run_from_the_api_is_202_then_409_while_it_runs_then_recorded(library, admin, gated):
    gated.gate.clear()
    gated.held.clear()
    r = library.api("POST", "/api/system/jobs/refresh_metadata/run", token=admin)
    assert r.status_code == 202, r.text
    assert r.json()["running"] is True and r.json()["last_run"]["status"] == "running"
    assert gated.held.wait(30), "the run never reached TMDB"
    again = library.api("POST", "/api/system/jobs/refresh_metadata/run", token=admin)
    assert again.status_code == 409 and "already running" in again.json()["error"]["message"], again.text
    during = jobs(library, admin)["refresh_metadata"]
    assert during["running"] is True and during["last_run"]["status"] == "running" and "finished_at" not in during["last_run"]

    gated.gate.set()
    wait_until(lambda: not jobs(library, admin)["refresh_metadata"]["running"], timeout=60, what="the run to finish")
    last = jobs(library, admin)["refresh_metadata"]["last_run"]
    assert last["status"] == "succeeded" and last["items"] == 3 and "error" not in last, last
    assert last["finished_at"] >= last["started_at"]
    # A refresh never loses a file or a status.
    assert sql(library, "SELECT status, file_path FROM movies") == [("available", "/lib/st.mkv")]
    kinds = sql(library, "SELECT event_type FROM activity WHERE event_type LIKE '%refreshed' ORDER BY event_type")
    assert [k for (k,) in kinds] == ["artist_refreshed", "movie_refreshed", "show_refreshed"]


def test_unknown_jobs_are_404_and_users_403(library, admin):
    r = library.api("POST", "/api/system/jobs/defragment_library/run", token=admin)
    assert r.status_code == 404 and "refresh_metadata" in r.json()["error"]["message"], r.text
    user = library.login_new_user(admin, "schedule-user", "schedule-user-pw")
    assert library.api("GET", "/api/system/jobs", token=user).status_code == 403
    assert library.api("POST", "/api/system/jobs/refresh_metadata/run", token=user).status_code == 403
    assert library.api("GET", "/api/system/jobs").status_code == 401


def test_a_run_cut_short_by_a_crash_is_interrupted_after_the_restart(library, admin, gated):
    gated.gate.clear()
    gated.held.clear()
    assert library.api("POST", "/api/system/jobs/refresh_metadata/run", token=admin).status_code == 202
    assert gated.held.wait(30)
    library.kill_daemon()
    down = library.api("POST", "/api/system/jobs/refresh_metadata/run", token=admin)
    assert down.status_code == 503 and down.json()["error"]["code"] == "daemon_unavailable", down.text
    assert library.api("GET", "/api/system/jobs", token=admin).status_code == 503
    gated.gate.set()
    library.start_daemon()
    last = jobs(library, admin)["refresh_metadata"]["last_run"]
    assert last["status"] == "failed" and last["error"].startswith("interrupted"), last
    assert "finished_at" in last


def test_an_invalid_cron_expression_stops_lcarsd_naming_the_key(library):
    r = library.cli("serve", check=False, env={"LCARS_SCHEDULER__REFRESH_METADATA": "0 0 25 * * *"})
    assert r.returncode != 0
    assert "scheduler.refresh_metadata" in r.stderr and "hour: 25" in r.stderr, r.stderr
    r = library.cli("serve", check=False, env={"LCARS_SCHEDULER__CHECK_NEW_EPISODES": "0 0 0 31 FEB *"})
    assert r.returncode != 0 and "scheduler.check_new_episodes" in r.stderr and "never" in r.stderr, r.stderr


def test_schedules_are_read_in_the_systems_local_time():
    """lcarsd reads cron fields as the system's wall clock (libc's, TZ honoured): 02:00 every day in
    central European time is 01:00 UTC in winter and 00:00 UTC in summer. The POSIX rule needs no
    tz database files on the machine."""
    rule = "CET-1CEST,M3.5.0,M10.5.0/3"
    s = Stack({"TZ": rule, "LCARS_SCHEDULER__REFRESH_METADATA": "0 0 2 * * *"}).start()
    try:
        admin = s.login()
        nxt = jobs(s, admin)["refresh_metadata"]["next_run_at"]
        # The next 02:00 of that wall clock, by the `date` command under the same rule.
        env = {"TZ": rule, "PATH": "/usr/bin:/bin"}
        now = int(subprocess.run(["date", "+%s"], capture_output=True, text=True, check=True).stdout)
        wanted = None
        for day in ("today", "tomorrow", "2 days"):
            t = int(subprocess.run(["date", "-d", f"{day} 02:00:00", "+%s"], env=env,
                                   capture_output=True, text=True, check=True).stdout)
            if t > now:
                wanted = t
                break
        utc = subprocess.run(["date", "-u", "-d", f"@{wanted}", "+%Y-%m-%dT%H:%M:%SZ"],
                             capture_output=True, text=True, check=True).stdout.strip()
        assert nxt == utc, (nxt, utc)
        assert utc[11:13] in ("00", "01")   # 02:00 CET/CEST is never 02:00 UTC
    finally:
        s.stop()
