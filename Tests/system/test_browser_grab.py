"""A person's whole path through the UI in headless chromium, on the real stack: open a movie,
run a manual search on a local Torznab indexer, grab the release, watch its progress bar move live
on the downloads page to the end (the local seeder is rate-limited so that the bar shows at least
two values between 0 and 100), then find the movie available with its file. The release is a real
short video (ffmpeg), so post-processing places it. Loopback only, TCP, no DHT/LSD/UPnP/NAT-PMP."""
import os

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from browser_session import chromium, log_in, wait
from conftest import Stack, local_torznab
from swarm import Seeder, Tracker, make_torrent
from test_import import make_video

TINY_REEL = 900003          # TMDB stand-in, 1 min runtime: a 24 s video is no sample
TOP = "Tiny.Reel.The.Test.2024.720p.WEB-DL.x264-LCARS"
UPLOAD_LIMIT = 250_000      # bytes/s: a few seconds for the video, so the bar is seen moving


@pytest.fixture(scope="module")
def grab_stack(services):
    s = Stack({**services.settings(), "LCARS_AUTH__MAX_FAILURES_PER_ADDRESS": 100000, "LCARS_HTTP__RETRIES": 0,
               "LCARS_INDEXERS__TIMEOUT_MS": 3000, "LCARS_INDEXERS__MIN_INTERVAL_MS": 0})
    (s.dir / "data/library").mkdir(parents=True)
    s.start()
    yield s
    s.stop()


@pytest.fixture(scope="module")
def video_swarm(tmp_path_factory):
    """A tracker and a throttled seeder for a folder holding one real video (~300 KB) and 2.5 MB of
    other data (which post-processing ignores): with the limit, the transfer takes ~10 s."""
    root = tmp_path_factory.mktemp("grab-swarm")
    content = root / "seed" / TOP
    make_video(content / f"{TOP}.mp4", 24, size="320x240")
    (content / "Extras").mkdir()
    (content / "Extras" / "commentary.bin").write_bytes(os.urandom(2_500_000))
    with Tracker() as tracker:
        torrent = make_torrent(content, root / f"{TOP}.torrent", [tracker.announce_url], 16384)
        tracker.allow(*torrent.announce_hashes)
        with Seeder([torrent], upload_limit=UPLOAD_LIMIT):
            yield torrent, content


@pytest.fixture
def browser(request, artifacts_dir):
    with chromium(request, artifacts_dir, record_console=True) as driver:
        yield driver


def test_grab_from_the_movie_page_and_watch_it_arrive(browser, grab_stack, indexer_sites, video_swarm, artifacts_dir):
    torrent, content = video_swarm
    token = grab_stack.login()
    local_torznab(grab_stack, token, indexer_sites, "grabfeed", ["movies"],
                  releases=[(TOP, torrent.info_hash, 12, 100_000_000, torrent.magnet())])
    r = grab_stack.api("POST", "/api/movies", token=token, json={"tmdb_id": TINY_REEL})
    assert r.status_code == 201, r.text
    movie = r.json()["id"]

    log_in(browser, grab_stack.base_url, grab_stack.admin_user, grab_stack.admin_password)
    browser.get(f"{grab_stack.base_url}/movies/{movie}")
    assert wait(browser).until(EC.visibility_of_element_located((By.ID, "item-title"))).text == "Tiny Reel: The Test"
    browser.find_element(By.ID, "movie-search").click()
    wait(browser, 30).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#movie-releases > li")) == 1,
                            "the local indexer's release never appeared")
    release = browser.find_element(By.CSS_SELECTOR, "#movie-releases > li")
    assert TOP in release.text and "release--rejected" not in release.get_attribute("class")
    release.find_element(By.CSS_SELECTOR, ".release-actions button").click()
    wait(browser, 20).until(lambda d: "grabbed" in release.find_element(By.CSS_SELECTOR, ".release-result").text.lower(),
                            "the grab was not confirmed on the page")
    download = next(d for d in grab_stack.api("GET", "/api/downloads", token=token).json() if d["info_hash"] == torrent.info_hash)

    # The downloads page: the row's bar moves live (no reload) until the data is complete.
    browser.find_element(By.XPATH, "//nav[@aria-label='Main']//button[contains(., 'Downloads')]").click()
    seen = set()

    def complete(d):
        value = d.execute_script("const r = document.getElementById(arguments[0]);"
                                 "return r ? r.querySelector('.dl-bar').getAttribute('aria-valuenow') : null;",
                                 f"download-{download['id']}")
        if value is not None:
            seen.add(float(value))
        return 100.0 in seen
    wait(browser, 90).until(complete, "the progress bar never reached 100 %")
    intermediate = sorted(v for v in seen if 0 < v < 100)
    assert len(intermediate) >= 2, f"the progress bar did not move live: saw {sorted(seen)}"
    browser.save_screenshot(str(artifacts_dir / "grab-downloaded.png"))

    # Back on the movie page: post-processing places the file and the page follows (media:updated),
    # showing it available with the file and what ffprobe read.
    browser.get(f"{grab_stack.base_url}/movies/{movie}")
    wait(browser, 60).until(lambda d: d.find_element(By.ID, "item-status").text.lower() == "available",
                            "the movie page never showed the movie available")
    shown = wait(browser).until(lambda d: (t := d.find_element(By.ID, "movie-file").text) and "720p.mp4" in t and t,
                                "the file panel never showed the placed file")
    assert "Tiny Reel - The Test (2024) - 720p.mp4" in shown, shown   # a verbatim path keeps its case
    assert "320×240 mpeg4" in shown.lower() and "0:24" in shown, shown   # (the LCARS type is upper case)
    browser.save_screenshot(str(artifacts_dir / "grab-available.png"))


def test_settings_show_the_storage_mounts_and_test_one(browser, grab_stack):
    """Settings → Storage: the local library with its free space and a write test that passes; the
    default config's `nas` mount is disabled, so it cannot be tested."""
    log_in(browser, grab_stack.base_url, grab_stack.admin_user, grab_stack.admin_password)
    browser.get(f"{grab_stack.base_url}/settings")
    local = wait(browser).until(lambda d: next(iter(d.find_elements(By.CSS_SELECTOR, "#storage-list li[data-mount='local']")), None),
                                "the storage section never listed the local mount")
    assert "available" in local.text.lower() and "free of" in local.text.lower(), local.text
    nas = browser.find_element(By.CSS_SELECTOR, "#storage-list li[data-mount='nas']")
    assert "disabled" in nas.text.lower() and not nas.find_element(By.CSS_SELECTOR, "button").is_enabled()
    local.find_element(By.CSS_SELECTOR, "button[aria-label='Test the local mount']").click()
    wait(browser, 20).until(lambda d: "write test passed" in local.text.lower(), f"the write test did not pass: {local.text}")
    library = grab_stack.dir / "data/library"
    assert not [p for p in library.iterdir() if p.name.startswith(".")], "the probe file was left behind"
