"""``recert offerings check CATALOG``: check a vendor's catalog of CE offerings.

Registered into ``recert``'s command line by :func:`register`; also runnable
alone as ``python -m recert.cli.offerings offerings check CATALOG``.

Output, streamed as rows are read (memory stays flat for CSV and JSON Lines):

* ``--format text`` (default): a table with one line per finding (``ok`` for
  an offering without findings), then a summary line.
* ``--format json``: JSON Lines, one object per row
  (``{"line", "item_id", "ok", "findings"}``; a malformed row has
  ``"problems"`` instead of ``"findings"``), then ``{"summary": {...}}``.

Exit status: 0 when no error was found, 1 when any offering has an error
finding, any row is malformed or the header is rejected, 2 when the catalog
or the policy cannot be read.
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

import attrs

from recert.cli._contract import EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK, cells
from recert.core.policy import Policy
from recert.exceptions import OfferingError, PolicyError
from recert.io.embedded import resolve_policy
from recert.io.offering_catalog import Entry, read_catalog
from recert.offerings import OfferingRules, Report, offering_rules_from_mapping, validate_offering

__all__ = ["main", "register", "run_check"]

_WIDTHS = (6, 24, 9, 20, 19)
_HEAD = ("LINE", "ITEM", "SEVERITY", "CHECK", "FIELD", "MESSAGE")


def register(subparsers: Any) -> None:
    """Add the ``offerings`` command (with its ``check`` subcommand) to ``recert``.

    Args:
        subparsers: The object ``ArgumentParser.add_subparsers()`` returned.
            The ``check`` parser sets ``handler`` to :func:`run_check`, which
            takes the parsed arguments and returns the exit status.
    """
    parser = subparsers.add_parser(
        "offerings", help="check training offerings for CE credits (vendors)",
        description="Check training vendors' CE offerings (R-CE-6, R-CE-7).",
        epilog="example:\n  recert offerings check catalog.csv",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="offerings_command", metavar="COMMAND", required=True)
    check = commands.add_parser(
        "check", help="check a catalog of offerings (CSV, JSON Lines or JSON array)",
        description="Check every offering of CATALOG; exit status 1 when any error is found.",
        epilog="examples:\n"
               "  recert offerings check catalog.csv\n"
               "  recert offerings check catalog.jsonl --format json --policy my-policy.toml",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    check.add_argument("catalog", metavar="CATALOG",
                       help="a .csv, .jsonl or .json file (columns: docs/vendors.md)")
    check.add_argument("--format", choices=("text", "json"), default="text",
                       help="text table (default) or JSON Lines")
    check.add_argument("--input", choices=("csv", "jsonl", "json"), default=None,
                       help="the catalog's format when its suffix does not say")
    check.add_argument("--policy", metavar="ID|PATH", default=None,
                       help="an embedded policy id or a policy TOML file: its categories and "
                            "its [offerings] table")
    check.set_defaults(handler=run_check)


@attrs.define
class _Tally:
    rows: int = 0
    clean: int = 0
    with_errors: int = 0
    warnings_only: int = 0
    info_only: int = 0
    malformed: int = 0
    errors: int = 0
    warnings: int = 0
    infos: int = 0

    def add(self, report: Report) -> None:
        self.rows += 1
        errors, warnings = len(report.errors), len(report.warnings)
        infos = len(report.findings) - errors - warnings
        self.errors += errors
        self.warnings += warnings
        self.infos += infos
        if errors:
            self.with_errors += 1
        elif warnings:
            self.warnings_only += 1
        elif infos:
            self.info_only += 1
        else:
            self.clean += 1

    def add_malformed(self) -> None:
        self.rows += 1
        self.malformed += 1

    @property
    def failed(self) -> bool:
        return bool(self.with_errors or self.malformed)

    def to_dict(self) -> dict[str, int]:
        return attrs.asdict(self)

    def line(self) -> str:
        checked = self.rows - self.malformed
        return (f"{self.rows} rows: {checked} offerings checked ({self.clean} without findings, "
                f"{self.with_errors} with errors, {self.warnings_only} with warnings only, "
                f"{self.info_only} with info only), {self.malformed} malformed; "
                f"{self.errors} errors, {self.warnings} warnings, {self.infos} info")


def _cells(*values: str) -> str:
    return cells(values, _WIDTHS)


def _where(entry: Entry) -> str:
    return str(entry.line) if entry.line is not None else entry.source


def _text_lines(entry: Entry, report: Report | None) -> list[str]:
    item = entry.item_id or "-"
    if report is None:
        assert entry.error is not None
        return [_cells(_where(entry), item, "error", "malformed", p.path or "-", p.message)
                for p in entry.error.problems]
    if not report.findings:
        return [_cells(_where(entry), item, "ok")]
    return [_cells(_where(entry), item, f.severity, f.check, f.field, f.message)
            for f in report.findings]


def _json_line(entry: Entry, report: Report | None) -> str:
    where: dict[str, Any] = ({"line": entry.line} if entry.line is not None
                             else {"index": int(entry.source.strip("[]"))})
    if report is None:
        assert entry.error is not None
        body: dict[str, Any] = {"item_id": entry.item_id, "ok": False,
                                "problems": [{"field": p.path, "message": p.message}
                                             for p in entry.error.problems]}
    else:
        body = report.to_dict()
    return json.dumps({**where, **body})


def _load(policy_path: str | None) -> tuple[Policy | None, OfferingRules | None]:
    if policy_path is None:
        return None, None
    policy = resolve_policy(policy_path)
    rules = getattr(policy, "offering_rules", None)
    if isinstance(rules, OfferingRules) or not Path(policy_path).is_file():
        return policy, rules if isinstance(rules, OfferingRules) else None
    # Until Policy carries offering_rules, read the [offerings] table here.
    raw = Path(policy_path).read_bytes()
    data = json.loads(raw) if policy_path.endswith(".json") else tomllib.loads(raw.decode())
    table = data.get("offerings")
    if table is None:
        return policy, None
    try:
        return policy, offering_rules_from_mapping(table)
    except PolicyError as error:
        raise PolicyError(error.problems, source=policy_path) from None


def run_check(args: argparse.Namespace, out: TextIO | None = None,
              err: TextIO | None = None) -> int:
    """Check every offering of ``args.catalog`` and print the findings.

    Args:
        args: ``catalog``, ``format`` (``text``/``json``), ``input`` (``csv``,
            ``jsonl``, ``json`` or ``None``), ``policy`` (a file or ``None``).
        out: Where the table or JSON Lines go (default: standard output).
        err: Where unreadable-file messages go (default: standard error).

    Returns:
        0 without errors, 1 when any error was found, 2 when a file cannot be read.
    """
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        policy, rules = _load(args.policy)
    except (PolicyError, OSError, ValueError) as error:
        print(f"recert offerings check: {error}", file=err)
        return EXIT_BAD_INPUT
    as_json = args.format == "json"
    try:
        entries = read_catalog(args.catalog, args.input)
    except OfferingError as error:
        print(f"recert offerings check: {error}", file=err)
        return EXIT_BAD_INPUT
    tally = _Tally()
    try:
        for entry in entries:
            report = None
            if entry.offering is None:
                tally.add_malformed()
            else:
                report = validate_offering(entry.offering, policy, rules)
                tally.add(report)
            if as_json:
                print(_json_line(entry, report), file=out)
            else:
                if tally.rows == 1:
                    print(_cells(*_HEAD), file=out)
                print("\n".join(_text_lines(entry, report)), file=out)
    except OfferingError as error:
        # The catalog as a whole is rejected (its header, or JSON that is no array).
        if as_json:
            print(json.dumps({"error": str(error), "source": args.catalog}), file=out)
        else:
            print(f"error: {error}", file=out)
        return EXIT_FINDINGS
    if as_json:
        print(json.dumps({"summary": tally.to_dict()}), file=out)
    else:
        print(tally.line(), file=out)
    return EXIT_FINDINGS if tally.failed else EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``offerings check`` alone: ``python -m recert.cli.offerings offerings check FILE``."""
    parser = argparse.ArgumentParser(prog="recert")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    status: int = args.handler(args)
    return status


if __name__ == "__main__":
    sys.exit(main())
