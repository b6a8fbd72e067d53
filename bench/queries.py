"""SQL queries per request for each benchmark target, through Django's test client (run with manage.py shell)."""

import json
import os

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

client = Client()
counts = {}
for path in json.loads(os.environ["BENCH_PATHS"]):
    client.get(path)  # a first request warms connections and caches, as in the load test
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    counts[path] = len(queries)
print(json.dumps(counts))
