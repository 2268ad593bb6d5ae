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
