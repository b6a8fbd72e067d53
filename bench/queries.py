"""SQL queries per request for each benchmark target, through Django's test client (run with manage.py shell).

For each address: a first request warms the process (the reference data kept in memory); then, with the pages
this process kept forgotten, a request renders it in full (a cache miss), and repeating it is a cache hit.
"""

import json
import os

from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

client = Client()
pages = caches["pages"]
counts = {}
for path in json.loads(os.environ["BENCH_PATHS"]):
    client.get(path)
    # The kept pages go; the values kept for them (the conference, venues, the footer) stay.
    for key in [key for key in pages._cache if ":page:" in key]:
        pages.delete(key.split(":", 2)[2])
    measured = []
    for _ in range(2):
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        measured.append(len(queries))
    counts[path] = measured
print(json.dumps(counts))
