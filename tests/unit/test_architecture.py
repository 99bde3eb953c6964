"""The house rules of docs/architecture.md, checked on the source: which way imports
point (counting imports inside functions), no import cycles, and the size limits."""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parents[2] / "vve"
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60

WEB_LIBRARIES = (
    "flask",
    "flask_babel",
    "flask_wtf",
    "flask_migrate",
    "flask_sqlalchemy",
    "wtforms",
    "werkzeug",
    "sqlalchemy",
    "alembic",
)
CORE = ("vve.profile", "vve.knowledge", "vve.rules", "vve.vocabulary", "vve.labels")
VIEWS = (
    "vve.wizard",
    "vve.advisors",
    "vve.security",
    "vve.request_limits",
    "vve.web",
    "vve.terms",
    "vve.fields",
    "vve.responses",
    "vve.filters",
)
# (importer prefix, forbidden prefixes, why)
CONTRACTS = [
    (
        CORE,
        (
            *WEB_LIBRARIES,
            "docx",
            "babel",
            "matplotlib",
            "PIL",
            "vve.document",
            "vve.services",
            "vve.models",
            "vve.extensions",
            *VIEWS,
        ),
        "the pure core imports nothing from web, database or Word",
    ),
    (
        ("vve.document",),
        (*WEB_LIBRARIES, "vve.services", "vve.models", "vve.extensions", *VIEWS),
        "the Word writer never sees a request or a model",
    ),
    (
        ("vve.services",),
        (
            "vve.wizard",
            "vve.advisors",
            "vve.security",
            "vve.request_limits",
            "vve.web",
            "vve.terms",
            "vve.fields",
            "vve.responses",
        ),
        "services never import views",
    ),
    (("vve.models", "vve.extensions"), ("vve.services", *VIEWS), "models know no use cases"),
    (("vve.wizard",), ("vve.advisors",), "blueprints never import each other"),
    (("vve.advisors",), ("vve.wizard",), "blueprints never import each other"),
]


def _name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def _modules() -> dict[str, tuple[Path, ast.Module]]:
    return {
        _name(p): (p, ast.parse(p.read_text(encoding="utf-8")))
        for p in sorted(PACKAGE.rglob("*.py"))
    }


def _imports(name: str) -> set[str]:
    """Every module ``name`` imports, at module level or inside a function."""
    path, tree = _modules()[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            submodules = {f"{base}.{alias.name}" for alias in node.names} & set(_modules())
            found.update(submodules)
            if len(submodules) < len(node.names):  # a name from the package itself
                found.add(base)
    return found


def _within(module: str, prefixes: tuple[str, ...]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in prefixes)


@pytest.mark.parametrize("importers, forbidden, why", CONTRACTS, ids=[c[2] for c in CONTRACTS])
def test_imports_point_inward(importers, forbidden, why):
    wrong = sorted(
        f"{name} imports {target}"
        for name in _modules()
        if _within(name, importers)
        for target in _imports(name)
        if _within(target, forbidden)
    )
    assert not wrong, f"{why}: {wrong}"


def test_no_import_cycles():
    graph = {
        name: {t for t in _imports(name) if t in _modules() and t != name} for name in _modules()
    }
    cycles = [c for c in _strongly_connected(graph) if len(c) > 1]
    assert not cycles, cycles


def _strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's algorithm, iterative enough for a package of a few hundred modules."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    result: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                item = stack.pop()
                on_stack.discard(item)
                component.append(item)
                if item == node:
                    break
            result.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return result


def test_modules_stay_small():
    long = {
        name: len(path.read_text(encoding="utf-8").splitlines())
        for name, (path, _tree) in _modules().items()
    }
    assert not {n: lines for n, lines in long.items() if lines > MAX_MODULE_LINES}


def test_functions_stay_short():
    long = [
        f"{name}.{node.name}: {node.end_lineno - node.lineno + 1} lines"
        for name, (_path, tree) in _modules().items()
        for node in ast.walk(tree)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]
    assert not long, long
