"""The dashboard extension's built files: shipped in the package and within the size budget."""

import gzip
import re
from pathlib import Path

import pytest

from saleor_tracking_plugin.dashboard.views import STATIC_ROOT

# The budget: the app page's JavaScript at most 300 KB gzipped.
APP_PAGE_JS_BUDGET = 300 * 1024
ASSET = re.compile(r'(?:src|href)="/plugins/global/saleor_tracking_plugin/dashboard/([^"]+\.js)"')


def gzipped_js_of(page: Path) -> dict[str, int]:
    """Every JavaScript file the page loads (entry and preloaded chunks), gzipped size each."""
    names = ASSET.findall(page.read_text())
    return {name: len(gzip.compress((STATIC_ROOT / name).read_bytes(), 9)) for name in names}


@pytest.mark.parametrize("page", ["index.html", "order/index.html"])
def test_a_page_loads_at_most_300_kb_of_gzipped_javascript(page):
    sizes = gzipped_js_of(STATIC_ROOT / page)

    assert sizes, f"{page} loads no script"
    total = sum(sizes.values())
    print(f"{page}: {total / 1024:.1f} KB gzipped JS ({sizes})")
    assert total <= APP_PAGE_JS_BUDGET
