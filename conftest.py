"""Load Saleor's own root conftest (it is no importable module) to get all its fixtures."""

import importlib.util
import os
import sys
from pathlib import Path

import pytest

SALEOR_SRC = Path(os.environ.get("SALEOR_SRC", Path.home() / ".cache/saleor/3.23.28"))
SALEOR_CONFTEST = "saleor_root_conftest"


def _load_saleor_conftest() -> None:
    spec = importlib.util.spec_from_file_location(SALEOR_CONFTEST, SALEOR_SRC / "conftest.py")
    assert spec and spec.loader, f"Saleor's conftest.py not found in {SALEOR_SRC}"
    module = importlib.util.module_from_spec(spec)
    sys.modules[SALEOR_CONFTEST] = module
    spec.loader.exec_module(module)


_load_saleor_conftest()

pytest_plugins = [SALEOR_CONFTEST, "tests.fixtures", "tests.survey_fixtures"]

TRACKING_PLUGIN = "saleor_tracking_plugin.plugin.TrackingPlugin"


def _dummy_gateway(module_path: str, names: tuple[str, ...]) -> str:
    """The dotted path of the installed Saleor's dummy gateway class: Saleor 3.22 renamed them
    `Deprecated…` (3.21 has `DummyGatewayPlugin`), so whichever exists is used."""
    module = importlib.import_module(module_path)
    name = next(name for name in names if hasattr(module, name))
    return f"{module_path}.{name}"


@pytest.fixture(autouse=True)
def setup_dummy_gateways(settings):
    """Saleor's autouse fixture of this name resets PLUGINS each test; keep ours in it."""
    settings.PLUGINS = [
        _dummy_gateway(
            "saleor.payment.gateways.dummy.plugin",
            ("DeprecatedDummyGatewayPlugin", "DummyGatewayPlugin"),
        ),
        _dummy_gateway(
            "saleor.payment.gateways.dummy_credit_card.plugin",
            ("DeprecatedDummyCreditCardGatewayPlugin", "DummyCreditCardGatewayPlugin"),
        ),
        TRACKING_PLUGIN,
    ]
    return settings
