"""The outbox worker: sends queued e-mail every few seconds, so no request ever waits for a mail server."""

import signal
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections, connection

from core.outbox import OutboxLocked, send_queued_emails


class Command(BaseCommand):
    help = (
        "Send queued e-mail from the post_office outbox in a loop, one message at a time, each marked sent as soon "
        "as the mail server accepted it; failed messages are retried later."
    )

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=10.0, help="Seconds between rounds.")
        parser.add_argument("--once", action="store_true", help="Send one round and stop.")

    def handle(self, *args, interval, once, **options):
        self.running = True
        signal.signal(signal.SIGTERM, self.stop)
        signal.signal(signal.SIGINT, self.stop)
        self.stdout.write(f"Outbox worker started; sending queued e-mail every {interval:g} s.")
        while self.running:
            if not connection.in_atomic_block:  # a long-running loop must drop stale connections itself
                close_old_connections()
            self.send_round()
            if once:
                break
            self.wait(interval)

    def send_round(self):
        # Only a worker of the same database can hold the lock (and only on SQLite, which has no row locks).
        try:
            result = send_queued_emails(keep_going=lambda: self.running)
        except OutboxLocked:
            self.stdout.write("Another worker holds the outbox lock; trying again next round.")
            return
        if result.sent or result.requeued or result.failed:
            self.stdout.write(f"Sent {result.sent}, requeued {result.requeued}, failed {result.failed}.")

    def wait(self, seconds: float):
        # Short naps, so a stop signal ends the worker within a moment; a stop during a round ends it after the
        # message being sent, never in the middle of one.
        deadline = time.monotonic() + seconds
        while self.running and time.monotonic() < deadline:
            time.sleep(0.2)

    def stop(self, signum, frame):
        self.running = False
