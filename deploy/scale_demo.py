"""make scale-demo: two Open Kraków instances behind nginx, on one PostgreSQL database, with production settings.

As a script it prepares a fresh database (openkrakow_scale: migrate, demo content, static files, two demo
accounts), starts two gunicorn instances and nginx, prints the addresses and the accounts, and serves until
Ctrl-C. pages/tests/test_scale_out.py starts the same cluster with `cluster()`.

The instances share what must be shared for any request to go to either of them: the database (content,
sessions, rate limits, login lockouts, the page cache's generation) and the SECRET_KEY (signed cookies, CSRF,
the feedback form's stamp). Each keeps its own in-memory page cache, dropped when the generation changes.

Ports: nginx on 8300, the instances on 8301 and 8302; SCALE_PORT, SCALE_PORT_A and SCALE_PORT_B change them.
Logs and nginx's files go to var/scale/. nginx must be installed (`make scale-demo` installs it on Debian).
"""

import contextlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
RUN_DIR = ROOT / "var" / "scale"
STATIC_ROOT = ROOT / "var" / "static"  # settings.STATIC_ROOT, which nginx serves at /static/
TEMPLATE = Path(__file__).with_name("nginx.conf.template")

DATABASE = "openkrakow_scale"
DATABASE_URL = f"postgres://openkrakow:openkrakow@127.0.0.1:5432/{DATABASE}"
NGINX_PORT = int(os.environ.get("SCALE_PORT", "8300"))
INSTANCE_PORTS = (int(os.environ.get("SCALE_PORT_A", "8301")), int(os.environ.get("SCALE_PORT_B", "8302")))
WORKERS = os.environ.get("SCALE_WORKERS", "2")
START_TIMEOUT = 60  # seconds for each process to answer

# Demo accounts in a throwaway database that only loopback can reach; never reuse these passwords.
MODERATOR = ("moderator", os.environ.get("SCALE_MODERATOR_PASSWORD", "moderator-demo-password"))
ADMIN = ("admin", os.environ.get("SCALE_ADMIN_PASSWORD", "admin-demo-password"))

# Run by `manage.py shell -c`; the names and passwords come in through the environment, never in the code.
CREATE_USERS = """
import os
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from feedback.apps import MODERATORS

User = get_user_model()
admin, _ = User.objects.get_or_create(username=os.environ["SCALE_ADMIN"])
admin.email, admin.is_staff, admin.is_superuser = "admin@example.org", True, True
admin.set_password(os.environ["SCALE_ADMIN_PASSWORD"])
admin.save()
moderator, _ = User.objects.get_or_create(username=os.environ["SCALE_MODERATOR"])
moderator.email, moderator.is_staff, moderator.is_superuser = "moderator@example.org", True, False
moderator.set_password(os.environ["SCALE_MODERATOR_PASSWORD"])
moderator.save()
moderator.groups.add(Group.objects.get(name=MODERATORS))
"""


@dataclass
class Cluster:
    url: str  # through nginx
    instances: tuple[str, str]  # each instance directly, for tests that must reach one of them
    processes: dict[str, subprocess.Popen]

    def logs(self) -> list[Path]:
        return sorted(RUN_DIR.glob("*.log"))

    def dead(self) -> list[str]:
        return [name for name, process in self.processes.items() if process.poll() is not None]


def find_nginx() -> str | None:
    """nginx on PATH, or in /usr/sbin, which is not on a normal user's PATH; NGINX=... names another."""
    candidates = [os.environ.get("NGINX"), shutil.which("nginx"), "/usr/sbin/nginx", "/usr/local/sbin/nginx"]
    return next((path for path in candidates if path and os.access(path, os.X_OK)), None)


def app_environment(secret_key: str) -> dict[str, str]:
    """Production settings, the same for both instances: above all the same SECRET_KEY."""
    # Not what a test run leaves in the environment (pytest's own variables, conftest's async permission).
    inherited = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("PYTEST_") and name != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    return {
        **inherited,
        "DATABASE_URL": DATABASE_URL,
        "DEBUG": "0",
        "HTTPS": "0",  # plain HTTP on loopback; production terminates TLS in front and keeps HTTPS on
        "SECRET_KEY": secret_key,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "TRUSTED_PROXY_COUNT": "1",  # nginx appends the client's address to X-Forwarded-For
        "PAGE_CACHE": "1",
        "SERVE_MEDIA": "1",  # uploads live on this machine's disk, which both instances share here
        "SITE_URL": f"http://127.0.0.1:{NGINX_PORT}",
    }


