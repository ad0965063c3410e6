"""Real Chromium (Debian's), driven by Playwright, against Saleor's live test server."""

import os

import pytest
from playwright.sync_api import sync_playwright

from .dashboard_host import (  # noqa: F401 (fixtures of the dashboard extension's tests)
    dashboard_app,
    dashboard_host,
    desktop_page,
    order_manager,
)

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
PHONE = {"width": 390, "height": 844}
SCREENSHOTS = os.path.join(os.path.dirname(__file__), "screenshots")

# Without these, Chromium keeps reaching for Google's services, which this machine refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def chromium():
    # Playwright's sync API refuses to start inside a running asyncio loop; allow Django's
    # ORM calls in the test body meanwhile.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def phone_page(chromium):
    """A page the size of a common phone (390×844, touch)."""
    context = chromium.new_context(
        viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def screenshot_path():
    os.makedirs(SCREENSHOTS, exist_ok=True)
    return lambda name: os.path.join(SCREENSHOTS, f"{name}.png")


@pytest.fixture(autouse=True)
def live_server_reads_the_test_database(replica_reads_the_test_database):
    """The live server answers from another thread: see `replica_reads_the_test_database`."""
