"""The library pages in headless chromium on the real stack, with the local TMDB / MusicBrainz
stand-ins and a local Torznab indexer (the built-in public indexers are switched off): add a movie
through the modal, a manual search with ranked releases and their reasons → grab, episode and
season monitoring, an artist added and an album opened, users in the settings and what a `user`
may see there, the way back to a page after a 401, and every page at three sizes."""
import re

import pytest
from axe_selenium_python import Axe
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

from browser_session import (chromium, wait, set_viewport, sideways_overflow, path_of, log_in,
                             severe_console_entries)
from conftest import Stack, sql

STAR_TREK, STELLAR, SHOW = 13475, 900001, 4242
PILOTS = "a1a1a1a1-0000-4000-8000-000000000001"
H_BEST, H_WEB, H_UHD, H_CAM = "a1" * 20, "b2" * 20, "c3" * 20, "d4" * 20
SIZES = [(1280, 800), (390, 844), (360, 740)]


@pytest.fixture(scope="module")
def ui_stack(services, indexer_sites):
    s = Stack({**services.settings(), "LCARS_AUTH__MAX_FAILURES_PER_ADDRESS": 100000, "LCARS_HTTP__RETRIES": 0,
               "LCARS_INDEXERS__TIMEOUT_MS": 3000, "LCARS_INDEXERS__MIN_INTERVAL_MS": 0}).start()
    yield s
    s.stop()


@pytest.fixture(scope="module")
def admin(ui_stack):
    return ui_stack.login()


@pytest.fixture(scope="module")
def local_indexer(ui_stack, admin, indexer_sites):
    """Every built-in public indexer off; one local Torznab feed with Star Trek releases."""
    for row in ui_stack.api("GET", "/api/indexers", token=admin).json():
        assert ui_stack.api("PUT", f"/api/indexers/{row['id']}", token=admin, json={"enabled": False}).status_code == 200
    url = indexer_sites.torznab("uifeed", releases=[
        ("Star.Trek.2009.1080p.BluRay.x264-GRP", H_BEST, 120, 10_000_000_000),
        ("Star.Trek.2009.720p.WEB-DL.DD5.1.H264-WEB", H_WEB, 40, 3_000_000_000),
        ("Star.Trek.2009.2160p.UHD.BluRay.x265-GRP", H_UHD, 80, 40_000_000_000),
        ("Star.Trek.2009.HDCAM.x264-CAMGRP", H_CAM, 500, 1_500_000_000)])
    r = ui_stack.api("POST", "/api/indexers", token=admin, json={
        "name": "uifeed", "indexer_type": "torznab", "url": url, "api_key": "ui-feed-key-0123456789", "categories": ["movies", "tv"]})
    assert r.status_code == 201, r.text
    return r.json()["id"]


def get_or_add(stack, token, path, body):
    r = stack.api("POST", path, token=token, json=body, timeout=30)
    if r.status_code == 409:
        return r.json()["error"]["existing_id"]
    assert r.status_code == 201, r.text
    return r.json()["id"]


@pytest.fixture(scope="module")
def library(ui_stack, admin):
    """A movie, a show and an artist (with an album whose tracks are loaded) for the page tests."""
    movie = get_or_add(ui_stack, admin, "/api/movies", {"tmdb_id": STAR_TREK})
    show = get_or_add(ui_stack, admin, "/api/tv", {"tmdb_id": SHOW})
    artist = get_or_add(ui_stack, admin, "/api/artists", {"mbid": PILOTS})
    albums = ui_stack.api("GET", f"/api/artists/{artist}", token=admin).json()["albums"]
    album = next(a["id"] for a in albums if a["title"] == "First Flight")
    return {"movie": movie, "show": show, "artist": artist, "album": album}


@pytest.fixture
def browser(request, artifacts_dir):
    with chromium(request, artifacts_dir, record_console=True) as driver:
        yield driver


def nav(driver, label):
    driver.find_element(By.XPATH, f"//nav[@aria-label='Main']//button[contains(., '{label}')]").click()


def visible(driver, css):
    return wait(driver).until(EC.visibility_of_element_located((By.CSS_SELECTOR, css)))


def modal_search(driver, dialog_id, text):
    dialog = visible(driver, f"#{dialog_id}")
    box = dialog.find_element(By.CSS_SELECTOR, "input[name='q']")
    box.clear()
    box.send_keys(text)
    driver.find_element(By.ID, f"{dialog_id}-go").click()
    return dialog


# ---------------------------------------------------------------- tests

