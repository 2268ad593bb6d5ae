"""Browser tests for the Downloads screen and the live event stream (static/js/pages/downloads/downloads.js
and its parts download-add.js, download-files.js, download-status.js; static/js/core/events.js) against the real stack: nginx → lcars-fcgi → lcarsd, and lcarsd's SSE
stream through nginx.

Same setup as test_browser.py: Debian's headless chromium through selenium, driver path given
explicitly (Selenium Manager never downloads anything). Torrents are magnets for random info
hashes nobody seeds, on a session with DHT/LSD off (conftest.py): they stay at 0 % forever, which
is exactly what pausing, resuming and removing need.

Fixtures from conftest.py: stack (session-scoped real stack), make_stack (extra stacks),
artifacts_dir (screenshots).
"""

import base64
import secrets
import uuid
from urllib.parse import urlparse

import pytest
from selenium.common.exceptions import StaleElementReferenceException, TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from browser_session import chromium
from swarm import LocalSwarm

WAIT_S = 15
DESKTOP = (1280, 800)
PHONE = (390, 844)
MB = 1024 * 1024
# Status pill colours: the spec's --status-* variables, LCARS colours for the states it has none for.
STATUS_RGB = {
    "queued": "rgb(153, 153, 204)",       # --lcars-lavender
    "downloading": "rgb(102, 153, 204)",  # --status-downloading
    "seeding": "rgb(153, 153, 255)",      # --lcars-blue
    "completed": "rgb(102, 204, 102)",    # --status-available
    "failed": "rgb(204, 102, 102)",       # --status-missing
    "paused": "rgb(204, 153, 102)",       # --lcars-tan (a user's pause)
}

# Injected before the app's scripts (DevTools, so the page's CSP does not apply to it): keeps every
# EventSource the app opens, and the ids carried by download:added / download:removed frames the
# browser really received, so the tests can tell "arrived over the stream" from "polled".
RECORD_EVENT_SOURCES = """
window.__lcarsStreams = [];
window.__lcarsAdded = [];
window.__lcarsRemoved = [];
const NativeEventSource = window.EventSource;
window.EventSource = class extends NativeEventSource {
  constructor(url, init) {
    super(url, init);
    window.__lcarsStreams.push(this);
    this.addEventListener('download:added', (e) => window.__lcarsAdded.push(JSON.parse(e.data).id));
    this.addEventListener('download:removed', (e) => window.__lcarsRemoved.push(JSON.parse(e.data).id));
  }
};
"""


# ---------------------------------------------------------------- fixtures

@pytest.fixture
def browser(request, artifacts_dir):
    """A fresh headless chromium per test, recording EventSources and the console (for CSP reports)."""
    with chromium(request, artifacts_dir, record_console=True, init_script=RECORD_EVENT_SOURCES) as driver:
        yield driver


@pytest.fixture(scope="module")
def admin_api_token(stack):
    """An API session of its own, separate from any browser session."""
    return stack.login()


# ---------------------------------------------------------------- helpers

def wait(driver, timeout=WAIT_S):
    # Live updates re-render rows and file lists: an element found a moment ago may be replaced
    # before it is read, which is a reason to look again, not a failure.
    return WebDriverWait(driver, timeout, ignored_exceptions=[StaleElementReferenceException])