def tail(path: Path, lines: int = 40) -> str:
    text = path.read_text(errors="replace") if path.exists() else ""
    return f"--- {path.relative_to(ROOT)} (last {lines} lines)\n" + "\n".join(text.splitlines()[-lines:])


def _run(command: list, env: dict, log: Path) -> None:
    """One preparation step; its output goes to the log, which the error shows when it fails."""
    with log.open("ab") as out:
        out.write(f"$ {' '.join(map(str, command))}\n".encode())
        out.flush()
        result = subprocess.run(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, check=False)  # noqa: S603
    if result.returncode:
        raise RuntimeError(f"{' '.join(map(str, command))} failed ({result.returncode})\n{tail(log)}")


def prepare(env: dict, say: Callable[[str], None] = print) -> None:
    """A fresh database with the demo content and accounts, and the static files nginx serves."""
    log = RUN_DIR / "prepare.log"
    manage = [str(BIN / "python"), "manage.py"]
    say(f"PostgreSQL: a fresh database {DATABASE}")
    _run(["bash", ".ci/postgres", DATABASE], env, log)
    say("migrate, load_demo, collectstatic, demo accounts")
    _run([*manage, "migrate", "--noinput", "-v0"], env, log)
    _run([*manage, "load_demo", "-v0"], env, log)
    _run([*manage, "collectstatic", "--noinput", "-v0"], env, log)
    accounts = {
        "SCALE_ADMIN": ADMIN[0],
        "SCALE_ADMIN_PASSWORD": ADMIN[1],
        "SCALE_MODERATOR": MODERATOR[0],
        "SCALE_MODERATOR_PASSWORD": MODERATOR[1],
    }
    _run([*manage, "shell", "-c", CREATE_USERS], {**env, **accounts}, log)


def nginx_conf() -> Path:
    """var/scale/nginx.conf from the template, for this checkout's paths and the chosen ports."""
    values = {
        "RUN_DIR": str(RUN_DIR),
        "STATIC_PARENT": str(STATIC_ROOT.parent),  # nginx's root: /static/x is looked up as <root>/static/x
        "PORT": str(NGINX_PORT),
        "PORT_A": str(INSTANCE_PORTS[0]),
        "PORT_B": str(INSTANCE_PORTS[1]),
        # Started by root, nginx would run its workers as "nobody"; as whoever started it they can read
        # var/static and write var/scale/tmp whatever the permissions. Other users cannot switch anyway.
        "USER_DIRECTIVE": "user root;" if os.geteuid() == 0 else "",
    }
    text = TEMPLATE.read_text()
    for name, value in values.items():
        text = text.replace(f"@{name}@", value)
    conf = RUN_DIR / "nginx.conf"
    conf.write_text(text)
    return conf


def _port_free(port: int) -> None:
    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", port)) == 0:
            raise RuntimeError(
                f"Port {port} on 127.0.0.1 is already in use (another scale demo?); "
                "stop it or choose other ports with SCALE_PORT, SCALE_PORT_A, SCALE_PORT_B."
            )


