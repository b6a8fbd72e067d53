"""No interface text is translated when a module is imported: it would be kept in whichever language was active
then (none, or the first request's), for every reader after."""

import ast
from pathlib import Path

import pytest

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parents[2]
APPS = ("openkrakow", "pages", "conference", "feedback")
EAGER = {"gettext", "ngettext", "pgettext", "npgettext"}
LAZY = {f"{name}_lazy" for name in EAGER}


def imported_as(tree: ast.Module, functions: set[str]) -> set[str]:
    """The names under which this module imported some of Django's translation functions (`gettext as _`)."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "django.utils.translation":
            names |= {alias.asname or alias.name for alias in node.names if alias.name in functions}
    return names


def calls(node, names: set[str]) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in names


def forces(node, lazy: set[str]) -> bool:
    """A lazy text made into text at once: str(_("…")), _("…") % values, _("…").format(…), f"{_('…')}"."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "str":
        return any(calls(arg, lazy) for arg in node.args)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod | ast.Add):
        return calls(node.left, lazy) or calls(node.right, lazy)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return calls(node.func.value, lazy)
    if isinstance(node, ast.FormattedValue):
        return calls(node.value, lazy)
    return False


def import_time_nodes(body):
    """Every node that runs when the module is imported: module and class bodies, not function bodies."""
    for node in body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            # Decorators and default values run at import; the body does not.
            yield from node.decorator_list
            yield from node.args.defaults
            continue
        if isinstance(node, ast.ClassDef):
            yield from node.decorator_list
            yield from import_time_nodes(node.body)
            continue
        yield node


def eager_translations(source: str) -> list[int]:
    tree = ast.parse(source)
    eager, lazy = imported_as(tree, EAGER), imported_as(tree, LAZY)
    lines = []
    for top in import_time_nodes(tree.body):
        for node in ast.walk(top):
            if calls(node, eager) or forces(node, lazy):
                lines.append(node.lineno)
    return sorted(set(lines))


def project_modules():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" not in path.parts and "tests" not in path.parts:
                yield path


def test_the_check_finds_eager_translation_at_import():
    source = (
        "from django.utils.translation import gettext as _\n"
        "from django.utils.translation import gettext_lazy\n"
        "LABEL = _('Schedule')\n"
        "class Form:\n"
        "    title = _('Register')\n"
        "    help = gettext_lazy('%(n)s places') % {'n': 3}\n"
        "    name = str(gettext_lazy('Name'))\n"
        "    kept = gettext_lazy('fine: stays lazy')\n"
        "    def later(self):\n"
        "        return _('fine at request time')\n"
    )
    assert eager_translations(source) == [3, 5, 6, 7]


def test_no_module_translates_text_when_it_is_imported():
    found = {
        f"{path.relative_to(ROOT)}:{line}"
        for path in project_modules()
        for line in eager_translations(path.read_text())
    }
    assert not found, "translated at import time (use gettext_lazy): " + ", ".join(sorted(found))
