"""Spreadsheet escaping for the admin's CSV exports."""


def spreadsheet_safe(value: str) -> str:
    """A CSV cell that a spreadsheet will not run: = + - @ at the start would make it a formula."""
    return f"'{value}" if value[:1] in {"=", "+", "-", "@", "\t", "\r"} else value
