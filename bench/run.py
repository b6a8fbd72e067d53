"""make bench: the site under gunicorn with production settings on PostgreSQL, loaded with wrk on loopback.

Writes bench/results.md: requests per second, p50/p99 latency at 16 and 64 connections, HTML bytes raw and
gzipped, and SQL queries per request, each also as a ratio to a whitenoise static file measured in the same run;
then the site search over 10,000 generated translations (bench/search_data.py): each query's latency from one
client, and requests per second at 16 connections.
"""

import gzip
import json
import os
import platform
import re
import secrets
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import rush
import server

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
PORT = int(os.environ.get("BENCH_PORT", "8100"))
BASE = f"http://127.0.0.1:{PORT}"
DURATION = os.environ.get("BENCH_SECONDS", "8")
WARM_UP = "2"  # seconds of load before an uncached page is measured
REDIS_PORT = int(os.environ.get("BENCH_REDIS_PORT", "6399"))
ENV = {
    **os.environ,
    "DATABASE_URL": "postgres://openkrakow:openkrakow@127.0.0.1:5432/openkrakow_bench",
    "DEBUG": "0",
    "HTTPS": "0",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    "SERVE_MEDIA": "1",
    # The shared cache as production should have it: Redis (see the README); the page cache is on by default.
    "REDIS_URL": f"redis://127.0.0.1:{REDIS_PORT}/0",
}


# The site search: (language, query). One word, three words, and a typo, in Polish and Ukrainian; the words occur
# throughout the generated texts (bench/search_data.py), which are the demo's sentences recombined.
SEARCHES = [
    ("pl", "cudzoziemców"),
    ("pl", "program integracji cudzoziemców"),
    ("uk", "іноземців"),
    ("uk", "програма інтеграції іноземців"),
    ("pl", "Krakw"),
]
SEARCH_REQUESTS, SEARCH_WARMUP, SEARCH_SECONDS = 200, 20, float(os.environ.get("BENCH_SEARCH_SECONDS", "40"))
SEARCH_P95_MS = 50
# Cached pages measured again with the embedded default (the database cache, no Redis), and rendered with the page
# cache off; and the registration rush (bench/rush.py): its four pages, read at once.
EMBEDDED_TARGETS = ["home (uk)", "schedule, all days (60 sessions)", "session page"]
UNCACHED_TARGETS = ["schedule, all days (60 sessions)", "session page", "schedule.ics", "schedule.xml"]
RUSH_TARGETS = [
    ("schedule", "/en/conference/schedule/"),
    ("session page, with places left", "/en/conference/sessions/OKDE03/"),
    ("home", "/en/"),
    ("register form", "/en/conference/register/"),
]
# The budgets for these: the embedded default's cached pages against the static file; uncached renders
# against 5× pretalx 2025.2's no-JS schedule (36 req/s measured on this machine by the issue, not by this script);
# cached pages during the rush against the static file read the same way.
EMBEDDED_RATIO, UNCACHED_RPS, RUSH_RATIO, GROWTH_TOLERANCE = 0.85, 180, 0.7, 1.1


def search_path(language: str, query: str) -> str:
    return f"/{language}/search/?" + urllib.parse.urlencode({"q": query})


def manage(*args, env=None, **kwargs):
    return subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env or ENV, check=True, **kwargs)


def shell_output(script: str, env: dict) -> str:
    """What bench/<script> prints, run in manage.py shell with these settings besides the benchmark's."""
    code = (ROOT / "bench" / script).read_text()
    return manage("shell", "-c", code, capture_output=True, text=True, env={**ENV, **env}).stdout


def wrk(url: str, connections: int, seconds: str = DURATION) -> dict:
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    latency = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)", out, re.MULTILINE))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": to_ms(latency["50"]),
        "p99": to_ms(latency["99"]),
        "errors": int(errors.group(1)) if errors else 0,
    }