def test_add_movie_through_the_modal(browser, ui_stack, admin, artifacts_dir):
    log_in(browser, ui_stack.base_url, ui_stack.admin_user, ui_stack.admin_password)
    nav(browser, "Movies")
    visible(browser, "#movies")
    assert "no movies yet" in browser.find_element(By.ID, "movies").text.lower() or browser.find_elements(By.CSS_SELECTOR, ".media-card")

    browser.find_element(By.ID, "movies-add").click()
    dialog = visible(browser, "#add-movie")
    # An empty search is refused next to the field, without asking TMDB.
    browser.find_element(By.ID, "add-movie-go").click()
    error = wait(browser).until(lambda d: dialog.find_element(By.CSS_SELECTOR, ".field-error").text)
    assert "type a name" in error.lower()

    modal_search(browser, "add-movie", "stellar")
    row = wait(browser).until(lambda d: next((li for li in d.find_elements(By.CSS_SELECTOR, "#add-movie-results .result-row")
                                              if "Stellar Voyage" in li.text), None))
    Select(dialog.find_element(By.CSS_SELECTOR, "select[name='quality_limit']")).select_by_value("720p")
    browser.save_screenshot(str(artifacts_dir / "add-movie-modal.png"))
    row.find_element(By.CSS_SELECTOR, "button[aria-label='Add Stellar Voyage']").click()
    open_link = wait(browser).until(lambda d: next(iter(row.find_elements(By.CSS_SELECTOR, "a.pill")), None))
    assert "in library" in open_link.text.lower()
    added = ui_stack.api("GET", "/api/movies?search=stellar", token=admin).json()["items"]
    assert [(m["title"], m["quality_limit"], m["monitored"]) for m in added] == [("Stellar Voyage", "720p", True)]

    open_link.click()
    wait(browser).until(lambda d: path_of(d) == f"/movies/{added[0]['id']}")
    assert visible(browser, "#item-title").text == "Stellar Voyage"
    assert browser.find_element(By.ID, "item-status").text.lower() == "missing"
    assert Select(browser.find_element(By.CSS_SELECTOR, "#movie-panel select[name='quality_limit']")).first_selected_option.text == "720p"
    # The grid shows the new card with its status.
    nav(browser, "Movies")
    card = wait(browser).until(lambda d: next((c for c in d.find_elements(By.CSS_SELECTOR, "#movies-grid .media-card") if "Stellar Voyage" in c.text), None))
    assert "missing" in card.text.lower()


def test_search_as_you_type_and_filters(browser, ui_stack, admin, library):
    log_in(browser, ui_stack.base_url, ui_stack.admin_user, ui_stack.admin_password)
    nav(browser, "Movies")
    box = visible(browser, "#movies input[name='search']")
    titles = lambda d: sorted(e.text for e in d.find_elements(By.CSS_SELECTOR, "#movies-grid .media-title"))
    wait(browser).until(lambda d: "Star Trek" in titles(d))
    box.send_keys("kirk")   # in Star Trek's overview only
    wait(browser).until(lambda d: titles(d) == ["Star Trek"], "search-as-you-type did not narrow the grid to Star Trek")
    box.clear()
    box.send_keys("sternen")   # Stellar Voyage's original title, as a prefix
    wait(browser).until(lambda d: titles(d) == ["Stellar Voyage"], "the original title did not find Stellar Voyage")
    # The filters are in the URL: a reload shows the same grid, with the search still in its field.
    assert "search=sternen" in browser.current_url
    browser.refresh()
    wait(browser).until(lambda d: titles(d) == ["Stellar Voyage"])
    assert browser.find_element(By.CSS_SELECTOR, "#movies input[name='search']").get_attribute("value") == "sternen"
    # A hand-edited URL with a value the API refuses: its message, not an empty grid.
    browser.get(f"{ui_stack.base_url}/movies?status=lost")
    assert "status" in visible(browser, "#movies .notice").text.lower()
    browser.get(f"{ui_stack.base_url}/movies")
    box = visible(browser, "#movies input[name='search']")
    box.clear()
    box.send_keys("nothing-like-this")
    wait(browser).until(lambda d: "match these filters" in d.find_element(By.ID, "movies").text.lower())
    box.clear()
    box.send_keys(" ")  # an input event with an empty search: everything again
    wait(browser).until(lambda d: "Star Trek" in titles(d))
    Select(browser.find_element(By.CSS_SELECTOR, "#movies select[name='status']")).select_by_value("available")
    wait(browser).until(lambda d: titles(d) == [] and "match these filters" in d.find_element(By.ID, "movies").text.lower())


