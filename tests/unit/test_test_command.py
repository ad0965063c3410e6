import os
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_the_test_command_explains_how_to_set_up_saleor_when_it_is_missing(tmp_path):
    # given no Saleor at SALEOR_SRC, when the test command runs
    result = subprocess.run(
        [str(REPO / "scripts" / "test")],
        env={
            **{k: v for k, v in os.environ.items() if k != "SALEOR_VERSION"},
            "SALEOR_SRC": str(tmp_path / "no-saleor"),
        },
        capture_output=True,
        text=True,
        timeout=60,
    )

    # then it stops with a non-zero exit and says exactly what to set up
    assert result.returncode == 2
    assert "Saleor was not found at SALEOR_SRC=" in result.stderr
    assert "uv sync --frozen --python 3.12" in result.stderr
    assert "3.23.28" in result.stderr
