"""Write docs/img/timelines.svg: the timelines of examples/ccnp-renewed.json, as the HTML report draws them.

Run ``python scripts/make_docs_timelines.py`` after changing the drawing;
``tests/cli/test_report_html.py`` fails while the committed picture is out of date.
"""

from __future__ import annotations

import sys
from pathlib import Path

from recert import evaluate, load_record
from recert.planner import plan
from recert.report.html import timelines_svg

ROOT = Path(__file__).resolve().parent.parent
RECORD = ROOT / "examples" / "ccnp-renewed.json"
PICTURE = ROOT / "docs" / "img" / "timelines.svg"


def picture() -> str:
    """The SVG text the documentation shows."""
    record = load_record(RECORD)
    result = evaluate(record)
    return timelines_svg(result, plan(record, evaluation=result), record)


if __name__ == "__main__":
    PICTURE.write_text(picture(), encoding="utf-8")
    sys.stdout.write(f"wrote {PICTURE.relative_to(ROOT)}\n")
