"""gunicorn serving the site for a benchmark script, until the block ends (bench/run.py, bench/lighthouse.py)."""

import contextlib
import subprocess
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@contextlib.contextmanager
def serve(env: dict, *, port: int, workers: str, options=()):
    """gunicorn on 127.0.0.1:`port` with these settings, answering /healthz before the block starts."""
    server = subprocess.Popen(
        [ROOT / ".venv/bin/gunicorn", "openkrakow.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", workers, *options],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(60):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)  # noqa: S310 (loopback)
                break
            except OSError:
                time.sleep(0.5)
        yield server
    finally:
        server.terminate()
        server.wait()
