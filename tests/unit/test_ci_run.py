""".ci/run: which Saleor versions CI ran, which it skipped and why, and its verdict."""

import os
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_ci_names_the_versions_it_skipped_and_fails_when_a_run_fails(tmp_path):
    # given no Saleor checkout at all and no way to fetch one
    env = {k: v for k, v in os.environ.items() if not k.startswith("SALEOR_")}
    env.update(SALEOR_CACHE_DIR=str(tmp_path), SALEOR_GIT_URL="file:///nonexistent/saleor.git")

    # when CI runs
    result = subprocess.run(
        [str(REPO / ".ci" / "run")], env=env, capture_output=True, text=True, timeout=120
    )

    # then the default version's run failed, so CI fails, and the summary says so
    assert result.returncode == 1
    summary = result.stdout.split("CI summary:\n", 1)[1].splitlines()
    assert summary[0].startswith("  ran     Saleor 3.23.28, whole suite: ./scripts/test: FAILED")
    # and it names each older version it skipped, with the reason and the remedy
    for version, line in zip(["3.21.69", "3.22.67"], summary[1:], strict=True):
        assert line == (
            f"  skipped Saleor {version}: no provisioned checkout (source and .venv) at"
            f" {tmp_path}/{version}; make it with:"
            f" SALEOR_VERSION={version} ./scripts/test tests/unit"
        )
