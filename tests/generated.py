"""Generated records for tests: the seeded generator of ``benchmarks/generate.py``."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date
from pathlib import Path
from types import ModuleType


def load_generator() -> ModuleType:
    """benchmarks/generate.py, the seeded record generator shared with the benchmarks."""
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "generate.py"
    if "recert_bench_generate" in sys.modules:
        return sys.modules["recert_bench_generate"]
    spec = importlib.util.spec_from_file_location("recert_bench_generate", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


generate = load_generator()
AS_OF: date = generate.AS_OF
