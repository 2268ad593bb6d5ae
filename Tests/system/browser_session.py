"""One headless chromium for a browser test: Debian's chromium through selenium with the driver
path given explicitly (Selenium Manager never downloads anything), a screenshot kept when the
test fails, the browser always quit."""
import contextlib
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
DESKTOP = (1280, 800)


@contextlib.contextmanager
def chromium(request, artifacts_dir, record_console=False, init_script=None):
    """`record_console` keeps the browser log (CSP reports); `init_script` runs before every page."""
    for binary in (CHROMIUM, CHROMEDRIVER):
        if not Path(binary).is_file():
            pytest.fail(f"{binary} missing: install the chromium and chromium-driver packages")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                f"--window-size={DESKTOP[0]},{DESKTOP[1]}"):
        options.add_argument(arg)
    if record_console:
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    if init_script:
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": init_script})
    failed_before = request.session.testsfailed
    try:
        yield driver
    finally:
        if request.session.testsfailed > failed_before:
            try:
                driver.save_screenshot(str(artifacts_dir / f"failure-{request.node.name}.png"))
            except Exception:  # the browser may be what broke; keep the original failure
                pass
        driver.quit()


# ---------------------------------------------------------------- helpers shared by the page tests

WAIT_S = 15


def wait(driver, timeout=WAIT_S):
    """Live pages re-render: an element found a moment ago may be replaced before it is read,
    which is a reason to look again inside the wait, not a failure."""
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.support.ui import WebDriverWait
    return WebDriverWait(driver, timeout, ignored_exceptions=[StaleElementReferenceException])


def set_viewport(driver, width, height):
    """Exact CSS viewport via DevTools. mobile=False: mobile emulation would widen the layout
    viewport to fit overflowing content and hide exactly the sideways scrolling we look for."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
    wait(driver).until(lambda d: d.execute_script("return window.innerWidth") == width,
                       f"viewport never became {width}px wide")


def sideways_overflow(driver):
    """(scrollWidth, clientWidth) of the page: scrollWidth > clientWidth means sideways scrolling."""
    return driver.execute_script("const e = document.documentElement; return [e.scrollWidth, e.clientWidth];")


def path_of(driver):
    from urllib.parse import urlparse
    return urlparse(driver.current_url).path


def log_in(driver, base_url, username, password, landing="dashboard"):
    """Logs in through the form at /login (or wherever the app sent us) and waits for `landing`'s id."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    if not driver.find_elements(By.ID, "login-form"):
        driver.get(base_url + "/login")
    wait(driver).until(EC.visibility_of_element_located((By.ID, "login-form")))
    for field_id, value in (("login-username", username), ("login-password", password)):
        el = driver.find_element(By.ID, field_id)
        el.clear()
        el.send_keys(value)
    driver.find_element(By.ID, "login-submit").click()
    wait(driver).until(EC.visibility_of_element_located((By.ID, landing)),
                       f"#{landing} did not appear after logging in as {username!r}")


def severe_console_entries(driver):
    """Console errors and failed requests (chromium logs both as SEVERE) since the last call."""
    return [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]
