"""A record over the plan's budget is still reported by ``recert evaluate`` (issue 17, second trial).

The text and HTML reports add the plan's next steps for a rolling-cycle policy; when the plan is
refused (``PLAN_WORK``, docs/record-format.md "Input limits") the report shows the result
without them instead of calling the refusal a bug in recert.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from recert.cli import main


def _record(tmp_path: Path) -> Path:
    # CCNA earned 2024-01-10; 110 activities of 1 CE credit completed and claimed on 2024-02-01
    # + i days, all pending. Evaluate: each claim alone changes nothing (1 < 30 CE credits: no
    # what-if), all 110 together renew CCNA (one what-if): decided. Plan: 110 decisions of
    # 6 + 110 x 7 + 3 x (110 + 1) = 1,109 units each: 121,990 > 120,000 (refused, tests/core/
    # test_whatif_work.py works it out).
    first = date(2024, 2, 1)
    activities = [
        {"id": f"p{i:03}", "credits": 1, "completed_on": (first + timedelta(days=i)).isoformat(),
         "claimed_on": (first + timedelta(days=i)).isoformat(), "status": "pending"}
        for i in range(110)
    ]
    path = tmp_path / "r.json"
    path.write_text(json.dumps({"holdings": [{"certification": "CCNA", "earned_on": "2024-01-10"}],
                                "activities": activities}))
    return path


@pytest.mark.parametrize("form", ["text", "html"])
def test_a_refused_plan_leaves_the_result_reported(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, form: str
) -> None:
    status = main(["evaluate", str(_record(tmp_path)), "--as-of", "2025-06-01", "--format", form])
    out, err = capsys.readouterr()
    assert (status, err) == (0, "")
    assert "bug in recert" not in out
    # CCNA 2024-01-10 + 3 years = 2027-01-10; 30 pending credits: 30 >= 30 would renew it on 2025-01-02
    assert "2027-01-10" in out
    assert "p000" in out


def test_recert_plan_itself_refuses_it(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status = main(["plan", str(_record(tmp_path)), "--as-of", "2025-06-01"])
    out, err = capsys.readouterr()
    assert status == 2
    assert "the decisions need more than the limit of 120,000 units of work" in out + err
