"""Search fan-out latency (bench/search.sh): a real stack (nginx → pool → IndexerManager → indexers
over HTTP) with 6 local Torznab indexers of which one answers only after `slow_delay` seconds.
Times GET /api/search/releases with the slow one enabled and disabled, bounded loops, and prints
p50/p99 next to the per-indexer timeout. A measurement, not a test."""
import os
import pathlib
import statistics
import sys
import time

REPO = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "Tests/system"))
from conftest import Stack              # noqa: E402
from fixture_indexers import FixtureIndexers   # noqa: E402

RUNS = int(os.environ.get("BENCH_SEARCHES", "30"))
TIMEOUT_MS = int(os.environ.get("BENCH_TIMEOUT_MS", "1000"))
SLOW_DELAY = 5.0
RELEASES = 50   # per indexer


def releases(i):
    res = ["2160p", "1080p", "720p", "480p"]
    src = ["BluRay", "WEB-DL", "WEBRip", "HDTV"]
    return [(f"Star.Trek.2009.{res[n % 4]}.{src[n // 4 % 4]}.x264-G{i}{n}", f"{i:02x}{n:038x}", 5 + n, 2_000_000_000 + n)
            for n in range(RELEASES)]


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def measure(stack, token, label):
    times = []
    for _ in range(RUNS):
        started = time.monotonic()
        r = stack.api("GET", "/api/search/releases?q=star%20trek&type=movie", token=token, timeout=60)
        times.append((time.monotonic() - started) * 1000)
        assert r.status_code == 200, r.text
    asked, failed = r.headers["X-Indexers-Asked"], r.headers["X-Indexers-Failed"]
    print(f"{label:<34} p50 {percentile(times, 50):7.0f} ms   p99 {percentile(times, 99):7.0f} ms   "
          f"max {max(times):7.0f} ms   ({asked} indexers asked, {failed} failed, {len(r.json())} releases, {RUNS} searches)")
    return times


def main():
    sites = FixtureIndexers().start()
    stack = Stack({"LCARS_INDEXERS__TIMEOUT_MS": TIMEOUT_MS, "LCARS_INDEXERS__MIN_INTERVAL_MS": 0,
                   "LCARS_HTTP__RETRIES": 0, "LCARS_AUTH__MAX_FAILURES_PER_ADDRESS": 100000}).start()
    try:
        token = stack.login()
        for row in stack.api("GET", "/api/indexers", token=token).json():
            stack.api("PUT", f"/api/indexers/{row['id']}", token=token, json={"enabled": False})
        ids = {}
        for i in range(6):
            name = f"bench{i}" if i < 5 else "slow"
            url = sites.torznab(name, releases(i), delay=SLOW_DELAY if name == "slow" else 0)
            r = stack.api("POST", "/api/indexers", token=token, json={"name": name, "indexer_type": "torznab", "url": url, "api_key": "k"})
            ids[name] = r.json()["id"]
        print(f"per-indexer timeout {TIMEOUT_MS} ms; the slow indexer answers after {SLOW_DELAY:g} s; {RELEASES} releases per indexer")
        stack.api("GET", "/api/search/releases?q=warm&type=movie", token=token, timeout=60)   # caps, connections
        with_slow = measure(stack, token, "6 indexers, 1 slow")
        stack.api("PUT", f"/api/indexers/{ids['slow']}", token=token, json={"enabled": False})
        without = measure(stack, token, "5 indexers (slow one disabled)")
        held = percentile(with_slow, 99) - TIMEOUT_MS
        print(f"the slow indexer costs p50 {percentile(with_slow, 50) - percentile(without, 50):.0f} ms; "
              f"p99 with it is {held:+.0f} ms from the timeout (it would be {SLOW_DELAY * 1000 - TIMEOUT_MS:+.0f} ms if waited for)")
    finally:
        stack.stop()
        sites.stop()


if __name__ == "__main__":
    main()
