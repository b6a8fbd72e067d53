"""make lighthouse: Lighthouse scores of the home page, the schedule and the feedback form, in Ukrainian and Polish.

The site runs as `make bench` runs it (gunicorn, production settings, the demo content), on its own SQLite file;
Lighthouse comes from tools/lighthouse (npm) and drives the system's Chromium, so nothing is downloaded. Each page
is measured with the mobile profile (Lighthouse's default) and the desktop one. Writes bench/lighthouse.md and
fails if a page scores below the issue's bar: accessibility, best practices and SEO 1.00, mobile performance 0.95.
"""

import json
import os
import secrets
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import server

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
LIGHTHOUSE = ROOT / "tools" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
PORT = int(os.environ.get("LIGHTHOUSE_PORT", "8300"))
BASE = f"http://127.0.0.1:{PORT}"
DATABASE = ROOT / "var" / "lighthouse.sqlite3"
ENV = {
    **os.environ,
    "DATABASE_URL": f"sqlite:///{DATABASE}",
    "DEBUG": "0",
    "HTTPS": "0",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    "SERVE_MEDIA": "1",
    "MEDIA_ROOT": str(ROOT / "var" / "lighthouse-media"),
}
PAGES = [
    (f"{name} ({language})", path.format(language=language))
    for language in ("uk", "pl")
    for name, path in [
        ("home", "/{language}/"),
        ("schedule", "/{language}/conference/schedule/"),
        ("feedback form", "/{language}/feedback/"),
    ]
]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
METRICS = ["largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift"]
# The bar: (category, profiles it applies to, lowest score).
BAR = [
    ("accessibility", {"mobile", "desktop"}, 1.0),
    ("best-practices", {"mobile", "desktop"}, 1.0),
    ("seo", {"mobile", "desktop"}, 1.0),
    ("performance", {"mobile"}, 0.95),
]


def manage(*args, **kwargs):
    return subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=ENV, check=True, **kwargs)


def prepare():
    DATABASE.unlink(missing_ok=True)
    manage("migrate", "--noinput", "-v0")
    manage("load_demo", "-v0", stdout=subprocess.DEVNULL)
    manage("collectstatic", "--noinput", "-v0")


def lighthouse(url: str, profile: str, out: Path) -> dict:
    command = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        f"--output-path={out}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        "--quiet",
    ]
    if profile == "desktop":
        command.append("--preset=desktop")
    # Lighthouse sometimes loses its own trace (NO_NAVSTART) and asks to be run again: up to three tries.
    for attempt in range(3):
        if subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROME}).returncode == 0:
            return json.loads(out.read_text())
        print(f"Lighthouse failed on {url} ({profile}), try {attempt + 1} of 3", file=sys.stderr)
    sys.exit(f"Lighthouse could not measure {url} ({profile}) in three tries.")


def failing_audits(report: dict) -> list[tuple[str, str, str]]:
    """(category, audit id, title) of every audit that counts towards a category and did not pass."""
    found = []
    for category_id, category in report["categories"].items():
        for ref in category["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref.get("weight", 0) and audit.get("score") is not None and audit["score"] < 1:
                value = f" ({audit['displayValue']})" if audit.get("displayValue") else ""
                found.append((category_id, ref["id"], audit["title"] + value))
    return found


def main() -> int:
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse is missing: run `npm ci --prefix tools/lighthouse` (or `make lighthouse`).")
    prepare()
    results = []
    with server.serve(ENV, port=PORT, workers="2"), tempfile.TemporaryDirectory() as directory:
        for name, path in PAGES:
            for profile in ("mobile", "desktop"):
                report = lighthouse(BASE + path, profile, Path(directory) / "report.json")
                if report.get("runtimeError"):
                    sys.exit(f"Lighthouse could not measure {path}: {report['runtimeError'].get('message')}")
                # A category Lighthouse could not score counts as 0, so it fails the bar rather than passing.
                scores = {c: report["categories"][c]["score"] or 0 for c in CATEGORIES}
                metrics = {m: report["audits"][m].get("displayValue", "") for m in METRICS}
                results.append((name, path, profile, scores, failing_audits(report), metrics))
                print(name, profile, " ".join(f"{c} {s:.2f}" for c, s in scores.items()), flush=True)
    below = [
        f"{name} ({profile}): {category} {scores[category]:.2f} < {lowest:.2f}"
        for name, _path, profile, scores, _audits, _metrics in results
        for category, profiles, lowest in BAR
        if profile in profiles and scores[category] < lowest
    ]
    write(results, below)
    for line in below:
        print("BELOW THE BAR:", line, file=sys.stderr)
    return 1 if below else 0


def write(results, below):
    lines = [
        "# Lighthouse",
        "",
        f"Measured by `make lighthouse` on {time.strftime('%Y-%m-%d')}: Lighthouse {lighthouse_version()},",
        f"{chromium_version()} headless, gunicorn with production settings (DEBUG off, page cache on), the demo",
        "content, on loopback. Mobile is Lighthouse's default profile (a mid-range phone on a slow 4G network,",
        "simulated); desktop is its desktop preset.",
        "",
        "The bar: accessibility, best practices and SEO 1.00 everywhere, performance at least 0.95 on mobile.",
        "",
        "| page | profile | performance | accessibility | best practices | SEO | LCP · TBT · CLS |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, path, profile, scores, _audits, metrics in results:
        cells = [f"{name} `{path}`", profile, *(f"{scores[c]:.2f}" for c in CATEGORIES), " · ".join(metrics.values())]
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", "## Below the bar", ""] + ([f"- {line}" for line in below] or ["Nothing: every page meets it."])
    lines += ["", "## Audits that did not pass", ""]
    audits = {}
    for name, _path, profile, _scores, failing, _metrics in results:
        for category, audit_id, title in failing:
            audits.setdefault((category, audit_id, title.split(" (")[0]), []).append(f"{name} {profile}")
    if not audits:
        lines.append("None.")
    for (category, audit_id, title), where in sorted(audits.items()):
        lines.append(f"- {category} · `{audit_id}`: {title} — {', '.join(where)}")
    (ROOT / "bench" / "lighthouse.md").write_text("\n".join(lines) + "\n")
    print((ROOT / "bench" / "lighthouse.md").read_text())


def lighthouse_version() -> str:
    return subprocess.run([LIGHTHOUSE, "--version"], capture_output=True, text=True).stdout.strip()


def chromium_version() -> str:
    words = subprocess.run([CHROME, "--version"], capture_output=True, text=True).stdout.split()
    return " ".join(words[:2])  # "Chromium 150.0.7871.100", without the distribution's note


if __name__ == "__main__":
    sys.exit(main())