def test_manual_search_shows_ranked_releases_with_reasons_and_grabs(browser, ui_stack, admin, library, local_indexer, artifacts_dir):
    log_in(browser, ui_stack.base_url, ui_stack.admin_user, ui_stack.admin_password)
    browser.get(f"{ui_stack.base_url}/movies/{library['movie']}")
    assert visible(browser, "#item-title").text == "Star Trek"
    # Its backdrop, served by LCARS from the TMDB stand-in, loaded above the header.
    backdrop = browser.find_element(By.ID, "item-backdrop")
    assert backdrop.get_attribute("src").startswith(f"{ui_stack.base_url}/api/images/tmdb/")
    wait(browser).until(lambda d: d.execute_script("return arguments[0].complete && arguments[0].naturalWidth", backdrop),
                        "the backdrop never loaded")
    browser.find_element(By.ID, "movie-search").click()
    wait(browser, 30).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#movie-releases > li")) == 4,
                            "the four releases of the local indexer never appeared")
    rows = browser.find_elements(By.CSS_SELECTOR, "#movie-releases > li")
    first = rows[0]
    assert "Star.Trek.2009.1080p.BluRay.x264-GRP" in first.text
    assert re.search(r"SCORE \d+", first.text), first.text
    reasons = [li.text for li in first.find_elements(By.CSS_SELECTOR, ".release-reasons li")]
    assert any("1080p" in r for r in reasons) and all(r.startswith(("+", "-", "−")) for r in reasons), reasons
    rejected = {r.find_element(By.CSS_SELECTOR, ".release-title").text: r for r in rows if "release--rejected" in r.get_attribute("class")}
    assert set(rejected) == {"Star.Trek.2009.2160p.UHD.BluRay.x265-GRP", "Star.Trek.2009.HDCAM.x264-CAMGRP"}
    assert "over_quality_limit" in rejected["Star.Trek.2009.2160p.UHD.BluRay.x265-GRP"].text
    assert "camera_copy" in rejected["Star.Trek.2009.HDCAM.x264-CAMGRP"].text
    assert rows.index(rejected["Star.Trek.2009.HDCAM.x264-CAMGRP"]) >= 2   # rejected ones come last
    browser.save_screenshot(str(artifacts_dir / "movie-releases.png"))

    first.find_element(By.CSS_SELECTOR, ".release-actions button").click()
    wait(browser, 20).until(lambda d: "grabbed" in first.find_element(By.CSS_SELECTOR, ".release-result").text.lower()
                            or "error" in first.find_element(By.CSS_SELECTOR, ".release-result").get_attribute("class"))
    assert "grabbed" in first.find_element(By.CSS_SELECTOR, ".release-result").text.lower(), first.text
    items = ui_stack.api("GET", "/api/downloads", token=admin).json()
    assert any(d.get("info_hash", "").lower() == H_BEST for d in items), items
    assert ui_stack.api("GET", f"/api/movies/{library['movie']}", token=admin).json()["status"] == "downloading"
    # The page follows the live event stream: the badge turns without a reload …
    wait(browser).until(lambda d: d.find_element(By.ID, "item-status").text.lower() == "downloading",
                        "the status badge did not follow the grab live")
    assert "star.trek.2009.1080p" in first.text.lower()   # … and the releases stay on screen
    browser.refresh()
    assert wait(browser).until(lambda d: d.find_element(By.ID, "item-status").text.lower()) == "downloading"


