"""Browser tests for the LCARS web UI (static/) against the real stack.

Drives Debian's headless chromium through selenium. Selenium Manager is never used: the driver
path is given explicitly, so nothing is downloaded.

Fixtures from conftest.py (owned by the lead):
  stack          session-scoped; .base_url, .admin_user, .admin_password,
                 .api(method, path, token=None, json=None) -> requests.Response
  artifacts_dir  pathlib.Path for screenshots
"""

import uuid
from urllib.parse import urlparse

import pytest
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from browser_session import chromium

WAIT_S = 15
DESKTOP = (1280, 800)
PHONE = (390, 844)
TOKEN_KEY = "lcars.token"


# ---------------------------------------------------------------- fixtures

@pytest.fixture
def browser(request, artifacts_dir):
    """A fresh headless chromium per test (clean storage), screenshot kept if the test fails."""
    with chromium(request, artifacts_dir) as driver:
        yield driver


@pytest.fixture(scope="module")
def admin_api_token(stack):
    """An API session of its own, separate from any browser session."""
    res = stack.api("POST", "/api/auth/login",
                    json={"username": stack.admin_user, "password": stack.admin_password})
    assert res.status_code == 200, res.text
    token = res.json()["token"]
    assert token
    return token


# ---------------------------------------------------------------- helpers

def wait(driver, timeout=WAIT_S):
    return WebDriverWait(driver, timeout)


def set_viewport(driver, width, height):
    """Exact CSS viewport via DevTools (window sizes in headless mode are not exact).

    mobile=False on purpose: mobile emulation widens the layout viewport to fit overflowing
    content, which would hide exactly the horizontal overflow the phone check looks for.
    """
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": False,
    })
    # Fails loudly if the emulation did not apply, so the overflow check cannot pass vacuously.
    wait(driver).until(lambda d: d.execute_script("return window.innerWidth") == width,
                       f"viewport never became {width}px wide")


def open_login(driver, stack):
    driver.get(stack.base_url + "/")
    wait(driver).until(EC.visibility_of_element_located((By.ID, "login-form")))


def submit_login(driver, username, password):
    user_field = driver.find_element(By.ID, "login-username")
    user_field.clear()
    user_field.send_keys(username)
    pw_field = driver.find_element(By.ID, "login-password")
    pw_field.clear()
    pw_field.send_keys(password)
    driver.find_element(By.ID, "login-submit").click()


def login(driver, stack, username, password):
    open_login(driver, stack)
    submit_login(driver, username, password)
    try:
        wait(driver).until(EC.visibility_of_element_located((By.ID, "dashboard")))
    except TimeoutException:
        error = driver.find_element(By.ID, "login-error").text if driver.find_elements(By.ID, "login-error") else ""
        pytest.fail(f"dashboard did not appear after logging in as {username!r}; login error: {error!r}")


def wait_for_user(driver, username):
    """#current-user fills in once GET /api/auth/me answers."""
    try:
        wait(driver).until(lambda d: username.lower() in d.find_element(By.ID, "current-user").text.lower())
    except TimeoutException:
        pytest.fail(f"#current-user never showed {username!r}: {text_of(driver, 'current-user')!r}")


def stored_token(driver):
    return driver.execute_script(
        "return window.localStorage.getItem(arguments[0]) || window.sessionStorage.getItem(arguments[0]);",
        TOKEN_KEY)


def text_of(driver, element_id):
    return driver.find_element(By.ID, element_id).text


def path_of(driver):
    return urlparse(driver.current_url).path


# ---------------------------------------------------------------- tests

def test_wrong_password_shows_error_and_no_dashboard(browser, stack, artifacts_dir):
    # A deep link without a session must land on the login form (nginx SPA fallback + client guard).
    browser.get(stack.base_url + "/dashboard")
    wait(browser).until(EC.visibility_of_element_located((By.ID, "login-form")))
    assert path_of(browser) == "/login"

    submit_login(browser, stack.admin_user, "definitely-not-the-password-" + uuid.uuid4().hex[:6])
    wait(browser).until(lambda d: d.find_element(By.ID, "login-error").text.strip() != "",
                        "#login-error stayed empty after a wrong password")

    error = browser.find_element(By.ID, "login-error")
    assert error.get_attribute("role") == "alert"
    assert error.is_displayed()
    assert "denied" in error.text.lower() or "wrong" in error.text.lower(), error.text
    assert browser.find_elements(By.ID, "dashboard") == []
    assert stored_token(browser) is None
    assert path_of(browser) == "/login"
    browser.save_screenshot(str(artifacts_dir / "login-error.png"))