def _start(name: str, command: list, env: dict) -> subprocess.Popen:
    # A session of its own: Ctrl-C reaches only this script, which then stops everything in order.
    with (RUN_DIR / f"{name}.log").open("wb") as log:
        return subprocess.Popen(  # noqa: S603
            [str(part) for part in command],
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def _wait_until_answering(url: str, processes: dict[str, subprocess.Popen]) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while True:
        for name, process in processes.items():
            if process.poll() is not None:
                raise RuntimeError(f"{name} exited with status {process.returncode} while starting")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 (our own loopback server)
                if response.status == 200:
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise TimeoutError(f"{url} did not answer 200 within {START_TIMEOUT} s")
        time.sleep(0.2)


def _stop(processes: dict[str, subprocess.Popen]) -> None:
    """nginx first (no new requests), then the instances; gracefully, and killed after ten seconds."""
    for name in sorted(processes, key=lambda name: name != "nginx"):
        process = processes[name]
        if process.poll() is None:
            # nginx: SIGQUIT is its graceful shutdown; gunicorn: SIGTERM is.
            process.send_signal(signal.SIGQUIT if name == "nginx" else signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)  # the session _start made for it: it and its workers
                process.wait()


@contextlib.contextmanager
def cluster(*, say: Callable[[str], None] = print) -> Iterator[Cluster]:
    """Prepare the database, start both instances and nginx, wait until all answer; stop them all on exit."""
    nginx = find_nginx()
    if nginx is None:
        raise RuntimeError("nginx is not installed: `make scale-demo` installs it (apt-get install nginx).")
    for port in (NGINX_PORT, *INSTANCE_PORTS):
        _port_free(port)
    (RUN_DIR / "tmp").mkdir(parents=True, exist_ok=True)
    for old in RUN_DIR.glob("*.log"):
        old.unlink()
    env = app_environment(secrets.token_urlsafe(50))
    prepare(env, say)
    conf = nginx_conf()
    nginx_command = [nginx, "-p", RUN_DIR, "-e", RUN_DIR / "nginx-error.log", "-c", conf]
    _run([*nginx_command, "-t", "-q"], env, RUN_DIR / "prepare.log")

    instances = tuple(f"http://127.0.0.1:{port}" for port in INSTANCE_PORTS)
    processes: dict[str, subprocess.Popen] = {}
    try:
        try:
            for name, port in zip(("app-a", "app-b"), INSTANCE_PORTS, strict=True):
                say(f"gunicorn {name} on 127.0.0.1:{port} ({WORKERS} workers)")
                gunicorn = [BIN / "gunicorn", "openkrakow.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", WORKERS]
                gunicorn += ["--name", f"openkrakow-{name}", "--access-logfile", "-"]
                # gunicorn's control socket defaults to one path per user (~/.gunicorn/gunicorn.ctl): two instances
                # would take it from each other. Each gets its own under var/scale/.
                gunicorn += ["--control-socket", RUN_DIR / f"{name}.ctl"]
                processes[name] = _start(name, gunicorn, env)
            for url in instances:
                _wait_until_answering(f"{url}/healthz", processes)
            say(f"nginx on 127.0.0.1:{NGINX_PORT}")
            processes["nginx"] = _start("nginx", nginx_command, env)
            _wait_until_answering(f"http://127.0.0.1:{NGINX_PORT}/healthz", processes)
        except Exception as error:
            logs = "\n".join(tail(path) for path in sorted(RUN_DIR.glob("*.log")))
            raise RuntimeError(f"The scale demo did not start: {error}\n{logs}") from error
        yield Cluster(url=f"http://127.0.0.1:{NGINX_PORT}", instances=instances, processes=processes)
    finally:
        _stop(processes)


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def main() -> int:
    signal.signal(signal.SIGTERM, _interrupt)  # `kill <pid>` stops everything in order too, like Ctrl-C
    try:
        with cluster() as running:
            print(
                f"""
Open Kraków, scaled out: nginx in front of two gunicorn instances on PostgreSQL ({DATABASE}).
  the site, through nginx   {running.url}/en/
  the admin                 {running.url}/admin/
  instance A directly       {running.instances[0]}/en/
  instance B directly       {running.instances[1]}/en/
  moderator (feedback)      {MODERATOR[0]} / {MODERATOR[1]}
  superuser                 {ADMIN[0]} / {ADMIN[1]}
  logs                      {RUN_DIR.relative_to(ROOT)}/*.log (X-Upstream on each response names the instance)
Press Ctrl-C to stop.""",
                flush=True,
            )
            while not running.dead():
                time.sleep(1)
            print(f"Stopped unexpectedly: {', '.join(running.dead())}; see {RUN_DIR.relative_to(ROOT)}/*.log")
            return 1
    except KeyboardInterrupt:
        print("\nStopped.")
        return 0


if __name__ == "__main__":
    sys.exit(main())