def test_episode_and_season_monitoring(browser, ui_stack, admin, library):
    log_in(browser, ui_stack.base_url, ui_stack.admin_user, ui_stack.admin_password)
    browser.get(f"{ui_stack.base_url}/tv/{library['show']}")
    visible(browser, "#season-1 summary").click()
    episode = visible(browser, "#episode-1-1-monitored")
    season = browser.find_element(By.ID, "season-1-monitored")
    # Every episode of the opened season shows its still, served by LCARS from the TMDB stand-in.
    stills = browser.find_elements(By.CSS_SELECTOR, "#season-1 img.episode-still")
    assert len(stills) == len(browser.find_elements(By.CSS_SELECTOR, "#season-1 li.episode")) > 0
    assert all(i.get_attribute("src").startswith(f"{ui_stack.base_url}/api/images/tmdb/") for i in stills)
    wait(browser).until(lambda d: all(d.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", i) for i in stills),
                        "an episode still never loaded")
    assert episode.get_attribute("aria-pressed") == "true" and season.get_attribute("aria-pressed") == "true"
    api_episode = lambda: next(e for e in ui_stack.api("GET", f"/api/tv/{library['show']}/season/1", token=admin).json()
                               if e["episode_number"] == 1)

    episode.click()
    wait(browser).until(lambda d: episode.get_attribute("aria-pressed") == "false" and not episode.get_attribute("disabled"))
    assert episode.text.lower() == "unmonitored"
    assert api_episode()["monitored"] is False

    # The season toggle monitors every episode of the season again, the episode's toggle follows.
    season.click()   # pressed=true → false: unmonitors the season
    wait(browser).until(lambda d: season.get_attribute("aria-pressed") == "false")
    season.click()
    wait(browser).until(lambda d: season.get_attribute("aria-pressed") == "true" and episode.get_attribute("aria-pressed") == "true")
    assert api_episode()["monitored"] is True
    # Keyboard: the toggle is a button, Space flips it.
    episode.send_keys(" ")
    wait(browser).until(lambda d: episode.get_attribute("aria-pressed") == "false")
    assert api_episode()["monitored"] is False


def test_add_artist_and_open_an_album(browser, ui_stack, artifacts_dir):
    log_in(browser, ui_stack.base_url, ui_stack.admin_user, ui_stack.admin_password)
    nav(browser, "Music")
    visible(browser, "#artists-add").click()
    modal_search(browser, "add-artist", "pilots")
    row = wait(browser).until(lambda d: next((li for li in d.find_elements(By.CSS_SELECTOR, "#add-artist-results .result-row")
                                              if "The Test Pilots" in li.text), None))
    button = row.find_elements(By.CSS_SELECTOR, "button[aria-label='Add The Test Pilots']")
    if button:   # the library fixture may have added it first
        button[0].click()
    wait(browser, 30).until(lambda d: row.find_elements(By.CSS_SELECTOR, "a.pill"))
    row.find_element(By.CSS_SELECTOR, "a.pill").click()
    assert not browser.find_elements(By.ID, "add-artist")   # the modal closed on the way
    wait(browser).until(lambda d: re.fullmatch(r"/music/artists/\d+", path_of(d)))
    assert visible(browser, "#item-title").text == "The Test Pilots"
    album_card = wait(browser).until(lambda d: next((a for a in d.find_elements(By.CSS_SELECTOR, ".media-card a") if "First Flight" in a.text), None))
    assert browser.find_element(By.ID, "albums-album").is_displayed()
    album_card.click()
    wait(browser).until(lambda d: re.fullmatch(r"/music/albums/\d+", path_of(d)))
    wait(browser, 30).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#track-list tbody tr"))
    assert browser.find_element(By.ID, "item-title").text == "First Flight"
    tracks = browser.find_elements(By.CSS_SELECTOR, "#track-list tbody tr")
    assert len(tracks) >= 2 and all(t.find_element(By.CSS_SELECTOR, ".badge").text.lower() == "missing" for t in tracks)
    # A track's monitoring toggles from its row.
    toggle = tracks[0].find_element(By.CSS_SELECTOR, "button.toggle")
    track_id = int(toggle.get_attribute("id").split("-")[1])
    assert toggle.get_attribute("aria-pressed") == "true"
    toggle.click()
    wait(browser).until(lambda d: toggle.get_attribute("aria-pressed") == "false")
    album_id = int(path_of(browser).rsplit("/", 1)[1])
    token = browser.execute_script("return localStorage.getItem('lcars.token')")
    monitored = {t["id"]: t["monitored"] for t in ui_stack.api("GET", f"/api/tracks?album_id={album_id}", token=token).json()["items"]}
    assert monitored[track_id] is False and sum(monitored.values()) == len(monitored) - 1
    browser.save_screenshot(str(artifacts_dir / "album.png"))


def test_admin_adds_a_user_who_cannot_reach_admin_settings(browser, ui_stack, library):
    log_in(browser, ui_stack.base_url, ui_stack.admin_user, ui_stack.admin_password)
    nav(browser, "Settings")
    form = visible(browser, "#add-user-form")
    username = form.find_element(By.CSS_SELECTOR, "input[name='username']")
    password = form.find_element(By.CSS_SELECTOR, "input[name='password']")
    # Bad input: the error appears next to the field it is about, and nothing is created.
    username.send_keys("crew_member")
    password.send_keys("short")
    browser.find_element(By.ID, "add-user-submit").click()
    assert wait(browser).until(lambda d: password.find_element(By.XPATH, "following-sibling::p[contains(@class,'field-error')]").text) \
        == "Passwords have at least 8 characters"
    assert password.get_attribute("aria-invalid") == "true"
    # The server's own refusal (a taken name) lands next to the username.
    username.clear()
    username.send_keys(ui_stack.admin_user)
    password.clear()
    password.send_keys("long-enough-password")
    browser.find_element(By.ID, "add-user-submit").click()
    wait(browser).until(lambda d: username.get_attribute("aria-invalid") == "true")
    assert username.find_element(By.XPATH, "following-sibling::p[contains(@class,'field-error')]").text
    username.clear()
    username.send_keys("crew_member")
    browser.find_element(By.ID, "add-user-submit").click()
    wait(browser).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#users-list li[data-username='crew_member']"))

    nav(browser, "Dashboard")
    visible(browser, "#logout").click()
    visible(browser, "#login-form")
    log_in(browser, ui_stack.base_url, "crew_member", "long-enough-password")
    nav(browser, "Settings")
    note = visible(browser, "#settings-needs-admin")
    assert "admin" in note.text.lower()
    assert browser.find_element(By.ID, "settings-role").text.lower() == "user"
    assert not browser.find_elements(By.ID, "settings-users") and not browser.find_elements(By.ID, "settings-indexers")
    # A user may change monitoring on a movie's page but is offered no Delete (only admins delete).
    browser.get(f"{ui_stack.base_url}/movies/{library['movie']}")
    visible(browser, "#item-monitored")
    assert not browser.find_elements(By.ID, "item-delete")
    nav(browser, "Dashboard")
    visible(browser, "#logout").click()
    visible(browser, "#login-form")
    assert path_of(browser) == "/login"


def test_a_401_leads_to_login_and_back(browser, ui_stack, admin, library):
    # A deep link while logged out: the login first, then the page asked for.
    browser.get(f"{ui_stack.base_url}/tv/{library['show']}")
    visible(browser, "#login-form")
    log_in(browser, ui_stack.base_url, ui_stack.admin_user, ui_stack.admin_password, landing="show-panel")
    assert path_of(browser) == f"/tv/{library['show']}"
    # The session is revoked elsewhere; the next call answers 401 → login → back to that page.
    token = browser.execute_script("return localStorage.getItem('lcars.token')")
    assert ui_stack.api("POST", "/api/auth/logout", token=token).status_code in (200, 204)
    nav(browser, "Movies")
    visible(browser, "#login-form")
    assert "log in again" in browser.find_element(By.ID, "login-notice").text.lower()
    log_in(browser, ui_stack.base_url, ui_stack.admin_user, ui_stack.admin_password, landing="movies")
    assert path_of(browser) == "/movies"


def test_every_page_at_three_sizes(browser, ui_stack, library, local_indexer, artifacts_dir):
    pages = {
        "dashboard": ("/dashboard", "#dashboard"),
        "movies": ("/movies", "#movies-grid .media-card"),
        "movie": (f"/movies/{library['movie']}", "#item-title"),
        "tv": ("/tv", "#shows-grid .media-card"),
        "show": (f"/tv/{library['show']}", "#seasons"),
        "music": ("/music", "#artists-grid .media-card"),
        "artist": (f"/music/artists/{library['artist']}", "#albums-album"),
        "album": (f"/music/albums/{library['album']}", "#track-list"),
        "downloads": ("/downloads", "#downloads-live"),
        "settings": ("/settings", "#jobs-list li"),
    }
    folder = artifacts_dir / "pages"
    folder.mkdir(exist_ok=True)
    browser.get(ui_stack.base_url + "/login")
    for width, height in SIZES:
        set_viewport(browser, width, height)
        browser.get(ui_stack.base_url + "/login")
        visible(browser, "#login-form")
        browser.save_screenshot(str(folder / f"login-{width}x{height}.png"))
    log_in(browser, ui_stack.base_url, ui_stack.admin_user, ui_stack.admin_password)
    severe_console_entries(browser)   # drain: only what the pages themselves log counts
    problems = []
    for width, height in SIZES:
        set_viewport(browser, width, height)
        for name, (path, ready) in pages.items():
            # Through the app's router (History API) as a person clicking would; deep links are tested above.
            browser.execute_script("history.pushState(null, '', arguments[0]); dispatchEvent(new PopStateEvent('popstate'));", path)
            visible(browser, ready)
            wait(browser).until(lambda d: not d.find_elements(By.CSS_SELECTOR, "[aria-busy='true']"))
            if name == "show":
                browser.find_element(By.CSS_SELECTOR, "#season-1 summary").click()
            scroll_w, client_w = sideways_overflow(browser)
            if scroll_w > client_w:
                problems.append(f"{name} at {width}px scrolls sideways ({scroll_w} > {client_w})")
            browser.save_screenshot(str(folder / f"{name}-{width}x{height}.png"))
            if name in ("album", "show", "settings"):   # their main content is further down
                browser.execute_script("document.querySelector(arguments[0]).scrollIntoView()", ready)
                browser.save_screenshot(str(folder / f"{name}-{width}x{height}-content.png"))
            for entry in severe_console_entries(browser):
                problems.append(f"{name} at {width}px: {entry['message']}")
            problems += axe_findings(browser, f"{name} at {width}px")
    assert problems == [], "\n".join(problems)


def axe_findings(driver, where):
    """axe-core's serious and critical violations (contrast, names, roles …) on the page as it is."""
    axe = Axe(driver)
    axe.inject()
    results = axe.run()
    return [f"{where}: axe {v['id']} ({v['impact']}): {v['help']} — " + "; ".join(n["target"][0] for n in v["nodes"][:4] if n.get("target"))
            for v in results["violations"] if v["impact"] in ("serious", "critical")]


def test_dashboard_counts_the_library(browser, ui_stack, admin, library):
    log_in(browser, ui_stack.base_url, ui_stack.admin_user, ui_stack.admin_password)
    stats = visible(browser, "#library-stats")
    expected = {label: ui_stack.api("GET", f"/api/{path}?limit=1", token=admin).json()["total"]
                for label, path in (("movies", "movies"), ("shows", "tv"), ("artists", "artists"), ("albums", "albums"))}
    assert expected["shows"] >= 1 and expected["albums"] >= 2
    cards = lambda: {c.find_element(By.CSS_SELECTOR, ".counter-label").text.lower(): c.find_element(By.CSS_SELECTOR, ".counter-value").text
                     for c in stats.find_elements(By.CSS_SELECTOR, ".stat-card")}
    wait(browser).until(lambda d: "…" not in cards().values())
    assert {k: int(cards()[k]) for k in expected} == expected
    stats.find_element(By.XPATH, ".//a[.//span[contains(translate(., 'SHOW', 'show'), 'shows')]]").click()
    wait(browser).until(lambda d: path_of(d) == "/tv")


def test_dashboard_shows_recent_additions_and_disk_space_to_a_user(browser, ui_stack, admin, library):
    ui_stack.login_new_user(admin, "dashuser", "dash-user-pw")
    expected = ui_stack.api("GET", "/api/library/summary", token=admin).json()
    assert expected["recent"] and expected["mounts"]
    log_in(browser, ui_stack.base_url, "dashuser", "dash-user-pw")
    recent = visible(browser, "#recent-additions")
    wait(browser).until(lambda d: recent.find_elements(By.CSS_SELECTOR, ".recent-item"))
    shown = [a.text for a in recent.find_elements(By.CSS_SELECTOR, ".recent-title")]
    assert [t.upper() for t in shown] == [r["title"].upper() for r in expected["recent"]]
    with_poster = [r for r in expected["recent"] if "poster" in r]
    assert with_poster   # the Star Trek poster: its thumbnail loads from our origin
    thumbs = recent.find_elements(By.CSS_SELECTOR, "img.recent-thumb")
    assert [t.get_attribute("src") for t in thumbs] == [ui_stack.base_url + r["poster"] for r in with_poster]
    wait(browser).until(lambda d: all(d.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", t) for t in thumbs))
    disk = visible(browser, "#disk-space")
    wait(browser).until(lambda d: disk.find_elements(By.CSS_SELECTOR, ".mount-item"))
    mounts = {m.get_attribute("data-mount"): m for m in disk.find_elements(By.CSS_SELECTOR, ".mount-item")}
    assert set(mounts) == {m["name"] for m in expected["mounts"]}
    assert "FREE OF" in mounts["local"].text.upper() and mounts["nas"].get_attribute("data-available") == "false"
    recent.find_element(By.CSS_SELECTOR, ".recent-title").click()
    first = expected["recent"][0]
    wait(browser).until(lambda d: path_of(d) == {"movie": "/movies/", "tv": "/tv/", "artist": "/music/artists/"}[first["type"]] + str(first["id"]))


def test_posters_and_covers_load_from_our_origin(browser, ui_stack, admin, library):
    log_in(browser, ui_stack.base_url, ui_stack.admin_user, ui_stack.admin_password)
    browser.get(ui_stack.base_url + "/movies")
    visible(browser, "#movies")
    link = wait(browser).until(lambda d: d.find_element(By.CSS_SELECTOR, f"a.media-link[href='/movies/{library['movie']}']"))
    img = wait(browser).until(lambda d: link.find_element(By.CSS_SELECTOR, "img.poster-image"))
    wait(browser).until(lambda d: d.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", img))
    assert img.get_attribute("src") == ui_stack.base_url + "/api/images/tmdb/w500/star-trek-2009.jpg"
    assert browser.execute_script("return arguments[0].naturalWidth", img) == 20   # the fixture's 20x30 JPEG
    # The detail page shows it too; an album's cover on its page as well.
    browser.get(f"{ui_stack.base_url}/movies/{library['movie']}")
    big = wait(browser).until(lambda d: d.find_element(By.CSS_SELECTOR, ".media-header img.poster-image"))
    wait(browser).until(lambda d: d.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", big))
    browser.get(f"{ui_stack.base_url}/music/albums/{library['album']}")
    cover = wait(browser).until(lambda d: d.find_element(By.CSS_SELECTOR, ".media-header img.poster-image"))
    wait(browser).until(lambda d: d.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", cover))
    assert cover.get_attribute("src").startswith(ui_stack.base_url + "/api/images/caa/")
    # No image at all: the placeholder's initials, no <img>.
    quiet = get_or_add(ui_stack, admin, "/api/movies", {"tmdb_id": 900001})
    assert "poster_path" not in ui_stack.api("GET", f"/api/movies/{quiet}", token=admin).json()
    browser.get(f"{ui_stack.base_url}/movies/{quiet}")
    header = visible(browser, ".media-header")
    assert not header.find_elements(By.CSS_SELECTOR, "img") and header.find_element(By.CSS_SELECTOR, ".poster-initials").text
    assert severe_console_entries(browser) == []   # no CSP report, no failed image
    # An image that fails to load (the service has none: 404): the placeholder shows again.
    sql(ui_stack, "UPDATE movies SET poster_path = 'http://x/t/p/w500/gone-missing.jpg' WHERE id = ?", quiet)
    try:
        browser.get(f"{ui_stack.base_url}/movies/{quiet}")
        header = visible(browser, ".media-header")
        wait(browser).until(lambda d: not header.find_elements(By.CSS_SELECTOR, "img"))
        assert header.find_element(By.CSS_SELECTOR, ".poster-initials").is_displayed()
    finally:
        sql(ui_stack, "UPDATE movies SET poster_path = NULL WHERE id = ?", quiet)


def test_admin_deletes_a_movie_after_confirming(browser, ui_stack, admin):
    movie = get_or_add(ui_stack, admin, "/api/movies", {"tmdb_id": 900002})
    log_in(browser, ui_stack.base_url, ui_stack.admin_user, ui_stack.admin_password)
    browser.get(f"{ui_stack.base_url}/movies/{movie}")
    visible(browser, "#item-delete").click()
    dialog = visible(browser, "#confirm-dialog")
    assert browser.switch_to.active_element.get_attribute("id") == "confirm-dialog-cancel"   # the safe choice has focus
    browser.find_element(By.ID, "confirm-dialog-cancel").click()
    wait(browser).until(lambda d: not d.find_elements(By.ID, "confirm-dialog"))
    assert ui_stack.api("GET", f"/api/movies/{movie}", token=admin).status_code == 200   # cancelled: still there
    browser.find_element(By.ID, "item-delete").click()
    visible(browser, "#confirm-dialog-option").click()
    browser.find_element(By.ID, "confirm-dialog-ok").click()
    wait(browser).until(lambda d: path_of(d) == "/movies")
    assert ui_stack.api("GET", f"/api/movies/{movie}", token=admin).status_code == 404
    assert dialog is not None


def test_keyboard_alone_adds_through_the_modal_and_logs_out(browser, ui_stack):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys
    log_in(browser, ui_stack.base_url, ui_stack.admin_user, ui_stack.admin_password)
    nav(browser, "TV")
    visible(browser, "#shows")
    keys = lambda *k: ActionChains(browser).send_keys(*k).perform()
    focused = lambda: browser.switch_to.active_element
    for _ in range(40):
        keys(Keys.TAB)
        if focused().get_attribute("id") == "shows-add":
            break
    else:
        pytest.fail("Tab never reached the Add show button")
    # Focus is visible: the focused control draws an outline.
    assert browser.execute_script("const s = getComputedStyle(document.activeElement); return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0")
    keys(Keys.ENTER)
    visible(browser, "#add-show")
    assert focused().get_attribute("name") == "q"   # the dialog put the cursor in its search field
    keys("deep space", Keys.ENTER)
    row = wait(browser).until(lambda d: next((li for li in d.find_elements(By.CSS_SELECTOR, "#add-show-results .result-row") if "Deep Space Relay" in li.text), None))
    assert row.find_elements(By.CSS_SELECTOR, "a.pill, button")
    keys(Keys.ESCAPE)
    wait(browser).until(lambda d: not d.find_elements(By.ID, "add-show"), "Escape did not close the dialog")
    # Settings → Log out, by keyboard too.
    nav(browser, "Settings")
    visible(browser, "#settings-logout").send_keys(Keys.ENTER)
    visible(browser, "#login-form")
    assert browser.execute_script("return localStorage.getItem('lcars.token')") is None


def test_episode_search_shows_why_releases_do_not_fit(browser, ui_stack, library, local_indexer):
    log_in(browser, ui_stack.base_url, ui_stack.admin_user, ui_stack.admin_password)
    browser.get(f"{ui_stack.base_url}/tv/{library['show']}")
    visible(browser, "#season-1 summary").click()
    visible(browser, "button[aria-label='Search releases for S01E01']").click()
    # The local indexer only has Star Trek: every release comes back, each rejected with its reason.
    rows = wait(browser, 30).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#episode-1-1 .release-list > li"))
    assert rows and all("release--rejected" in r.get_attribute("class") for r in rows)
    assert all("wrong_title" in r.text for r in rows), [r.text for r in rows]
    assert all(r.find_element(By.CSS_SELECTOR, "button").text.lower() == "grab anyway" for r in rows)


def test_settings_indexers_and_jobs(browser, ui_stack, admin, indexer_sites, artifacts_dir):
    log_in(browser, ui_stack.base_url, ui_stack.admin_user, ui_stack.admin_password)
    nav(browser, "Settings")
    form = visible(browser, "#add-indexer-form")
    field = lambda name: form.find_element(By.CSS_SELECTOR, f"[name='{name}']")
    error_of = lambda name: field(name).find_element(By.XPATH, "following-sibling::p[contains(@class,'field-error')]").text
    field("name").send_keys("localfeed")
    field("url").send_keys("ftp://nowhere.example/feed")
    form.find_element(By.CSS_SELECTOR, "button[type='submit']").click()
    wait(browser).until(lambda d: error_of("url"), "the refused URL got no error next to its field")
    assert "url" in error_of("url").lower()
    assert not [i for i in ui_stack.api("GET", "/api/indexers", token=admin).json() if i["name"] == "localfeed"]
    field("url").clear()
    field("url").send_keys(indexer_sites.torznab("localfeed", releases=[("Star.Trek.2009.720p.WEB-DL-X", "e5" * 20, 5, 3_000_000_000)]))
    form.find_element(By.CSS_SELECTOR, "button[type='submit']").click()
    row = wait(browser).until(lambda d: next(iter(d.find_elements(By.CSS_SELECTOR, "#indexers-list li[data-indexer='localfeed']")), None))
    row.find_element(By.CSS_SELECTOR, "button[aria-label='Test localfeed']").click()
    wait(browser, 20).until(lambda d: "ms)" in row.text, "the indexer test never reported")
    assert "ok:" in row.text.lower(), row.text

    # Edit its priority and categories: a priority out of range is refused next to its field and
    # nothing changes; a valid edit is saved and the row's summary follows.
    stored = lambda: next(i for i in ui_stack.api("GET", "/api/indexers", token=admin).json() if i["name"] == "localfeed")
    before = stored()
    priority = row.find_element(By.CSS_SELECTOR, "input[type='number']")
    save = row.find_element(By.CSS_SELECTOR, "button[aria-label='Save localfeed']")
    priority.clear()
    priority.send_keys("0")
    save.click()
    wait(browser).until(lambda d: priority.get_attribute("aria-invalid") == "true", "the refused priority got no error next to its field")
    assert "priority" in priority.find_element(By.XPATH, "following-sibling::p[contains(@class,'field-error')]").text.lower()
    assert stored()["priority"] == before["priority"] and stored()["categories"] == before["categories"]
    priority.clear()
    priority.send_keys("7")
    music = row.find_element(By.XPATH, ".//label[contains(@class,'check-row')][.//span[text()='music']]//input")
    assert music.is_selected() == ("music" in before["categories"])
    if music.is_selected():
        music.click()
    save.click()
    wait(browser).until(lambda d: "Saved" in row.text, row.text)
    after = stored()
    assert after["priority"] == 7 and "music" not in after["categories"] and after["categories"], after
    assert "priority 7" in row.text.lower() and after.get("api_key") == before.get("api_key")   # the key was left alone
    browser.execute_script("arguments[0].scrollIntoView()", row)
    browser.save_screenshot(str(artifacts_dir / "settings-indexer-edited.png"))

    job = visible(browser, "#jobs-list li[data-job='refresh_metadata']")
    assert "0 0" in job.text or "*" in job.text   # its cron schedule is shown
    job.find_element(By.CSS_SELECTOR, "button").click()
    wait(browser, 20).until(lambda d: "succeeded" in d.find_element(By.CSS_SELECTOR, "#jobs-list li[data-job='refresh_metadata']").text.lower()
                            or "running" in d.find_element(By.CSS_SELECTOR, "#jobs-list li[data-job='refresh_metadata']").text.lower())
    runs = [j for j in ui_stack.api("GET", "/api/system/jobs", token=admin).json() if j["name"] == "refresh_metadata"]
    assert runs[0].get("last_run"), runs