def test_admin_sees_dashboard_with_status(browser, stack, admin_api_token, artifacts_dir):
    expected = stack.api("GET", "/api/system/status", token=admin_api_token)
    assert expected.status_code == 200, expected.text
    version = expected.json()["version"]
    assert version

    set_viewport(browser, *DESKTOP)
    open_login(browser, stack)
    browser.save_screenshot(str(artifacts_dir / "login.png"))
    login(browser, stack, stack.admin_user, stack.admin_password)
    assert path_of(browser) == "/dashboard"

    wait_for_user(browser, stack.admin_user)
    assert text_of(browser, "current-role").strip().lower() == "admin"

    # Status arrives asynchronously; wait for the panel to report it has loaded.
    status = browser.find_element(By.ID, "system-status")
    wait(browser).until(lambda d: status.get_attribute("data-state") in ("loaded", "error", "forbidden"),
                        "#system-status never finished loading")
    assert status.get_attribute("data-state") == "loaded", status.text
    assert version in status.text, status.text
    assert text_of(browser, "status-version") == version
    daemon = browser.find_element(By.ID, "status-daemon")
    assert daemon.get_attribute("data-reachable") == "true", status.text
    assert daemon.text.strip().lower() == "reachable", daemon.text
    assert "daemon" in status.text.lower()

    # Every section of the sidebar is a live page now; Movies leads to the library and back.
    movies = browser.find_element(By.XPATH, "//nav//button[contains(., 'Movies')]")
    assert movies.get_attribute("aria-disabled") is None
    movies.click()
    wait(browser).until(lambda d: path_of(d) == "/movies")
    wait(browser).until(EC.visibility_of_element_located((By.ID, "movies")))
    browser.find_element(By.XPATH, "//nav//button[contains(., 'Dashboard')]").click()
    wait(browser).until(EC.visibility_of_element_located((By.ID, "dashboard")))

    browser.save_screenshot(str(artifacts_dir / "dashboard-desktop.png"))

    set_viewport(browser, *PHONE)
    wait(browser).until(EC.visibility_of_element_located((By.ID, "dashboard")))
    browser.save_screenshot(str(artifacts_dir / "dashboard-phone.png"))
    scroll_width, inner_width, client_width = browser.execute_script(
        "const el = document.documentElement; return [el.scrollWidth, window.innerWidth, el.clientWidth];")
    assert inner_width == PHONE[0]
    assert scroll_width <= inner_width, f"horizontal overflow at phone width: {scroll_width} > {inner_width}"
    # clientWidth excludes a classic scrollbar, so this also catches overflow hidden behind it.
    assert scroll_width <= client_width, f"horizontal overflow at phone width: {scroll_width} > {client_width}"
    # The navigation is still reachable at phone width (a row of pills above the content).
    dash_pill = browser.find_element(By.CSS_SELECTOR, "nav button[aria-current='page']")
    assert dash_pill.is_displayed()
    assert dash_pill.rect["y"] < browser.find_element(By.ID, "dashboard").rect["y"]


def test_logout_returns_to_login_and_revokes_token(browser, stack):
    login(browser, stack, stack.admin_user, stack.admin_password)
    token = stored_token(browser)
    assert token, "no token in localStorage/sessionStorage after login"
    before = stack.api("GET", "/api/auth/me", token=token)
    assert before.status_code == 200, before.text

    browser.find_element(By.ID, "logout").click()
    wait(browser).until(EC.visibility_of_element_located((By.ID, "login-form")),
                        "LOGOUT did not return to the login form")
    assert browser.find_elements(By.ID, "dashboard") == []
    assert path_of(browser) == "/login"
    assert stored_token(browser) is None

    after = stack.api("GET", "/api/auth/me", token=token)
    assert after.status_code == 401, after.text

    # A reload must not resurrect the session.
    browser.get(stack.base_url + "/dashboard")
    wait(browser).until(EC.visibility_of_element_located((By.ID, "login-form")))
    assert browser.find_elements(By.ID, "dashboard") == []


def test_user_role_sees_needs_admin_note(browser, stack, admin_api_token):
    username = f"viewer_{uuid.uuid4().hex[:8]}"
    password = f"Viewer-{uuid.uuid4().hex}"
    created = stack.api("POST", "/api/users", token=admin_api_token,
                        json={"username": username, "password": password, "role": "user"})
    assert created.status_code in (200, 201), created.text
    assert created.json()["role"] == "user"

    login(browser, stack, username, password)
    wait_for_user(browser, username)
    assert text_of(browser, "current-role").strip().lower() == "user"

    status = browser.find_element(By.ID, "system-status")
    wait(browser).until(lambda d: status.get_attribute("data-state") in ("loaded", "error", "forbidden"),
                        "#system-status never finished loading")
    assert status.get_attribute("data-state") == "forbidden", status.text
    note = browser.find_element(By.ID, "status-needs-admin")
    assert note.is_displayed()
    assert "admin" in note.text.lower(), note.text
    assert browser.find_elements(By.ID, "status-version") == []
    assert browser.find_elements(By.ID, "status-daemon") == []
    assert browser.find_element(By.ID, "logout").is_displayed()