def set_viewport(driver, width, height):
    """Exact CSS viewport (see test_browser.py: mobile=False so overflow is not hidden)."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": False,
    })
    wait(driver).until(lambda d: d.execute_script("return window.innerWidth") == width,
                       f"viewport never became {width}px wide")


def assert_no_horizontal_overflow(driver, width):
    scroll_width, inner_width, client_width = driver.execute_script(
        "const el = document.documentElement; return [el.scrollWidth, window.innerWidth, el.clientWidth];")
    assert inner_width == width
    assert scroll_width <= client_width, f"horizontal overflow at {width}px: {scroll_width} > {client_width}"


def login(driver, base_url, username, password):
    driver.get(base_url + "/")
    wait(driver).until(EC.visibility_of_element_located((By.ID, "login-form")))
    driver.find_element(By.ID, "login-username").send_keys(username)
    driver.find_element(By.ID, "login-password").send_keys(password)
    driver.find_element(By.ID, "login-submit").click()
    try:
        wait(driver).until(EC.visibility_of_element_located((By.ID, "dashboard")))
    except TimeoutException:
        pytest.fail(f"dashboard did not appear after logging in as {username!r}: "
                    f"{driver.find_element(By.ID, 'login-error').text!r}")


def open_downloads(driver):
    """Through the sidebar, as a user would (no page load)."""
    pill = driver.find_element(By.CSS_SELECTOR, "nav button[data-route='/downloads']")
    assert pill.get_attribute("aria-disabled") is None, "the Downloads pill is still disabled"
    pill.click()
    wait(driver).until(EC.visibility_of_element_located((By.ID, "downloads")))
    assert path_of(driver) == "/downloads"
    assert pill.get_attribute("aria-current") == "page"
    # Which buttons a row gets depends on the role, known once /api/auth/me has answered.
    wait(driver).until(lambda d: d.find_element(By.ID, "downloads").get_attribute("data-role") in ("admin", "user"),
                       "the downloads view never learnt the user's role")


def wait_live(driver, what="the live event stream to open"):
    try:
        wait(driver).until(lambda d: d.find_element(By.ID, "downloads-live").get_attribute("data-state") == "open")
    except TimeoutException:
        pytest.fail(f"timed out waiting for {what}: #downloads-live is "
                    f"{driver.find_element(By.ID, 'downloads-live').get_attribute('data-state')!r}")


def path_of(driver):
    return urlparse(driver.current_url).path


def new_magnet(label):
    info_hash = secrets.token_hex(20)
    name = f"{label}-{info_hash[:8]}"
    return info_hash, name, f"magnet:?xt=urn:btih:{info_hash}&dn={name}"


def api_download_by_hash(stack, token, info_hash):
    r = stack.api("GET", "/api/downloads", token=token)
    assert r.status_code == 200, r.text
    return next((d for d in r.json() if d["info_hash"].lower() == info_hash), None)


def row(driver, download_id):
    return driver.find_element(By.ID, f"download-{download_id}")


def row_status(driver, download_id):
    rows = driver.find_elements(By.ID, f"download-{download_id}")
    return rows[0].get_attribute("data-status") if rows else None


def wait_row_status(driver, download_id, statuses, what, timeout=WAIT_S):
    try:
        wait(driver, timeout).until(lambda d: row_status(d, download_id) in statuses)
    except TimeoutException:
        pytest.fail(f"{what}: row {download_id} status stayed {row_status(driver, download_id)!r}, wanted {statuses}")


def action_buttons(driver, download_id):
    """Read in one script: the buttons are rebuilt when the status (or the role) changes."""
    return driver.execute_script(
        "const row = document.getElementById(arguments[0]);"
        "return row ? [...row.querySelectorAll('button[data-action]')].map(b => b.dataset.action) : null;",
        f"download-{download_id}")


def pill_colour(driver, download_id):
    el = row(driver, download_id).find_element(By.CSS_SELECTOR, ".dl-status")
    return driver.execute_script("return getComputedStyle(arguments[0]).backgroundColor", el)


def assert_pill_matches_status(driver, download_id):
    """Status and colour read together: a live update between two reads must not confuse them."""
    status, colour = driver.execute_script(
        "const r = document.getElementById(arguments[0]);"
        "return [r.dataset.status, getComputedStyle(r.querySelector('.dl-status')).backgroundColor];",
        f"download-{download_id}")
    assert colour == STATUS_RGB[status], (status, colour)


def add_through_form(driver, magnet):
    field = driver.find_element(By.ID, "download-magnet")
    field.clear()
    field.send_keys(magnet)
    driver.find_element(By.ID, "download-add-submit").click()


def add_error(driver):
    el = driver.find_element(By.ID, "download-add-error")
    return el.get_attribute("data-code"), el.text


def single_file_torrent(name):
    """A valid one-piece .torrent (bencoded by hand: keys sorted, byte strings length-prefixed)."""
    def b(text):
        raw = text if isinstance(text, bytes) else text.encode()
        return str(len(raw)).encode() + b":" + raw
    info = (b"d" + b(b"length") + b"i16384e" + b(b"name") + b(name) + b(b"piece length") + b"i16384e"
            + b(b"pieces") + b(secrets.token_bytes(20)) + b"e")
    return b"d" + b(b"info") + info + b"e"


def csp_violations(driver):
    return [e["message"] for e in driver.get_log("browser")
            if "Content Security Policy" in e["message"] or "Refused to" in e["message"]]


# ---------------------------------------------------------------- tests

def test_add_pause_resume_remove_and_live_rows(browser, stack, admin_api_token, artifacts_dir):
    set_viewport(browser, *DESKTOP)
    login(browser, stack.base_url, stack.admin_user, stack.admin_password)
    open_downloads(browser)
    wait_live(browser)
    # Set once: if anything below reloads the page, this disappears.
    browser.execute_script("window.__noReload = 'still-here';")

    # --- add a magnet through the form
    info_hash, name, magnet = new_magnet("Test")
    add_through_form(browser, magnet)
    try:
        created = wait(browser).until(lambda d: api_download_by_hash(stack, admin_api_token, info_hash))
    except TimeoutException:
        pytest.fail(f"the server never got the download; form error: {add_error(browser)}")
    dl_id = created["id"]
    wait(browser).until(EC.visibility_of_element_located((By.ID, f"download-{dl_id}")),
                        "the added download never showed up as a row")
    assert name in row(browser, dl_id).text
    assert name in browser.find_element(By.ID, "download-add-notice").text
    assert add_error(browser)[1] == ""
    assert browser.find_element(By.ID, "download-magnet").get_attribute("value") == ""
    wait_row_status(browser, dl_id, ("queued", "downloading"), "a fresh magnet")
    assert "pause" in action_buttons(browser, dl_id)
    assert "resume" not in action_buttons(browser, dl_id)
    assert "remove" in action_buttons(browser, dl_id)   # admin
    assert_pill_matches_status(browser, dl_id)
    browser.save_screenshot(str(artifacts_dir / "downloads-desktop.png"))
    assert_no_horizontal_overflow(browser, DESKTOP[0])

    # --- pause (mouse)
    row(browser, dl_id).find_element(By.CSS_SELECTOR, "button[data-action='pause']").click()
    wait_row_status(browser, dl_id, ("paused",), "after Pause")
    pill = row(browser, dl_id).find_element(By.CSS_SELECTOR, ".dl-status")
    assert pill.text.strip().lower() == "paused", pill.text
    assert pill_colour(browser, dl_id) == STATUS_RGB["paused"]
    server = stack.api("GET", f"/api/downloads/{dl_id}", token=admin_api_token).json()
    assert (server["status"], server["paused_by"]) == ("paused", "user")
    assert action_buttons(browser, dl_id) == ["resume", "remove"]

    # --- the status filter
    browser.find_element(By.CSS_SELECTOR, "#download-filter button[data-filter='paused']").click()
    assert row(browser, dl_id).is_displayed()
    browser.find_element(By.CSS_SELECTOR, "#download-filter button[data-filter='downloading']").click()
    assert not row(browser, dl_id).is_displayed()
    all_button = browser.find_element(By.CSS_SELECTOR, "#download-filter button[data-filter='all']")
    all_button.click()
    assert all_button.get_attribute("aria-pressed") == "true"
    assert row(browser, dl_id).is_displayed()

    # --- resume (keyboard only: focus the button, press Enter)
    resume = row(browser, dl_id).find_element(By.CSS_SELECTOR, "button[data-action='resume']")
    browser.execute_script("arguments[0].focus()", resume)
    assert browser.switch_to.active_element == resume
    browser.switch_to.active_element.send_keys(Keys.ENTER)
    wait_row_status(browser, dl_id, ("queued", "downloading"), "after Resume")
    server = stack.api("GET", f"/api/downloads/{dl_id}", token=admin_api_token).json()
    assert server["status"] in ("queued", "downloading") and server["paused_by"] is None, server
    assert "pause" in action_buttons(browser, dl_id)
    # The keyboard user is not thrown out of the row: focus lands on the button that replaced Resume.
    wait(browser).until(lambda d: d.switch_to.active_element.get_attribute("data-action") == "pause",
                        "focus left the row after Resume")

    # --- an invalid magnet: the parser's own reason, inline, and no new row
    bad_magnet = "magnet:?xt=urn:btih:zzzz"
    reason = stack.api("POST", "/api/downloads", token=admin_api_token, json={"magnet": bad_magnet}).json()["error"]["message"]
    assert reason
    rows_before = len(browser.find_elements(By.CSS_SELECTOR, "#downloads-body tr"))
    add_through_form(browser, bad_magnet)
    wait(browser).until(lambda d: add_error(d)[0] == "invalid_magnet", "no invalid_magnet error shown")
    detail = browser.find_element(By.CSS_SELECTOR, "#download-add-error .alert-detail").text
    assert detail == reason, (detail, reason)
    assert browser.find_element(By.ID, "download-add-error").is_displayed()
    assert len(browser.find_elements(By.CSS_SELECTOR, "#downloads-body tr")) == rows_before
    browser.save_screenshot(str(artifacts_dir / "downloads-invalid-magnet.png"))

    # --- the same torrent again: 409 duplicate, named
    add_through_form(browser, magnet)
    wait(browser).until(lambda d: add_error(d)[0] == "duplicate", "no duplicate error shown")
    assert name in add_error(browser)[1]

    # --- added elsewhere (REST API, not this page): arrives over the event stream, no reload
    _, live_name, live_magnet = new_magnet("Live")
    r = stack.api("POST", "/api/downloads", token=admin_api_token, json={"magnet": live_magnet})
    assert r.status_code == 201, r.text
    live_id = r.json()["id"]
    wait(browser).until(EC.visibility_of_element_located((By.ID, f"download-{live_id}")),
                        "a download added through the API never appeared in the open page")
    assert live_name in row(browser, live_id).text
    assert live_id in browser.execute_script("return window.__lcarsAdded"), \
        "the row appeared, but no download:added event reached the browser"
    assert browser.execute_script("return window.__noReload") == "still-here"

    # --- phone width with rows
    set_viewport(browser, *PHONE)
    wait(browser).until(EC.visibility_of_element_located((By.ID, f"download-{live_id}")))
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", row(browser, live_id))
    browser.save_screenshot(str(artifacts_dir / "downloads-phone.png"))
    assert_no_horizontal_overflow(browser, PHONE[0])
    pause_button = row(browser, live_id).find_element(By.CSS_SELECTOR, "button[data-action='pause']")
    assert pause_button.is_displayed()
    assert pause_button.rect["x"] >= 0 and pause_button.rect["x"] + pause_button.rect["width"] <= PHONE[0]
    set_viewport(browser, *DESKTOP)

    # --- remove as admin, with its files, through the confirmation dialog
    row(browser, dl_id).find_element(By.CSS_SELECTOR, "button[data-action='remove']").click()
    dialog = browser.find_element(By.ID, "remove-dialog")
    wait(browser).until(lambda d: dialog.is_displayed(), "the remove confirmation never opened")
    assert name in dialog.text
    delete_files = browser.find_element(By.ID, "remove-delete-files")
    assert not delete_files.is_selected()
    delete_files.click()
    assert delete_files.is_selected()
    browser.save_screenshot(str(artifacts_dir / "downloads-remove-dialog.png"))
    browser.find_element(By.ID, "remove-confirm").click()
    wait(browser).until(lambda d: not d.find_elements(By.ID, f"download-{dl_id}"), "the removed row stayed")
    assert not dialog.is_displayed()
    assert stack.api("GET", f"/api/downloads/{dl_id}", token=admin_api_token).status_code == 404

    # --- removed elsewhere: the row goes by itself
    r = stack.api("DELETE", f"/api/downloads/{live_id}", token=admin_api_token)
    assert r.status_code == 200, r.text
    wait(browser).until(lambda d: not d.find_elements(By.ID, f"download-{live_id}"),
                        "a download removed through the API stayed in the open page")
    assert live_id in browser.execute_script("return window.__lcarsRemoved")
    assert browser.execute_script("return window.__noReload") == "still-here"
    assert csp_violations(browser) == []


def test_add_from_torrent_file(browser, stack, admin_api_token, tmp_path):
    login(browser, stack.base_url, stack.admin_user, stack.admin_password)
    open_downloads(browser)
    file_input = browser.find_element(By.ID, "download-file")

    # Garbage first: the server's reason for refusing the file is shown.
    bad = tmp_path / "broken.torrent"
    bad.write_bytes(b"d8:announce3:foo4:info")
    file_input.send_keys(str(bad))
    browser.find_element(By.ID, "download-add-submit").click()
    wait(browser).until(lambda d: add_error(d)[0] == "invalid_torrent", "no invalid_torrent error shown")
    assert "torrent" in add_error(browser)[1].lower()

    # Both a magnet and a file: refused before anything is sent.
    browser.find_element(By.ID, "download-magnet").send_keys(new_magnet("Both")[2])
    browser.find_element(By.ID, "download-add-submit").click()
    wait(browser).until(lambda d: add_error(d)[0] == "both", "giving a magnet and a file was not refused")
    browser.find_element(By.ID, "download-magnet").clear()

    name = f"FromFile-{uuid.uuid4().hex[:8]}.bin"
    good = tmp_path / "good.torrent"
    good.write_bytes(single_file_torrent(name))
    file_input.clear()
    file_input.send_keys(str(good))
    browser.find_element(By.ID, "download-add-submit").click()
    try:
        created = wait(browser).until(lambda d: next(
            (x for x in stack.api("GET", "/api/downloads", token=admin_api_token).json() if x["name"] == name), None))
    except TimeoutException:
        pytest.fail(f"the .torrent upload never became a download; form error: {add_error(browser)}")
    try:
        wait(browser).until(EC.visibility_of_element_located((By.ID, f"download-{created['id']}")))
        assert name in row(browser, created["id"]).text
        assert created["size_bytes"] == 16384, created   # the file's own metadata, not a magnet's
        size_text = row(browser, created["id"]).find_element(By.CSS_SELECTOR, ".dl-cell-size").text
        assert size_text.strip().upper() == "16.0 KIB", size_text
        assert browser.find_element(By.ID, "download-file").get_attribute("value") == ""

        # Dropped onto the form (as from a file manager): same path, no file dialog.
        dropped_name = f"Dropped-{uuid.uuid4().hex[:8]}.bin"
        browser.execute_script(
            "const bytes = Uint8Array.from(atob(arguments[0]), c => c.charCodeAt(0));"
            "const dt = new DataTransfer(); dt.items.add(new File([bytes], 'dropped.torrent'));"
            "const form = document.getElementById('download-add-form');"
            "form.dispatchEvent(new DragEvent('dragover', {dataTransfer: dt, bubbles: true, cancelable: true}));"
            "form.dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));",
            base64.b64encode(single_file_torrent(dropped_name)).decode())
        assert browser.execute_script("return document.getElementById('download-file').files[0].name") == "dropped.torrent"
        browser.find_element(By.ID, "download-add-submit").click()
        dropped = wait(browser).until(lambda d: next(
            (x for x in stack.api("GET", "/api/downloads", token=admin_api_token).json() if x["name"] == dropped_name), None),
            f"the dropped .torrent never became a download: {add_error(browser)}")
        stack.api("DELETE", f"/api/downloads/{dropped['id']}?delete_files=true", token=admin_api_token)
    finally:
        stack.api("DELETE", f"/api/downloads/{created['id']}?delete_files=true", token=admin_api_token)


def test_user_role_has_no_remove(browser, stack, admin_api_token):
    username = f"dlviewer_{uuid.uuid4().hex[:8]}"
    password = f"Viewer-{uuid.uuid4().hex}"
    r = stack.api("POST", "/api/users", token=admin_api_token,
                  json={"username": username, "password": password, "role": "user"})
    assert r.status_code == 201, r.text
    info_hash, name, magnet = new_magnet("UserView")
    r = stack.api("POST", "/api/downloads", token=admin_api_token, json={"magnet": magnet})
    assert r.status_code == 201, r.text
    dl_id = r.json()["id"]
    try:
        login(browser, stack.base_url, username, password)
        open_downloads(browser)
        wait(browser).until(EC.visibility_of_element_located((By.ID, f"download-{dl_id}")))
        wait_live(browser)
        assert browser.find_element(By.ID, "downloads").get_attribute("data-role") == "user"
        wait(browser).until(lambda d: "pause" in action_buttons(d, dl_id))
        assert "remove" not in action_buttons(browser, dl_id)
        assert browser.find_elements(By.CSS_SELECTOR, "#downloads-body button[data-action='remove']") == []
        # The dashboard's summary lists it among the active transfers.
        browser.find_element(By.CSS_SELECTOR, "nav button[data-route='/dashboard']").click()
        # Read inside the wait: the list is repainted on every progress event.
        wait(browser).until(lambda d: name in d.find_element(By.CSS_SELECTOR, f"#active-list li[data-id='{dl_id}']").text,
                            "the dashboard's active downloads do not list the download")
        # ... and tells a user (who may not read System status) how torrents are routed.
        wait(browser).until(lambda d: d.find_element(By.ID, "active-vpn").get_attribute("data-vpn") == "off",
                            "the dashboard never showed the VPN state from system:status")
    finally:
        stack.api("DELETE", f"/api/downloads/{dl_id}", token=admin_api_token)


def test_stream_reconnects_with_a_new_ticket_and_closes_on_logout(browser, stack):
    login(browser, stack.base_url, stack.admin_user, stack.admin_password)
    open_downloads(browser)
    wait_live(browser)
    streams = browser.execute_script("return window.__lcarsStreams.map(s => [s.url, s.readyState])")
    assert len(streams) == 1 and streams[0][1] == 1, streams   # one open stream (OPEN = 1)
    assert "ticket=" in streams[0][0]
    assert "Bearer" not in streams[0][0] and "eyJ" not in streams[0][0], "the login token leaked into the URL"
    # The frame gets the first system:status (right after the stream opens): no interface
    # configured → "VPN off", no banner.
    wait(browser).until(lambda d: d.find_element(By.ID, "frame-link").get_attribute("data-vpn") == "off",
                        "the frame never showed the VPN state from system:status")
    assert not browser.find_element(By.ID, "vpn-banner").is_displayed()

    # A dropped connection: the app must close it and come back on a NEW ticket.
    browser.execute_script("window.__lcarsStreams[0].dispatchEvent(new Event('error'))")
    wait(browser).until(lambda d: d.execute_script("return window.__lcarsStreams.length") >= 2,
                        "no reconnection after the stream failed")
    wait_live(browser, "the stream to reopen")
    streams = browser.execute_script("return window.__lcarsStreams.map(s => [s.url, s.readyState])")
    assert streams[0][1] == 2, streams                 # the failed one is closed (CLOSED = 2)
    assert streams[-1][1] == 1, streams
    assert streams[-1][0] != streams[0][0], "reconnected with the spent ticket"

    # Logout closes the stream.
    browser.find_element(By.CSS_SELECTOR, "nav button[data-route='/dashboard']").click()
    wait(browser).until(EC.element_to_be_clickable((By.ID, "logout"))).click()
    wait(browser).until(EC.visibility_of_element_located((By.ID, "login-form")))
    states = browser.execute_script("return window.__lcarsStreams.map(s => s.readyState)")
    assert states and all(s == 2 for s in states), f"an event stream outlived the session: {states}"
    assert csp_violations(browser) == []


def test_vpn_down_banner_and_held_download(browser, make_stack, artifacts_dir):
    # A configured interface that does not exist: lcarsd's kill switch holds every torrent.
    s = make_stack({"LCARS_TORRENT__BIND_INTERFACE": "lcarsnone0", "LCARS_TORRENT__LISTEN_ADDRESS": ""})
    token = s.login()
    set_viewport(browser, *DESKTOP)
    login(browser, s.base_url, s.admin_user, s.admin_password)
    banner = browser.find_element(By.ID, "vpn-banner")
    wait(browser).until(lambda d: banner.is_displayed(), "no VPN-down banner although the interface is missing")
    assert "lcarsnone0" in banner.text
    assert "vpn down" in banner.text.lower()
    assert browser.find_element(By.ID, "frame-link").get_attribute("data-vpn") == "down"
    active_vpn = browser.find_element(By.ID, "active-vpn")
    assert active_vpn.get_attribute("data-vpn") == "down" and "lcarsnone0" in active_vpn.text, active_vpn.text
    browser.save_screenshot(str(artifacts_dir / "dashboard-vpn-down.png"))

    open_downloads(browser)
    wait_live(browser)
    info_hash, name, magnet = new_magnet("Held")
    add_through_form(browser, magnet)
    created = wait(browser).until(lambda d: api_download_by_hash(s, token, info_hash))
    dl_id = created["id"]
    wait(browser).until(lambda d: d.find_elements(By.ID, f"download-{dl_id}") and
                        row(d, dl_id).get_attribute("data-paused-by") == "vpn",
                        "the held download is not shown as paused by the VPN")
    text = row(browser, dl_id).text.lower()
    assert "vpn" in text and "waiting for the vpn" in text, text
    # A VPN hold is not resumable by hand; pausing it keeps it paused after the VPN returns.
    assert action_buttons(browser, dl_id) == ["pause", "remove"]
    assert banner.is_displayed()   # still there on another page
    browser.save_screenshot(str(artifacts_dir / "downloads-vpn-down.png"))
    set_viewport(browser, *PHONE)
    assert_no_horizontal_overflow(browser, PHONE[0])
    browser.save_screenshot(str(artifacts_dir / "downloads-vpn-down-phone.png"))
    assert csp_violations(browser) == []


def test_real_transfer_shows_live_progress_files_and_seeding(browser, stack, admin_api_token, tmp_path, artifacts_dir):
    """A real swarm on loopback (tracker + libtorrent seeder, throttled): the row must move while
    the data arrives, without any reload, and end as seeding at 100 %."""
    files = {"Browser Transfer (2024)/feature.mkv": 3 * MB, "Browser Transfer (2024)/Subs/english.srt": 20_000}
    with LocalSwarm(tmp_path, files, upload_limit=400_000) as sw:
        set_viewport(browser, *DESKTOP)
        login(browser, stack.base_url, stack.admin_user, stack.admin_password)
        open_downloads(browser)
        wait_live(browser)
        add_through_form(browser, sw.magnet)
        created = wait(browser).until(lambda d: api_download_by_hash(stack, admin_api_token, sw.torrent.info_hash),
                                      f"the swarm's magnet was not added: {add_error(browser)}")
        dl_id = created["id"]
        try:
            wait(browser).until(EC.visibility_of_element_located((By.ID, f"download-{dl_id}")))
            toggle = row(browser, dl_id).find_element(By.CSS_SELECTOR, ".dl-files-toggle")
            toggle.click()
            assert toggle.get_attribute("aria-expanded") == "true"

            # Watch what the row shows until the torrent is complete.
            seen_progress, seen_speed, shot = set(), set(), False
            deadline_wait = wait(browser, 90)

            def progressed(d):
                nonlocal shot
                state = d.execute_script(
                    "const r = document.getElementById(arguments[0]); if (!r) return null;"
                    "return [r.dataset.status, r.querySelector('.dl-bar').getAttribute('aria-valuenow'),"
                    " r.querySelector('.dl-down').textContent];", f"download-{dl_id}")
                if not state:
                    return False
                status, value, speed = state
                if value is not None:
                    seen_progress.add(float(value))
                seen_speed.add(speed)
                if not shot and value is not None and 20 <= float(value) <= 80:
                    shot = True
                    d.save_screenshot(str(artifacts_dir / "downloads-transfer.png"))
                return status in ("seeding", "completed")

            deadline_wait.until(progressed, "the transfer never reached seeding in the page")
            intermediate = sorted(v for v in seen_progress if 0 < v < 100)
            assert len(intermediate) >= 2, f"the progress bar did not move live: saw {sorted(seen_progress)}"
            assert any(t not in ("0 B/s", "—") for t in seen_speed), f"no download speed was ever shown: {seen_speed}"
            assert row(browser, dl_id).find_element(By.CSS_SELECTOR, ".dl-pct").text.strip() == "100%"
            assert_pill_matches_status(browser, dl_id)

            # The file list under the row names every file of the torrent, complete.
            wait(browser).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, f"#download-files-{dl_id} .dl-file")) == len(files),
                                "the file list never showed the torrent's files")
            shown = {li.find_element(By.CSS_SELECTOR, ".dl-file-path").text: li.find_element(By.CSS_SELECTOR, ".dl-file-pct").text
                     for li in browser.find_elements(By.CSS_SELECTOR, f"#download-files-{dl_id} .dl-file")}
            assert sorted(shown) == sorted(files), shown
            wait(browser).until(lambda d: all(
                li.find_element(By.CSS_SELECTOR, ".dl-file-pct").get_attribute("textContent") == "100%"
                for li in d.find_elements(By.CSS_SELECTOR, f"#download-files-{dl_id} .dl-file")),
                "the file list did not end at 100 %")
            browser.save_screenshot(str(artifacts_dir / "downloads-seeding.png"))
            toggle.click()
            assert browser.find_elements(By.ID, f"download-files-{dl_id}") == []
            assert csp_violations(browser) == []
        finally:
            stack.api("DELETE", f"/api/downloads/{dl_id}?delete_files=true", token=admin_api_token)


def test_failed_download_shows_its_reason_and_retries(browser, make_stack, artifacts_dir):
    s = make_stack({"LCARS_TORRENT__STALLED_TIMEOUT_SECONDS": 6})
    token = s.login()
    set_viewport(browser, *DESKTOP)
    login(browser, s.base_url, s.admin_user, s.admin_password)
    open_downloads(browser)
    wait_live(browser)
    info_hash, name, magnet = new_magnet("Lonely")
    r = s.api("POST", "/api/downloads", token=token, json={"magnet": magnet})
    assert r.status_code == 201, r.text
    dl_id = r.json()["id"]

    # Nobody has it: after 6 s without metadata lcarsd fails it, and the page follows.
    wait_row_status(browser, dl_id, ("failed",), "a stalled download", timeout=40)
    message = row(browser, dl_id).find_element(By.CSS_SELECTOR, ".dl-message")
    assert message.is_displayed() and "stalled: no metadata received" in message.text, message.text
    assert "is-error" in message.get_attribute("class")
    assert pill_colour(browser, dl_id) == STATUS_RGB["failed"]
    assert action_buttons(browser, dl_id) == ["retry", "remove"]
    browser.find_element(By.CSS_SELECTOR, "#download-filter button[data-filter='failed']").click()
    assert row(browser, dl_id).is_displayed()
    count = browser.find_element(By.CSS_SELECTOR, "#download-filter button[data-filter='failed'] .fp-count")
    assert count.text == "1"
    browser.save_screenshot(str(artifacts_dir / "downloads-failed.png"))

    row(browser, dl_id).find_element(By.CSS_SELECTOR, "button[data-action='retry']").click()
    browser.find_element(By.CSS_SELECTOR, "#download-filter button[data-filter='all']").click()
    wait_row_status(browser, dl_id, ("queued", "downloading"), "after Retry")
    assert s.api("GET", f"/api/downloads/{dl_id}", token=token).json()["error_message"] is None
    wait(browser).until(lambda d: not row(d, dl_id).find_element(By.CSS_SELECTOR, ".dl-message").is_displayed()
                        or "stalled" not in row(d, dl_id).find_element(By.CSS_SELECTOR, ".dl-message").text,
                        "the old failure reason stayed after Retry")
    assert "pause" in action_buttons(browser, dl_id) and "retry" not in action_buttons(browser, dl_id)


def test_daemon_down_is_explained_and_the_stream_comes_back(browser, make_stack, artifacts_dir):
    s = make_stack({"LCARS_DAEMON__IPC_TIMEOUT_MS": 500})
    set_viewport(browser, *DESKTOP)
    login(browser, s.base_url, s.admin_user, s.admin_password)
    open_downloads(browser)
    wait_live(browser)
    first_streams = browser.execute_script("return window.__lcarsStreams.length")

    s.stop_daemon()
    wait(browser).until(lambda d: d.find_element(By.ID, "downloads-live").get_attribute("data-state") == "retrying",
                        "the page did not notice that the event stream went away")
    add_through_form(browser, new_magnet("Offline")[2])
    wait(browser).until(lambda d: add_error(d)[0] == "daemon_unavailable", "no daemon_unavailable error shown")
    assert "offline" in add_error(browser)[1].lower()
    browser.save_screenshot(str(artifacts_dir / "downloads-daemon-down.png"))

    # lcarsd back: the app reconnects by itself (new ticket, backoff) and adding works again.
    s.start_daemon()
    try:
        wait(browser, 60).until(lambda d: d.find_element(By.ID, "downloads-live").get_attribute("data-state") == "open")
    except TimeoutException:
        pytest.fail("the event stream did not come back after lcarsd restarted")
    assert browser.execute_script("return window.__lcarsStreams.length") > first_streams
    info_hash, name, magnet = new_magnet("Back")
    add_through_form(browser, magnet)
    wait(browser).until(lambda d: name in d.find_element(By.ID, "download-add-notice").text,
                        f"adding failed after lcarsd came back: {add_error(browser)}")
    assert add_error(browser)[1] == ""
