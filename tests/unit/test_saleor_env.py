"""scripts/saleor_env: how the test and demo commands find or make a Saleor checkout."""

import os
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
UNREACHABLE_GIT_URL = "file:///nonexistent/saleor.git"


def make_checkout(path: Path, version: str) -> Path:
    """A directory shaped like a Saleor release with a ready venv (its python runs anything)."""
    (path / "saleor").mkdir(parents=True)
    (path / "saleor" / "settings.py").write_text("")
    (path / "saleor" / "__init__.py").write_text(f'__version__ = "{version}"\n')
    (path / "conftest.py").write_text("")
    python = path / ".venv" / "bin" / "python"
    python.parent.mkdir(parents=True)
    python.write_text("#!/bin/sh\nexit 0\n")
    python.chmod(0o755)
    return path


def provision(**env: str) -> subprocess.CompletedProcess:
    """Source scripts/saleor_env in bash with only the given Saleor variables set, and print
    what it exported."""
    base = {k: v for k, v in os.environ.items() if not k.startswith("SALEOR_")}
    return subprocess.run(
        [
            "bash",
            "-c",
            ". scripts/saleor_env || exit $?;"
            ' echo "$SALEOR_SRC|$SALEOR_PYTHON|$SALEOR_CHECKOUT_VERSION"',
        ],
        cwd=REPO,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_an_explicit_saleor_src_is_used_as_it_is(tmp_path):
    # given a Saleor checkout with its venv outside the cache, named by SALEOR_SRC
    checkout = make_checkout(tmp_path / "my-saleor", "3.22.67")

    # when provisioning runs, with the network unreachable and an empty cache
    result = provision(
        SALEOR_SRC=str(checkout),
        SALEOR_CACHE_DIR=str(tmp_path / "cache"),
        SALEOR_GIT_URL=UNREACHABLE_GIT_URL,
    )

    # then that checkout and its venv are used, and nothing is fetched into the cache
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"{checkout}|{checkout}/.venv/bin/python|3.22.67"
    assert not (tmp_path / "cache").exists()


def test_the_cached_checkout_of_the_wanted_version_is_used(tmp_path):
    # given checkouts of two versions in the cache
    cache = tmp_path / "cache"
    make_checkout(cache / "3.23.28", "3.23.28")
    make_checkout(cache / "3.21.69", "3.21.69")

    # when provisioning runs for 3.21.69
    result = provision(
        SALEOR_VERSION="3.21.69", SALEOR_CACHE_DIR=str(cache), SALEOR_GIT_URL=UNREACHABLE_GIT_URL
    )

    # then the 3.21.69 checkout is used
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().split("|") == [
        str(cache / "3.21.69"),
        str(cache / "3.21.69" / ".venv" / "bin" / "python"),
        "3.21.69",
    ]


def test_a_missing_version_is_cloned_at_its_tag_from_the_git_url(tmp_path):
    # given a Git repository whose tag 3.99.1 holds a Saleor-shaped tree, and a later commit
    upstream = tmp_path / "upstream"
    make_checkout(upstream, "3.99.1")
    git = ["git", "-C", str(upstream), "-c", "user.name=t", "-c", "user.email=t@example.com"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A", "-f"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "release"], check=True)
    subprocess.run([*git, "tag", "3.99.1"], check=True)
    (upstream / "saleor" / "__init__.py").write_text('__version__ = "3.99.2.dev0"\n')
    subprocess.run([*git, "commit", "-q", "-am", "after the release"], check=True)
    cache = tmp_path / "cache"

    # when provisioning runs for that version with nothing in the cache
    result = provision(
        SALEOR_VERSION="3.99.1", SALEOR_CACHE_DIR=str(cache), SALEOR_GIT_URL=upstream.as_uri()
    )

    # then the tag is checked out into the cache (its venv came with it, so none is made)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().split("|")[::2] == [str(cache / "3.99.1"), "3.99.1"]
    assert "Fetching Saleor 3.99.1" in result.stderr
    assert sorted(p.name for p in cache.iterdir()) == ["3.99.1"]


def test_without_network_it_says_what_to_put_where(tmp_path):
    # given an empty cache and a Git URL that cannot be reached
    cache = tmp_path / "cache"

    # when provisioning runs for 3.22.67
    result = provision(
        SALEOR_VERSION="3.22.67", SALEOR_CACHE_DIR=str(cache), SALEOR_GIT_URL=UNREACHABLE_GIT_URL
    )

    # then it stops and names the source to fetch, where it goes and how its venv is made
    assert result.returncode == 2
    assert "Could not fetch Saleor 3.22.67" in result.stderr
    assert f"Saleor's source at tag 3.22.67 in {cache}/3.22.67" in result.stderr
    assert (
        "git clone --depth 1 --branch 3.22.67 https://github.com/saleor/saleor.git" in result.stderr
    )
    assert f'cd "{cache}/3.22.67" && uv sync --frozen --python 3.12' in result.stderr
    assert "uv pip install --python .venv/bin/python --no-deps" in result.stderr
    # and leaves no half checkout behind
    assert not cache.exists() or list(cache.iterdir()) == []
