"""Spreadsheet exports for the admin: CSV files whose cells a spreadsheet shows and never runs."""

import csv
from collections.abc import Iterable

from django.http import HttpResponse


def spreadsheet_safe(value: str) -> str:
    """A CSV cell that a spreadsheet will not run: = + - @ at the start would make it a formula."""
    return f"'{value}" if value[:1] in {"=", "+", "-", "@", "\t", "\r"} else value


def csv_download(filename: str, header: list[str], rows: Iterable[Iterable]) -> HttpResponse:
    """A CSV attachment: the header, then the rows, every text cell made spreadsheet_safe."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    writer = csv.writer(response)
    writer.writerow(header)
    writer.writerows([spreadsheet_safe(cell) if isinstance(cell, str) else cell for cell in row] for row in rows)
    return response
