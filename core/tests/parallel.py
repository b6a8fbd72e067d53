"""Run the same request many times at once, each in its own thread with its own database connection."""

import threading

import pytest
from django.db import connection

# SQLite's in-memory test database, shared between threads, refuses a second writer at once ("database table is
# locked") instead of waiting its turn; PostgreSQL, as in production and in CI, runs these tests.
postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="parallel writers need PostgreSQL (CI runs these tests on it)"
)


def at_once(task, count: int) -> list:
    """Call task(n) for n in range(count), all released together; return the results in order, or raise the first error.

    Needs a test marked django_db(transaction=True): the threads' connections see only committed rows.
    """
    barrier = threading.Barrier(count)
    results, errors = [None] * count, []

    def run(n):
        try:
            barrier.wait()
            results[n] = task(n)
        except Exception as error:  # noqa: BLE001 (raised again below, in the test's thread)
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]
    return results
