"""Faults the plugin meets inside a merchant's Saleor (R1): its tables locked by a long
transaction or failing on every write, the Celery broker down, a carrier that never answers.
Each is a context manager that always removes its fault."""

import contextlib
import socket
import threading
from collections.abc import Iterator

import kombu.pools
import psycopg
from django.apps import apps
from django.db import connection
from django.test import override_settings
from saleor.celeryconf import app


def plugin_tables() -> list[str]:
    return [m._meta.db_table for m in apps.get_app_config("saleor_tracking_plugin").get_models()]


def _dsn() -> str:
    db = connection.settings_dict
    return f"host={db['HOST']} port={db['PORT'] or 5432} user={db['USER']} dbname={db['NAME']}"


@contextlib.contextmanager
def tables_locked(lock_timeout_ms: int = 200) -> Iterator[None]:
    """Another session holds ACCESS EXCLUSIVE locks on every plugin table (as a long migration
    or a stuck maintenance job would); this process gives up waiting after `lock_timeout_ms`."""
    holder = psycopg.connect(_dsn())
    try:
        holder.execute(f"LOCK TABLE {', '.join(plugin_tables())} IN ACCESS EXCLUSIVE MODE")
        with connection.cursor() as cursor:
            cursor.execute(f"SET lock_timeout = '{lock_timeout_ms}ms'")
        yield
    finally:
        holder.rollback()
        holder.close()
        with connection.cursor() as cursor:
            cursor.execute("SET lock_timeout = 0")


@contextlib.contextmanager
def tables_failing() -> Iterator[None]:
    """Every write to a plugin table raises in PostgreSQL (a full disk, a broken replica)."""
    tables = plugin_tables()
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE OR REPLACE FUNCTION stp_r1_fail() RETURNS trigger AS $$ BEGIN "
            "RAISE EXCEPTION 'R1 fault: plugin table failing'; END $$ LANGUAGE plpgsql"
        )
        for table in tables:
            cursor.execute(
                f"CREATE TRIGGER stp_r1_fail BEFORE INSERT OR UPDATE OR DELETE ON {table} "
                "FOR EACH STATEMENT EXECUTE FUNCTION stp_r1_fail()"
            )
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            for table in tables:
                cursor.execute(f"DROP TRIGGER IF EXISTS stp_r1_fail ON {table}")
            cursor.execute("DROP FUNCTION IF EXISTS stp_r1_fail()")


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def reset_broker_pools() -> None:
    # Celery caches its broker connections; drop them so the next publish uses the new URL.
    if app._pool is not None:
        with contextlib.suppress(Exception):
            app._pool.force_close_all()
        app._pool = None
    app.amqp._producer_pool = None
    kombu.pools.reset()


@contextlib.contextmanager
def broker_down() -> Iterator[None]:
    """Tasks are sent to a broker (RabbitMQ's protocol) on a port where nothing listens."""
    reset_broker_pools()
    try:
        with override_settings(
            CELERY_TASK_ALWAYS_EAGER=False,
            CELERY_BROKER_URL=f"amqp://guest:guest@127.0.0.1:{_closed_port()}//",
        ):
            yield
    finally:
        reset_broker_pools()


class HangingServer:
    """A loopback HTTP endpoint that accepts connections and never answers; counts them."""

    def __init__(self) -> None:
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen(128)
        self.held: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.socket.getsockname()[1]}"

    def _accept(self) -> None:
        with contextlib.suppress(OSError):
            while True:
                held, _address = self.socket.accept()
                self.held.append(held)

    def close(self) -> None:
        self.socket.close()
        for held in self.held:
            held.close()


@contextlib.contextmanager
def hanging_server() -> Iterator[HangingServer]:
    server = HangingServer()
    try:
        yield server
    finally:
        server.close()
