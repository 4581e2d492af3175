"""A record over the plan's budget is still reported by ``recert evaluate`` (issue 17, second trial).

The text and HTML reports add the plan's next steps for a rolling-cycle policy; when the plan is
refused (``PLAN_BUDGET``, docs/record-format.md "Input limits") the report shows the result
without them instead of calling the refusal a bug in recert.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from recert.cli import main


def _record(tmp_path: Path) -> Path:
    # CCNA earned 2024-01-10; 30 activities of 1 CE credit completed 2025-01-01, claimed 2025-01-02,
    # all pending. Evaluate: 30 pending x 30 facts x 1 holding = 900 <= 40,000 (decided); plan:
    # 30 x 30 x 30 x 1 = 27,000 > 25,000 (refused).
    activities = [
        {"id": f"p{i:02}", "credits": 1, "completed_on": "2025-01-01", "claimed_on": "2025-01-02",
         "status": "pending"}
        for i in range(30)
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
    assert "p00" in out


def test_recert_plan_itself_refuses_it(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status = main(["plan", str(_record(tmp_path)), "--as-of", "2025-06-01"])
    out, err = capsys.readouterr()
    assert status == 2
    assert "27,000 is over the limit of 25,000" in out + err