def to_ms(value: str) -> float:
    number, unit = re.match(r"([\d.]+)(\w+)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def main():
    redis = subprocess.Popen(
        ["redis-server", "--port", str(REDIS_PORT), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    try:
        time.sleep(0.5)
        run()
    finally:
        redis.terminate()
        redis.wait()


def run():
    subprocess.run(["bash", ".ci/postgres", "openkrakow_bench"], cwd=ROOT, check=True)
    manage("migrate", "--noinput", "-v0")
    manage("load_demo", "-v0", stdout=subprocess.DEVNULL)
    manage("shell", "-c", (ROOT / "bench" / "prepare.py").read_text())
    indexed = manage(
        "shell",
        "-c",
        (ROOT / "bench" / "search_data.py").read_text(),
        env={**ENV, "BENCH_SEARCHES": json.dumps(SEARCHES)},
        capture_output=True,
        text=True,
    ).stdout.strip()
    print(indexed.splitlines()[-2], flush=True)
    search_index = json.loads(indexed.splitlines()[-1])
    manage("collectstatic", "--noinput", "-v0")
    static = next((ROOT / "var" / "static" / "css").glob("site.*.css")).name
    targets = [
        ("static file (reference)", f"/static/css/{static}"),
        *[(f"home ({lang})", f"/{lang}/") for lang in ("pl", "en", "uk", "ru")],
        ("programme page", "/en/aims/liaison-officer/"),
        ("schedule, all days (60 sessions)", "/en/conference/schedule/"),
        ("session page", "/en/conference/sessions/OKDE01/"),
        ("schedule.ics", "/en/conference/schedule.ics"),
        ("schedule.xml", "/en/conference/schedule.xml"),
        ("feedback form (GET)", "/en/feedback/"),
    ]
    workers = str(os.cpu_count() * 2 + 1)
    with serve(ENV, workers):
        rows = []
        for name, path in targets:
            body = urllib.request.urlopen(BASE + path).read()  # noqa: S310
            row = {"name": name, "path": path, "raw": len(body), "gzip": len(gzip.compress(body))}
            for connections in (16, 64):
                row[connections] = wrk(BASE + path, connections)
            rows.append(row)
            print(f"{name}: {row[16]['rps']:.0f} rps at 16, {row[64]['rps']:.0f} rps at 64", flush=True)
        searches = [search_latency(language, query) for language, query in SEARCHES]
        searches[0][16] = wrk(BASE + searches[0]["path"], 16)
    # The embedded default: the database as the shared cache, no Redis (its table, which migrate made only for Redis).
    embedded = {key: value for key, value in ENV.items() if key != "REDIS_URL"}
    manage("createcachetable", env=embedded)
    with serve(embedded, workers):
        default_rows = []
        for name, path in [targets[0], *[t for t in targets if t[0] in EMBEDDED_TARGETS]]:
            default_rows.append({"name": name, "path": path, 16: wrk(BASE + path, 16), 64: wrk(BASE + path, 64)})
            print(f"{name}, database cache: {default_rows[-1][64]['rps']:.0f} rps at 64", flush=True)
        rush_result = run_rush(embedded, targets[0][1])
    uncached = [{"name": name, "path": path} for name, path in targets if name in UNCACHED_TARGETS]
    # Whole pages not kept: every request renders its page from the values and per-session parts kept, as when a
    # page expires (the schedule after a minute) or a change drops it that its rows do not show; then nothing kept
    # at all, as in a new process, or after a save of what every row shows (a session, room, speaker...).
    for mode, env in (("miss", {"PAGE_CACHE_KEEP_PAGES": "0"}), ("cold", {"PAGE_CACHE": "0"})):
        with serve({**ENV, **env}, workers):
            for row in uncached:
                # Every worker has rendered the page once (what it keeps is per process), as in a site that runs.
                wrk(BASE + row["path"], 16, WARM_UP)
                row[mode] = wrk(BASE + row["path"], 16)
                print(f"{row['name']}, page cache off ({mode}): {row[mode]['rps']:.0f} rps at 16", flush=True)
    growth = json.loads(
        shell_output("growth.py", {"PAGE_CACHE": "0", "ALLOWED_HOSTS": "127.0.0.1"}).split("GROWTH ", 1)[1]
    )
    print(f"growth: {growth}", flush=True)
    paths = [path for _name, path in targets] + [s["path"] for s in searches]
    # Django's test client calls itself "testserver".
    queries = shell_output("queries.py", {"ALLOWED_HOSTS": "testserver", "BENCH_PATHS": json.dumps(paths)})
    queries = json.loads(queries.strip().splitlines()[-1])
    write_results(rows, queries, workers, search_index, searches, default_rows, uncached, rush_result, growth)


def serve(env: dict, workers: str):
    """gunicorn with these settings on PORT, until the block ends."""
    control = ["--control-socket", ROOT / "var" / "bench-gunicorn.ctl"]
    return server.serve(env, port=PORT, workers=workers, options=control)


def run_rush(env: dict, static_path: str) -> dict:
    """The registration rush (bench/rush.py), against the server running with `env`."""
    pages = {name: BASE + path for name, path in RUSH_TARGETS}
    # The reference: the static file read by as many clients at once.
    static = rush.concurrent_wrk(dict.fromkeys(pages, BASE + static_path), rush.SECONDS)
    ids = rush.session_ids(BASE)
    editor = subprocess.Popen(
        [PYTHON, "manage.py", "shell", "-c", rush.EDITOR],
        cwd=ROOT,
        env={**env, "RUSH_SECONDS": rush.SECONDS, "RUSH_EDITOR_SECONDS": str(rush.EDITOR_SAVE_SECONDS)},
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    # The editor's process has started (Django loaded), so its start-up is not measured.
    while editor.stdout.readline().strip() != "READY":
        pass
    booker = rush.Booker(BASE, ids, float(rush.SECONDS))
    booker.start()
    during = rush.concurrent_wrk(pages, rush.SECONDS)
    booker.join()
    saves = int(re.search(r"EDITOR (\d+)", editor.communicate()[0]).group(1))
    counted = manage("shell", "-c", rush.COUNT, env=env, capture_output=True, text=True).stdout
    result = {
        "static": static,
        "pages": during,
        "paths": dict(RUSH_TARGETS),
        "bookings": booker.made,
        "booking_errors": booker.failed,
        "editor_saves": saves,
        **json.loads(re.search(r"^COUNT (.*)$", counted, re.MULTILINE).group(1)),
    }
    print(f"rush: {booker.made} bookings, {saves} editor saves, {result['overbooked']} overbooked", flush=True)
    return result


def search_latency(language: str, query: str) -> dict:
    """One client's requests in a row (after a warm-up), for at most SEARCH_SECONDS: p50, p95 and p99 in ms."""
    path = search_path(language, query)
    times = []
    deadline = time.monotonic() + SEARCH_SECONDS
    for number in range(SEARCH_WARMUP + SEARCH_REQUESTS):
        started = time.perf_counter()
        with urllib.request.urlopen(BASE + path) as response:  # noqa: S310 (our own loopback server)
            response.read()
            cached = response.headers.get("X-Page-Cache")
        elapsed = (time.perf_counter() - started) * 1000
        if cached == "hit":
            raise RuntimeError(f"{path} was answered from the page cache: the search was not measured")
        if number >= SEARCH_WARMUP:
            times.append(elapsed)
        if time.monotonic() > deadline and len(times) >= 20:
            break
    times.sort()

    def percentile(share):
        return times[min(len(times) - 1, round(share * (len(times) - 1)))]

    result = {"language": language, "query": query, "path": path, "requests": len(times)}
    result |= {"p50": percentile(0.5), "p95": percentile(0.95), "p99": percentile(0.99)}
    print(f"search {language} “{query}”: p50 {result['p50']:.1f} ms, p95 {result['p95']:.1f} ms", flush=True)
    return result


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    pg = subprocess.run(["psql", "--version"], capture_output=True, text=True).stdout.strip()
    return f"{os.cpu_count()} CPUs ({cpu}), Python {platform.python_version()}, {pg}, wrk on loopback"


# The budgets, as ratios to the static file's requests per second measured in the same run.
CACHED_RATIO, FORM_RATIO, P99_MS, MAX_QUERIES, MAX_WEIGHT = 0.9, 0.3, 100, 8, 50 * 1024


def write_results(rows, queries, workers, search_index, searches, default_rows, uncached, rush_result, growth):
    reference = rows[0]
    css = sum(len(gzip.compress(path.read_bytes())) for path in public_stylesheets())
    lines = [
        "# Benchmark results",
        "",
        f"Measured by `make bench` on {time.strftime('%Y-%m-%d')}: {machine()}; gunicorn with {workers} sync workers,",
        "production settings (DEBUG off, page cache on), PostgreSQL, Redis as the shared cache, the demo content",
        f"with 60 sessions; {DURATION} s per run. Ratios compare each row with the static file measured in the same",
        "run, since these machines are noisy. SQL queries: a full render (a cache miss, after the process has seen",
        "one page) / a cached answer, which reads nothing: the generations were read under a second ago.",
        "",
        "| target | req/s @16 | ratio | p50 / p99 ms @16 | req/s @64 | ratio | p50 / p99 ms @64 "
        "| HTML bytes (gzip) | SQL queries |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        cells = [f"{row['name']} `{row['path']}`"]
        for connections in (16, 64):
            result = row[connections]
            ratio = result["rps"] / reference[connections]["rps"]
            errors = f" ({result['errors']} errors)" if result["errors"] else ""
            cells += [f"{result['rps']:.0f}{errors}", f"{ratio:.2f}", f"{result['p50']:.1f} / {result['p99']:.1f}"]
        counts = queries.get(row["path"])
        cells += [f"{row['raw']} ({row['gzip']})", " / ".join(map(str, counts)) if counts else "—"]
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", "## Budgets", "", *budget_lines(rows, queries, css)]
    lines += ["", *embedded_lines(default_rows), "", *uncached_lines(uncached, queries), "", *growth_lines(growth)]
    lines += ["", *rush_lines(rush_result)]
    lines += ["", *search_lines(search_index, searches, queries)]
    (ROOT / "bench" / "results.md").write_text("\n".join(lines) + "\n")
    print((ROOT / "bench" / "results.md").read_text())


def public_stylesheets():
    return [path for path in (ROOT / "var" / "static" / "css").glob("*.css") if not path.name.startswith("admin")]


def budget_lines(rows, queries, css_gzip):
    reference = rows[0]
    lines = []
    for row in rows[1:]:
        ratios = [row[c]["rps"] / reference[c]["rps"] for c in (16, 64)]
        form = "form" in row["name"]
        wanted = FORM_RATIO if form else CACHED_RATIO
        checks = [f"{verdict(min(ratios) >= wanted)}: ≥ {wanted}× the static file (lowest {min(ratios):.2f})"]
        if not form:
            checks.append(f"{verdict(row[64]['p99'] < P99_MS)}: p99 < {P99_MS} ms at 64 ({row[64]['p99']:.1f} ms)")
        render = queries.get(row["path"], [0])[0]
        checks.append(f"{verdict(render <= MAX_QUERIES)}: ≤ {MAX_QUERIES} queries ({render})")
        weight = row["gzip"] + css_gzip
        checks.append(f"{verdict(weight <= MAX_WEIGHT)}: ≤ 50 KB gzipped with CSS ({weight / 1024:.1f} KB)")
        lines.append(f"- {row['name']}: " + "; ".join(checks) + ".")
    return lines


def verdict(ok: bool) -> str:
    return "met" if ok else "**not met**"


def embedded_lines(rows):
    reference = rows[0]
    lines = [
        "## The embedded default: no Redis",
        "",
        "The same cached pages with the database as the shared cache (`REDIS_URL` unset), against the static file",
        "in the same run. Each process reads the page cache's generations at most once a second.",
        "",
        f"| target | req/s @16 | ratio | req/s @64 | ratio | ≥ {EMBEDDED_RATIO}× |",
        "| --- | ---: | ---: | ---: | ---: | --- |",
    ]
    for row in rows:
        ratios = [row[c]["rps"] / reference[c]["rps"] for c in (16, 64)]
        cells = [f"{row['name']}", f"{row[16]['rps']:.0f}", f"{ratios[0]:.2f}", f"{row[64]['rps']:.0f}"]
        cells += [f"{ratios[1]:.2f}", "—" if row is reference else verdict(min(ratios) >= EMBEDDED_RATIO)]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def uncached_lines(rows, queries):
    lines = [
        "## Rendered with the page cache off",
        "",
        f"16 connections. The budget is {UNCACHED_RPS} req/s: 5× pretalx 2025.2's no-JS schedule as the issue measured",
        "it on this machine (36 req/s); pretalx itself is not run by this script. Each page is measured after a",
        f"{WARM_UP} s warm-up under the same load, so that every worker has rendered it once. **Miss**: whole pages",
        "are not kept (`PAGE_CACHE_KEEP_PAGES=0`), so every request renders its page, from the values and the",
        "per-session parts kept (schedule rows, VEVENTs, frab events, and a session page's session read whole, each",
        "under its session's values and the generations of what else it shows), as when a page expires (the schedule",
        "after a minute, for its live panel) or a change drops it that its rows do not show; the sessions are then",
        "read bare, in one query. **Cold**: the page cache off (`PAGE_CACHE=0`), as for an editor: no value is kept",
        "and the sessions are read whole (with their translations, speakers, rooms...) on every request; each",
        "process still keeps the rows it rendered, under every value they show.",
        "",
        f"| target | miss req/s | p50 / p99 ms | ≥ {UNCACHED_RPS} req/s | cold req/s | p50 / p99 ms "
        f"| ≥ {UNCACHED_RPS} req/s | SQL queries (miss) |",
        "| --- | ---: | ---: | --- | ---: | ---: | --- | ---: |",
    ]
    for row in rows:
        counts = queries.get(row["path"], ["—"])
        cells = [f"{row['name']} `{row['path']}`"]
        for mode in ("miss", "cold"):
            result = row[mode]
            cells += [
                f"{result['rps']:.0f}",
                f"{result['p50']:.1f} / {result['p99']:.1f}",
                verdict(result["rps"] >= UNCACHED_RPS),
            ]
        lines.append("| " + " | ".join([*cells, str(counts[0])]) + " |")
    return lines


def growth_lines(results):
    small, large = results
    grows = large["per_session"] > small["per_session"] * GROWTH_TOLERANCE
    lines = [
        "## Growth: 600 sessions",
        "",
        "An archived edition's schedule with 60 sessions (one page) and with 600 (shown one day, 200 sessions, at a",
        "time), rendered with the page cache off (`PAGE_CACHE=0`) through the WSGI application in one process",
        "(bench/growth.py, median of 30 after a warm-up, so the per-process rows are kept as in production). The",
        "weight (≤ 50 KB gzipped with CSS per day page) and the flat query count are pinned by",
        "`conference/tests/test_schedule_growth.py`.",
        "",
        "| sessions | shown per page | ms per page | ms per session shown |",
        "| ---: | ---: | ---: | ---: |",
        *[f"| {r['sessions']} | {r['shown']} | {r['ms']:.1f} | {r['per_session']:.2f} |" for r in results],
        "",
        f"- the render time per session does not grow (at most {GROWTH_TOLERANCE}× the 60-session one): "
        f"{verdict(not grows)} ({large['per_session']:.2f} ms against {small['per_session']:.2f} ms).",
    ]
    return lines


def rush_lines(result):
    lines = [
        "## The registration rush",
        "",
        f"With the embedded default (no Redis): bookings at {rush.BOOKINGS_PER_SECOND} a second through the register",
        f"form (its GET, then the post) and an editor saving a session every {rush.EDITOR_SAVE_SECONDS} s, while four",
        f"wrk clients of {rush.CONNECTIONS_EACH} connections each (64 in all) read these pages at once for",
        f"{rush.SECONDS} s. The static file is read the same way (four clients at once) just before. Hit ratio: the",
        "page cache's answers (X-Page-Cache); the register form is kept with placeholders and filled in with each",
        "visitor's token and key. Places left are holes filled in on each answer, so a booking drops no page. The",
        "booking clients and wrk share the server's cores.",
        "",
        f"Bookings made: {result['bookings']} ({result['booking_errors']} failed); confirmed places "
        f"{result['confirmed']}, on waiting lists {result['waiting']}; editor saves {result['editor_saves']}; "
        f"overbooked sessions: {len(result['overbooked'])} {verdict(not result['overbooked'])}.",
        "",
        f"| page | req/s | static file req/s | ratio | cache hits | errors | ≥ {RUSH_RATIO}× |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for name, page in result["pages"].items():
        static = result["static"][name]["rps"]
        cache = page["cache"]
        kept = cache["hit"] + cache["miss"]
        hits = f"{cache['hit'] / kept:.1%}" if kept else "never kept"
        wanted = FORM_RATIO if "form" in name else RUSH_RATIO
        lines.append(
            f"| {name} `{result['paths'][name]}` | {page['rps']:.0f} | {static:.0f} | {page['rps'] / static:.2f} | "
            f"{hits} | {page['errors']} | {verdict(page['rps'] / static >= wanted)} (≥ {wanted}×) |"
        )
    return lines


def search_lines(search_index, searches, queries):
    found = {(q["language"], q["query"]): q for q in search_index["queries"]}
    lines = [
        "## Search",
        "",
        f"The index holds {search_index['entries']} entries (one per object and language: the demo's, and 10,000",
        "translations of pages and news generated from the demo's own sentences by bench/search_data.py) and",
        f"{search_index['words']} words for typo correction. Each query is asked by one client, one request after",
        f"another ({SEARCH_WARMUP} to warm up, then up to {SEARCH_REQUESTS} or {SEARCH_SECONDS:.0f} s), through",
        "gunicorn like the pages above; the search is never served from the page cache. Results: objects found",
        "(each in its best language). SQL queries: per search request.",
        "",
        "| query | results | requests | p50 ms | p95 ms | p99 ms | req/s @16 | SQL queries | p95 < 50 ms |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for search in searches:
        hits = found.get((search["language"], search["query"]), {})
        corrected = f" (corrected to {', '.join(hits['corrections'])})" if hits.get("corrections") else ""
        rps = f"{search[16]['rps']:.0f}" if 16 in search else "—"
        counts = queries.get(search["path"])
        lines.append(
            f"| {search['language']}: “{search['query']}”{corrected} | {hits.get('total', '?')} | "
            f"{search['requests']} | {search['p50']:.1f} | {search['p95']:.1f} | {search['p99']:.1f} | {rps} | "
            f"{counts[0] if counts else '—'} | {'met' if search['p95'] < SEARCH_P95_MS else '**not met**'} |"
        )
    return lines


if __name__ == "__main__":
    sys.exit(main())
