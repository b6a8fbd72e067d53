"""The outbox worker: sends queued e-mail every few seconds, so no request ever waits for a mail server."""

import signal
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections, connection
from post_office.lockfile import FileLock, FileLocked, default_lockfile
from post_office.mail import send_queued


class Command(BaseCommand):
    help = "Send queued e-mail from the post_office outbox in a loop; failed messages are retried later."

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
        # The file lock keeps two workers on one machine from sending the same batch twice.
        try:
            with FileLock(default_lockfile):
                send_queued()
        except FileLocked:
            self.stdout.write("Another worker holds the outbox lock; trying again next round.")

    def wait(self, seconds: float):
        # Short naps, so a stop signal ends the worker within a moment but never in the middle of a send.
        deadline = time.monotonic() + seconds
        while self.running and time.monotonic() < deadline:
            time.sleep(0.2)

    def stop(self, signum, frame):
        self.running = False
