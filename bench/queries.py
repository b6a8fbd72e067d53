"""SQL queries per request for each benchmark target, through Django's test client (run with manage.py shell).

For each address: a first request warms the process (the reference data kept in memory); then a request for
the same page under a new query string is rendered in full (a cache miss), and repeating it is a cache hit.
"""

import json
import os

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

client = Client()
counts = {}
for path in json.loads(os.environ["BENCH_PATHS"]):
    separator = "&" if "?" in path else "?"
    client.get(f"{path}{separator}bench=warm")
    measured = []
    for _ in range(2):
        with CaptureQueriesContext(connection) as queries:
            client.get(f"{path}{separator}bench=count")
        measured.append(len(queries))
    counts[path] = measured
print(json.dumps(counts))
