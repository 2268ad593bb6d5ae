"""The browser half of bench/ui.sh: loads LCARS pages in headless chromium with a session token
and prints paint, data-on-screen and transfer figures, and the longest task while paging /movies.
Reads url, token, runs and pages from the environment (bench/ui.sh sets them)."""
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "Tests", "system"))
from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.common.exceptions import StaleElementReferenceException, TimeoutException  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

from browser_session import CHROMIUM, CHROMEDRIVER  # noqa: E402

URL, TOKEN = os.environ["url"], os.environ["token"]
# pages = 0: every page of the grid, to the last (bounded by MAX_PAGES and MAX_SECONDS).
RUNS, PAGES = int(os.environ.get("runs", 3)), int(os.environ.get("pages", 0))
MAX_PAGES, MAX_SECONDS = 1000, 900

# Installed before any page script: collects long tasks from the very start of the load.
OBSERVE = """window.__longest = 0; window.__over100 = 0;
new PerformanceObserver((l) => { for (const e of l.getEntries()) {
  window.__longest = Math.max(window.__longest, e.duration); if (e.duration > 100) window.__over100 += 1; } })
  .observe({ type: 'longtask', buffered: true });"""
FIGURES = """const fcp = performance.getEntriesByName('first-contentful-paint')[0];
const mark = performance.getEntriesByName(arguments[0])[0];
const nav = performance.getEntriesByType('navigation')[0];
const bytes = performance.getEntriesByType('resource').reduce((n, r) => n + r.transferSize, nav ? nav.transferSize : 0);
return [fcp ? fcp.startTime : null, mark ? mark.startTime : null, bytes];"""


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,800"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": OBSERVE})
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})   # every run loads everything
    driver.get(URL + "/login")
    driver.execute_script("localStorage.setItem('lcars.token', arguments[0])", TOKEN)
    return driver


def load(driver, path, mark):
    driver.get(URL + path)
    WebDriverWait(driver, 30).until(lambda d: d.execute_script("return performance.getEntriesByName(arguments[0]).length", mark))
    return driver.execute_script(FIGURES, mark)


def page_through(driver):
    """Scrolls each page of the grid to its end, then Next, until the last page (or PAGES pages);
    returns the pages seen and the longest task on the way."""
    driver.execute_script("window.__longest = 0; window.__over100 = 0")
    page_text = "return (document.querySelector('.pager-text') || {}).textContent || ''"
    next_button = "//nav[@class='pager']/button[last()]"
    limit, deadline, seen = PAGES or MAX_PAGES, time.monotonic() + MAX_SECONDS, 1
    while seen < limit and time.monotonic() < deadline:
        before = driver.execute_script(page_text)
        driver.execute_script("window.scrollTo(0, document.documentElement.scrollHeight)")
        time.sleep(0.05)
        if not next_page(driver, next_button, page_text, before):
            break   # the last page
        seen += 1
    return seen, driver.execute_script(page_text), driver.execute_script("return [window.__longest, window.__over100]")


def next_page(driver, next_button, page_text, before):
    """Clicks Next and waits for the pager to move on; False on the last page. A click that lands
    on a pager the page has just replaced does nothing, so it is tried again (3 times at most)."""
    for _ in range(3):
        button = driver.find_element(By.XPATH, next_button)
        if not button.is_enabled():
            return False
        try:
            button.click()
            WebDriverWait(driver, 10).until(lambda d: d.execute_script(page_text) not in ("", before))
            return True
        except (TimeoutException, StaleElementReferenceException):
            continue
    raise RuntimeError(f"the grid never left \"{before}\"")


def main():
    driver = browser()
    try:
        print(f"LCARS UI benchmark: 20,000 movies, headless chromium, cache off, {RUNS} loads a page (median)")
        print(f"{'page':12} {'fcp_ms':>8} {'data_ms':>8} {'bytes':>9}")
        for path, mark in (("/movies", "lcars:movies:data"), ("/dashboard", "lcars:dashboard:data")):
            runs = [load(driver, path, mark) for _ in range(RUNS)]
            fcp, data, size = (statistics.median(x for x in col if x is not None) for col in zip(*runs))
            print(f"{path:12} {fcp:8.0f} {data:8.0f} {size:9.0f}")
        load(driver, "/movies", "lcars:movies:data")
        seen, last, (longest, over100) = page_through(driver)
        print(f"/movies: longest task while scrolling through {seen} pages (the last: \"{last}\"): "
              f"{longest:.0f} ms (0 = none over 50 ms); tasks over 100 ms: {over100}")
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
