"""The architecture, checked: layers import downward only, and no module imports itself in a circle.

Every ``import`` of every module under ``src/recert`` counts, wherever it is
written: at the top, inside a function (a lazy import) or under
``TYPE_CHECKING``. ``docs/architecture.md`` draws the same layers.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "recert"

#: The layers, lowest first. A module may import from its own layer and the layers below it.
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("exceptions", ("recert.exceptions",)),
    ("core", ("recert.core",)),
    ("io", ("recert.io",)),
    ("api", ("recert.api",)),
    ("features", ("recert.offerings", "recert.planner")),
    ("reports", ("recert.report",)),
    ("integrations", ("recert.batch", "recert.frames", "recert.dask")),
    ("cli", ("recert.cli", "recert.__main__")),
    ("face", ("recert", "recert.testing")),
)

#: Most lines a module of ``src/`` may have (issue 13).
MAX_LINES = 500


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES: dict[str, Path] = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _is_package(name: str) -> bool:
    return MODULES[name].name == "__init__.py"


def _resolve(name: str, importer: str) -> str | None:
    """The module of ours that *name* refers to (a module, or the package holding an attribute)."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def imports_of(name: str, source: str | None = None) -> set[str]:
    """The recert modules *name* imports, anywhere in its code (lazy and type-only imports included)."""
    tree = ast.parse(source if source is not None else MODULES[name].read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name if _is_package(name) else name.rpartition(".")[0]
                for _ in range(node.level - 1):
                    base = base.rpartition(".")[0]
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module or ""
            # `from recert import frames` imports the module recert.frames.
            targets = [f"{module}.{alias.name}" if f"{module}.{alias.name}" in MODULES else module
                       for alias in node.names]
        for target in targets:
            if target == "recert" or target.startswith("recert."):
                resolved = _resolve(target, name)
                if resolved is not None and resolved != name:
                    found.add(resolved)
    return found


GRAPH: dict[str, set[str]] = {name: imports_of(name) for name in MODULES}


def layer_of(name: str) -> int:
    """The index in :data:`LAYERS` of the layer holding *name* (the longest matching prefix)."""
    best, length = -1, -1
    for index, (_, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            if (name == prefix or name.startswith(prefix + ".")) and len(prefix) > length:
                best, length = index, len(prefix)
    assert best >= 0, f"{name} is in no layer: add it to LAYERS and docs/architecture.md"
    return best


def test_every_module_has_a_layer() -> None:
    for name in MODULES:
        layer_of(name)


@pytest.mark.parametrize("name", sorted(MODULES))
def test_imports_point_down(name: str) -> None:
    own = layer_of(name)
    upward = sorted(t for t in GRAPH[name] if layer_of(t) > own)
    assert upward == [], f"{name} ({LAYERS[own][0]}) imports a higher layer: {upward}"


def test_the_core_imports_only_the_core_and_the_exceptions() -> None:
    for name in MODULES:
        if name.startswith("recert.core"):
            outside = sorted(t for t in GRAPH[name] if not t.startswith("recert.core")
                             and t != "recert.exceptions")
            assert outside == [], f"{name} imports {outside}"


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle of *graph* (module -> modules it imports), or ``None``."""
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                return [*path[path.index(target):], target]
            if target not in state and (found := visit(target)) is not None:
                return found
        path.pop()
        state[node] = 2
        return None

    for name in sorted(graph):
        if name not in state and (found := visit(name)) is not None:
            return found
    return None


def test_no_import_cycles_lazy_imports_included() -> None:
    assert _cycle(GRAPH) is None, " -> ".join(_cycle(GRAPH) or [])


def test_the_checker_sees_lazy_relative_and_from_package_imports() -> None:
    source = (
        "def f():\n    from recert.cli import main\n"
        "from . import requirements\n"
        "from recert import frames\n"
        "if TYPE_CHECKING:\n    import recert.io.records\n"
    )
    assert imports_of("recert.core.policy", source) == {
        "recert.cli", "recert.core.requirements", "recert.frames", "recert.io.records"}


def test_the_checker_finds_a_cycle() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_no_module_is_over_500_lines() -> None:
    long = {name: lines for name, path in MODULES.items()
            if (lines := path.read_text(encoding="utf-8").count("\n")) > MAX_LINES}
    assert long == {}
