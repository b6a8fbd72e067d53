"""The layout holds: imports run one way, core ← translations ← pages, conference, feedback, and no module of ours
imports itself back through others.

Read from the source with ast, so an import inside a function (the usual way to hide a cycle) counts as much as
one at the top of a module. Tests are held to their app's direction too; whole-site tests (tests/) and the
configuration (openkrakow/, which joins everything in its urls) may import any app.
"""

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# What each app may import of ours, besides itself. openkrakow is configuration: settings and the language table.
MAY_IMPORT = {
    "core": {"openkrakow"},
    "translations": {"openkrakow", "core"},
    "pages": {"openkrakow", "core", "translations"},
    "conference": {"openkrakow", "core", "translations"},
    "feedback": {"openkrakow", "core", "translations"},
}
OURS = {*MAY_IMPORT, "openkrakow", "tests"}

pytestmark = pytest.mark.unit


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def our_modules() -> dict[str, Path]:
    return {
        module_name(path): path
        for package in OURS
        for path in sorted((ROOT / package).rglob("*.py"))
        if "__pycache__" not in path.parts
    }


def imported_modules(path: Path, known: set[str]) -> list[tuple[str, int]]:
    """Every module of ours this file imports, wherever in the file, with the line; `from a import b` names the
    module a.b when there is one, else a."""
    found = []
    package = module_name(path).rsplit(".", 1)[0] if path.name != "__init__.py" else module_name(path)
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from . import x, from .y import z
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                found.append((candidate if candidate in known else base, node.lineno))
    return [(name, line) for name, line in found if name.split(".")[0] in OURS]


def import_graph() -> dict[str, set[str]]:
    modules = our_modules()
    known = set(modules)
    graph = {}
    for name, path in modules.items():
        targets = set()
        for target, _line in imported_modules(path, known):
            while target and target not in known:  # a name from a module: the module itself
                target = target.rpartition(".")[0]
            if target and target != name:
                targets.add(target)
        graph[name] = targets
    return graph


def direction_violations() -> list[str]:
    modules = our_modules()
    known = set(modules)
    violations = []
    for name, path in modules.items():
        app = name.split(".")[0]
        if app not in MAY_IMPORT:
            continue
        for target, line in imported_modules(path, known):
            other = target.split(".")[0]
            if other != app and other not in MAY_IMPORT[app]:
                violations.append(f"{path.relative_to(ROOT)}:{line} {app} imports {target}")
    return violations


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan), each a cycle of imports."""
    index, low, stack, on_stack, groups = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def test_imports_run_one_way_core_translations_features():
    assert direction_violations() == []


def test_no_module_of_ours_imports_itself_back():
    # A package's __init__ and its own submodules are one thing to Python: importing the package runs it first.
    graph = {name: {t for t in targets if not name.startswith(f"{t}.")} for name, targets in import_graph().items()}
    assert cycles(graph) == []


def test_the_checks_see_an_import_against_the_direction_and_a_cycle(tmp_path, monkeypatch):
    """The two checks above would fail on the layout the issue found: core reaching into a feature, and a model
    importing a module that imports the model back from inside a function."""
    root = tmp_path
    (root / "core").mkdir()
    (root / "conference").mkdir()
    (root / "core" / "__init__.py").write_text("")
    (root / "core" / "cache.py").write_text("def f():\n    from conference.models import Session\n")
    (root / "conference" / "__init__.py").write_text("")
    (root / "conference" / "models.py").write_text("from conference import tokens\n")
    (root / "conference" / "tokens.py").write_text("def g():\n    from conference.models import Registration\n")
    monkeypatch.setattr(sys.modules[__name__], "ROOT", root)
    assert direction_violations() == ["core/cache.py:2 core imports conference.models"]
    assert cycles(import_graph()) == [["conference.models", "conference.tokens"]]
