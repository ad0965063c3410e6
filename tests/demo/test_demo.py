"""`./scripts/demo` from start to Ctrl-C: it prints its links, they work, and it stops cleanly.

The demo runs as a user would start it, in a subprocess with its own database and state
folder; the test reads what it prints and opens the printed links over HTTP.
"""

import os
import re
import signal
import socket
import subprocess
import threading
import time
from pathlib import Path

import pytest
import requests

REPO = Path(__file__).resolve().parents[2]
READY = "Ctrl-C stops it."
# Migrating Saleor into the shared template database, the first time on a machine, takes
# minutes (see the README's Demo section); every later start clones it in seconds.
START_TIMEOUT = float(os.environ.get("DEMO_TEST_START_TIMEOUT", 1500))
LINK = re.compile(r"^(?P<label>[^:]+): (?P<url>http://\S+)$")

pytestmark = pytest.mark.demo


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _descendants(pid: int) -> set[int]:
    """Every process below `pid`, read from /proc."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


class RunningDemo:
    def __init__(self, tmp_path: Path):
        self.port = _free_port()
        base = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/saleor_tracking")
        self.output: list[str] = []
        self.ready = threading.Event()
        self.process = subprocess.Popen(
            [str(REPO / "scripts/demo"), "--fresh", "--port", str(self.port)],
            env={
                **os.environ,
                "DEMO_DATABASE_URL": f"{base}_demo_test",
                "DEMO_STATE_DIR": str(tmp_path / "state"),
            },
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout
        for line in self.process.stdout:
            self.output.append(line.rstrip("\n"))
            if READY in line:
                self.ready.set()

    def wait_until_ready(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while not self.ready.is_set():
            assert self.process.poll() is None, "demo exited:\n" + self.log()
            assert time.monotonic() < deadline, "demo did not get ready:\n" + self.log()
            time.sleep(0.5)

    def links(self) -> dict[str, str]:
        return {m["label"]: m["url"] for line in self.output if (m := LINK.match(line))}

    def printed(self, prefix: str) -> str:
        return next(line[len(prefix) :] for line in self.output if line.startswith(prefix))

    def log(self) -> str:
        return "\n".join(self.output[-60:])

    def stop(self) -> int:
        self.process.send_signal(signal.SIGINT)
        try:
            return self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.process.kill()
            raise


@pytest.fixture
def demo(tmp_path):
    running = RunningDemo(tmp_path)
    try:
        running.wait_until_ready()
        yield running
    finally:
        if running.process.poll() is None:
            for pid in _descendants(running.process.pid):
                os.kill(pid, signal.SIGKILL)
            running.process.kill()


def _graphql(url: str, query: str, token: str | None = None, **variables) -> dict:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    response = requests.post(
        url, json={"query": query, "variables": variables}, headers=headers, timeout=30
    )
    assert response.status_code == 200, response.text
    content = response.json()
    assert "errors" not in content, content
    return content["data"]


def test_the_demo_prints_working_links_and_stops_with_everything_it_started(demo):
    links = demo.links()
    base = f"http://127.0.0.1:{demo.port}"
    assert links["Saleor GraphQL"] == f"{base}/graphql/"
    assert links["Plugin GraphQL"] == f"{base}/plugins/global/saleor_tracking_plugin/graphql/"

    # the printed staff login opens Saleor and the plugin's staff API
    email, password = demo.printed("Staff login: ").split(" / ")
    token = _graphql(
        links["Saleor GraphQL"],
        "mutation($email: String!, $password: String!) "
        "{ tokenCreate(email: $email, password: $password) { token errors { code } } }",
        email=email,
        password=password,
    )["tokenCreate"]["token"]
    returns = _graphql(links["Plugin GraphQL"], "{ returns { edges { node { status } } } }", token)[
        "returns"
    ]["edges"]
    assert sorted(r["node"]["status"] for r in returns) == ["REFUNDED", "REQUESTED"]

    # the hosted pages show each order's state
    pages = {
        label: requests.get(url, timeout=30)
        for label, url in links.items()
        if label not in ("Saleor GraphQL", "Plugin GraphQL")
    }
    assert all(response.status_code == 200 for response in pages.values()), pages
    assert "Yolda" in pages["Tracking page, Yurtiçi parcel in transit (TR)"].text
    assert "Out for delivery" in pages["Tracking page, UPS parcel out for delivery (EN)"].text
    assert "Teslim edildi" in pages["Tracking page, delivered order (TR)"].text
    assert 'data-testid="delay"' in pages["Delay choices, order late to ship (TR)"].text
    assert 'data-testid="rma"' in pages["Return page, return waiting for approval (TR)"].text

    # Ctrl-C stops the script and every process it started
    started = _descendants(demo.process.pid)
    assert len(started) >= 3, started  # API, worker, beat
    assert demo.stop() == 130  # the script's answer to SIGINT, after stopping its children
    deadline = time.monotonic() + 30
    while any(_alive(pid) for pid in started) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not [pid for pid in started if _alive(pid)], demo.log()
