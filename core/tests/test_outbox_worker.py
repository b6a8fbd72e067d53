"""The outbox worker as production runs it: its own process, a real SMTP server, a real SIGKILL.

Each test gives the worker a database of its own (a copy of one migrated at the start of the module): an SQLite
file, or on PostgreSQL (DATABASE_URL) a database named after DATABASE_URL's with an `_outbox_...` suffix. The test
queues messages and reads statuses through `manage.py shell` in that database, and counts what an aiosmtpd server
in this process accepted.
"""

import asyncio
import json
import logging
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from pathlib import Path

import dj_database_url
import pytest
from aiosmtpd.controller import Controller

from deploy import scale_demo

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
LOCKED = "Another worker holds the outbox lock"
POSTGRES_URL = os.environ.get("DATABASE_URL", "")
ON_POSTGRES = POSTGRES_URL.startswith(("postgres://", "postgresql://"))

QUEUE = """
import os
from django.core import mail
prefix, count = os.environ["QUEUE_PREFIX"], int(os.environ["QUEUE_COUNT"])
for number in range(count):
    mail.send_mail(f"Message {number}", "Body", None, [f"{prefix}{number}@example.org"])
"""
STATUSES = """
import json
import logging
from django.db.models import Count
from post_office.models import STATUS, Email
counts = Email.objects.values_list("status").annotate(Count("id")).order_by()
print(json.dumps({STATUS._fields[status]: count for status, count in counts}))
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Sink:
    """An SMTP server that records each message it receives, then takes `delay` seconds to say it accepted it.

    A sender that dies in that moment has had its message delivered without knowing: the worst case for the kill
    test, as with a real server that stored the message before its answer got through.
    """

    delay: float
    port: int = field(default_factory=free_port)
    deliveries: list[tuple[str, str]] = field(default_factory=list)  # (recipient, Message-ID)

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
        message_id = message_from_bytes(envelope.content, policy=policy.default)["Message-ID"]
        self.deliveries.extend((recipient, message_id) for recipient in envelope.rcpt_tos)
        await asyncio.sleep(self.delay)
        return "250 OK"

    def recipients(self) -> Counter:
        return Counter(recipient for recipient, _ in list(self.deliveries))


@pytest.fixture
def sink() -> Iterator[Callable[..., Sink]]:
    controllers = []
    smtp_log = logging.getLogger("mail.log")  # aiosmtpd's, a line per SMTP command
    level = smtp_log.level
    smtp_log.setLevel(logging.WARNING)

    def start(*, delay: float) -> Sink:
        handler = Sink(delay=delay)
        controller = Controller(handler, hostname="127.0.0.1", port=handler.port)
        controller.start()
        controllers.append(controller)
        return handler

    yield start
    for controller in controllers:
        controller.stop()
    smtp_log.setLevel(level)


def run_environment(database_url: str, **extra: str) -> dict[str, str]:
    """Production settings (DEBUG off, the scale demo's) on the given database."""
    return {
        **scale_demo.app_environment(secrets.token_urlsafe(50)),
        "DATABASE_URL": database_url,
        "PYTHONUNBUFFERED": "1",
        **extra,
    }


def manage(database_url: str, *args: str, **env: str) -> str:
    result = subprocess.run(  # noqa: S603 (our own manage.py)
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=run_environment(database_url, **env),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


class Postgres:
    """Databases next to the test database, made by the role of DATABASE_URL (which may create databases)."""

    def __init__(self):
        self.params = dj_database_url.parse(POSTGRES_URL)

    def url(self, name: str) -> str:
        p = self.params
        return f"postgres://{p['USER']}:{p['PASSWORD']}@{p['HOST']}:{p['PORT'] or 5432}/{name}"

    def name(self, suffix: str) -> str:
        return f"{self.params['NAME']}_outbox_{suffix}"

    def execute(self, sql: str) -> None:
        import psycopg2

        p = self.params
        admin = psycopg2.connect(
            dbname="postgres", user=p["USER"], password=p["PASSWORD"], host=p["HOST"], port=p["PORT"] or 5432
        )
        try:
            admin.autocommit = True  # CREATE and DROP DATABASE refuse to run in a transaction
            with admin.cursor() as cursor:
                cursor.execute(sql)
        finally:
            admin.close()

    def create(self, name: str, *, template: str | None = None) -> None:
        self.drop(name)
        sql = f"CREATE DATABASE {name}" + (f" TEMPLATE {template}" if template else "")
        for attempt in range(20):  # the template's last connection (migrate's) may take a moment to go
            try:
                self.execute(sql)
                return
            except Exception:
                if attempt == 19:
                    raise
                time.sleep(0.25)

    def drop(self, name: str) -> None:
        self.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(scope="module")
def migrated_database(tmp_path_factory) -> Iterator[str]:
    """One migrated database per module, copied for each site; its name (PostgreSQL) or file (SQLite)."""
    if ON_POSTGRES:
        postgres = Postgres()
        name = postgres.name("template")
        postgres.create(name)
        manage(postgres.url(name), "migrate", "--noinput", "-v0")
        yield name
        postgres.drop(name)
    else:
        path = tmp_path_factory.mktemp("outbox") / "template.sqlite3"
        manage(f"sqlite:///{path}", "migrate", "--noinput", "-v0")
        yield str(path)


@dataclass
class Worker:
    process: subprocess.Popen
    log: Path

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def stop(self) -> int:
        """SIGTERM, as systemd or Ctrl-C would: the worker finishes the message it is sending and exits."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=60)


@dataclass
class Site:
    """One site's database, as another checkout or another deployment on this machine would have it."""

    database_url: str
    runs: Path
    workers: list[Worker] = field(default_factory=list)

    def queue(self, count: int, *, prefix: str) -> list[str]:
        manage(self.database_url, "shell", "-v0", "-c", QUEUE, QUEUE_PREFIX=prefix, QUEUE_COUNT=str(count))
        return [f"{prefix}{number}@example.org" for number in range(count)]

    def statuses(self) -> dict[str, int]:
        return json.loads(manage(self.database_url, "shell", "-v0", "-c", STATUSES).strip().splitlines()[-1])

    def smtp(self, sink: Sink) -> dict[str, str]:
        return {"EMAIL_DELIVERY": "smtp", "EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(sink.port)}

    def start_worker(self, sink: Sink, *args: str) -> Worker:
        log = self.runs / f"worker-{len(self.workers)}.log"
        with log.open("wb") as out:
            process = subprocess.Popen(  # noqa: S603 (our own manage.py)
                [sys.executable, "manage.py", "outbox_worker", "--interval", "0.2", *args],
                cwd=ROOT,
                env=run_environment(self.database_url, **self.smtp(sink)),
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )
        worker = Worker(process, log)
        self.workers.append(worker)
        return worker

    def logs(self) -> str:
        return "\n".join(f"--- {worker.log.name}\n{worker.output()[-3000:]}" for worker in self.workers)


@pytest.fixture
def new_site(migrated_database, tmp_path) -> Iterator[Callable[[str], Site]]:
    sites: list[Site] = []
    postgres = Postgres() if ON_POSTGRES else None

    def make(label: str) -> Site:
        runs = tmp_path / label
        runs.mkdir()
        if postgres:
            name = postgres.name(label)
            postgres.create(name, template=migrated_database)
            url = postgres.url(name)
        else:
            url = f"sqlite:///{shutil.copy(migrated_database, runs / 'db.sqlite3')}"
        site = Site(url, runs)
        sites.append(site)
        return site

    yield make
    for site in sites:
        for worker in site.workers:
            if worker.process.poll() is None:
                worker.process.kill()
                worker.process.wait()
    if postgres:
        for site in sites:
            postgres.drop(site.database_url.rsplit("/", 1)[1])


def wait_until(condition: Callable[[], bool], *, site: Site, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"gave up waiting after {timeout} s\n{site.logs()}")
        time.sleep(0.02)


@contextmanager
def timed(figures: dict) -> Iterator[None]:
    started = time.monotonic()
    yield
    figures["seconds"] = round(time.monotonic() - started, 1)


def test_killed_worker_resends_at_most_the_message_in_flight(new_site, sink):
    figures = {"database": "PostgreSQL" if ON_POSTGRES else "SQLite"}
    server = sink(delay=0.1)
    site = new_site("kill")
    recipients = site.queue(60, prefix="person")

    with timed(figures):
        worker = site.start_worker(server)
        wait_until(lambda: len(server.deliveries) >= 25, site=site)
        os.kill(worker.process.pid, signal.SIGKILL)
        worker.process.wait(timeout=10)
        figures["delivered_before_kill"] = len(server.deliveries)

        restarted = site.start_worker(server)
        wait_until(lambda: set(recipients) <= set(server.recipients()), site=site)
        assert restarted.stop() == 0, site.logs()  # and whatever it was still sending has arrived too

    received = server.recipients()
    figures |= {
        "queued": len(recipients),
        "delivered": sum(received.values()),
        "duplicated": sum(count - 1 for count in received.values()),
        "lost": len(set(recipients) - set(received)),
        "statuses": site.statuses(),
    }
    print(f"\noutbox kill test: {figures}")
    assert figures["lost"] == 0, figures
    assert figures["duplicated"] <= 1, figures
    assert set(received) == set(recipients), figures
    assert figures["statuses"] == {"sent": 60}, figures
    assert len({message_id for _, message_id in server.deliveries}) == 60, figures  # one Message-ID per e-mail


def test_two_sites_on_one_machine_never_wait_for_each_other(new_site, sink):
    slow_server, other_server = sink(delay=0.3), sink(delay=0)
    busy, other = new_site("busy"), new_site("other")
    busy.queue(100, prefix="busy")
    expected = other.queue(5, prefix="other")

    busy_worker = busy.start_worker(slow_server)
    wait_until(lambda: slow_server.deliveries, site=busy)  # the busy site's worker is in the middle of a round

    once = other.start_worker(other_server, "--once")
    assert once.process.wait(timeout=60) == 0, other.logs()
    assert LOCKED not in once.output()
    assert sorted(other_server.recipients()) == sorted(expected)
    assert len(slow_server.deliveries) < 100  # the busy site was still sending all along

    assert busy_worker.stop() == 0
    assert LOCKED not in busy_worker.output()


def test_two_workers_of_one_site_never_send_the_same_message(new_site, sink):
    server = sink(delay=0.15)
    site = new_site("pair")
    recipients = site.queue(40, prefix="member")

    workers = [site.start_worker(server), site.start_worker(server)]
    wait_until(lambda: set(recipients) <= set(server.recipients()), site=site)
    assert [worker.stop() for worker in workers] == [0, 0], site.logs()

    received = server.recipients()
    assert sorted(received) == sorted(recipients)
    assert set(received.values()) == {1}, f"sent twice: {[r for r, n in received.items() if n > 1]}"
    assert site.statuses() == {"sent": 40}
    if ON_POSTGRES:
        # Row locks, not a lock file: both workers sent, side by side.
        assert all("Sent " in worker.output() for worker in workers), site.logs()
        assert LOCKED not in site.logs()
