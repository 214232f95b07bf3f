"""The system's headless Chromium, driven by Selenium, for the review page's
browser tests, its benchmark and the README screenshot.

Debian's ``chromium`` and ``chromium-driver`` are used as installed (paths in
FACTX_CHROMIUM and FACTX_CHROMEDRIVER, by default ``/usr/bin/chromium`` and
``/usr/bin/chromedriver``); the driver is named to Selenium, so Selenium
Manager never downloads one. Each browser gets a fresh profile and the flags
that keep it off the network.

    python -m factx.review.browser PAGE.html OUT.png [--doc N] [--select I]

saves a screenshot of a page (as a palette PNG, small enough for a README).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

CHROMIUM = os.environ.get("FACTX_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("FACTX_CHROMEDRIVER", "/usr/bin/chromedriver")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--lang=en-US")
INSTALL_HINT = "install them with: apt-get install -y chromium chromium-driver"


class BrowserMissing(RuntimeError):
    """Chromium, its driver or Selenium is not installed."""


def missing() -> str | None:
    """Why the browser cannot be started, or None when everything is installed."""
    for what, path in (("Chromium", CHROMIUM), ("ChromeDriver", CHROMEDRIVER)):
        if not (os.path.isfile(path) and os.access(path, os.X_OK)):
            return f"{what} not found at {path}; {INSTALL_HINT}"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "the Python package selenium is not installed: pip install -e '.[test]'"
    return None


@contextlib.contextmanager
def chromium(width: int = 1400, height: int = 900, downloads: Path | None = None) -> Iterator:
    """A Selenium WebDriver of headless Chromium with a fresh profile, quit on exit.
    Browser console messages are kept (``driver.get_log("browser")``); files
    downloaded go to `downloads`."""
    why = missing()
    if why:
        raise BrowserMissing(why)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="factx-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (*FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    if downloads is not None:
        options.add_experimental_option("prefs", {
            "download.default_directory": str(downloads), "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def open_page(driver, path: Path, timeout: float = 60) -> None:
    """Load the review page at `path` and wait until its script has built it."""
    from selenium.webdriver.support.ui import WebDriverWait
    driver.get(Path(path).resolve().as_uri())
    WebDriverWait(driver, timeout).until(
        lambda d: d.execute_script("return document.documentElement.dataset.ready === 'true'"))


def save_png(png: bytes, out: Path, colours: int = 256) -> None:
    """Save a screenshot as an optimised palette PNG (Pillow)."""
    import io

    from PIL import Image
    image = Image.open(io.BytesIO(png)).convert("RGB")
    image.quantize(colors=colours, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE) \
        .save(out, format="PNG", optimize=True)


_CLICK = "const e = document.querySelector(arguments[0]); if (e) e.click(); return e !== null;"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m factx.review.browser", description=__doc__.split("\n\n")[0])
    p.add_argument("page", type=Path, help="a page written by factx review")
    p.add_argument("out", type=Path, help="the PNG to write")
    p.add_argument("--width", type=int, default=1400)
    p.add_argument("--height", type=int, default=860)
    p.add_argument("--doc", type=int, default=0, help="the document to show (its position in the list)")
    p.add_argument("--select", type=int, default=None, metavar="I", help="select fact I (a fact of the document shown) and hover over its mark")
    args = p.parse_args(argv)
    try:
        with chromium(args.width, args.height) as driver:
            open_page(driver, args.page)
            if not driver.execute_script(_CLICK, f"#docs button[data-doc='{args.doc}']"):
                p.error(f"the page has no document {args.doc}")
            if args.select is not None:
                if not driver.execute_script(_CLICK, f"#facts tr[data-row='{args.select}']"):
                    p.error(f"fact {args.select} is not in the table of document {args.doc}")
                from selenium.webdriver.common.action_chains import ActionChains
                from selenium.webdriver.common.by import By
                mark = driver.find_element(By.CSS_SELECTOR, f"mark[data-fact='{args.select}']")
                ActionChains(driver).move_to_element(mark).perform()     # shows its tooltip
                time.sleep(1.5)                                          # the flash is over
            save_png(driver.get_screenshot_as_png(), args.out)
    except BrowserMissing as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    print(f"{args.out}: {args.out.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
