"""Terms: a term given by the record starts, a term ends, a policy version comes into force.

Rules: R-VAL-1 (term and inclusive expiration), R-DATE-2 (expired), R-RET-1 and D-RET-2
(retirement), R-EMER-1 (Emeritus), R-PRE2020-1 (suspension), D-VERSION-1, D-POOL-7.
"""

from __future__ import annotations

from datetime import date

from dateutil.relativedelta import relativedelta

from recert.core.engine._pool import Pool
from recert.core.engine._state import (
    EMERITUS,
    EXPIRED,
    SUSPENDED,
    CertState,
    HeldTerm,
    validity_for,
)
from recert.core.policy import Certification, Validity
from recert.exceptions import Problem


class Terms(Pool):
    """Terms start (from the record), end (expiration, suspension, Emeritus, retirement) and follow the policy version."""

    def _end_terms(self, today: date) -> bool:
        """End terms whose expiration date was before *today* (R-VAL-1, R-DATE-2); apply retirements (R-RET-1).

        Returns:
            Whether any status changed (only then can an option newly be met).
        """
        events = len(self.events)
        for cert in self._ordered():
            if cert.status is EMERITUS and cert.emeritus_until is not None and cert.emeritus_until < today:
                cert.status, cert.rule = EXPIRED, "R-EMER-1"
                self._event(
                    today,
                    "expired",
                    cert.name,
                    "R-EMER-1",
                    f"the Emeritus year of {cert.name} ended on {cert.emeritus_until}",
                )
            if cert.status is SUSPENDED and cert.suspended_until is not None and cert.suspended_until < today:
                cert.status, cert.rule = EXPIRED, "R-DATE-2"
                self._event(
                    today,
                    "expired",
                    cert.name,
                    "R-DATE-2",
                    f"{cert.name} expired: its suspension ended on {cert.suspended_until} "
                    f"and no option was met by then",
                )
            suspension = cert.version_level.suspension_years if cert.cert.options is None else 0
            if cert.active and cert.expires is not None and cert.expires < today and suspension:
                cert.status = SUSPENDED
                cert.suspended_until = cert.expires + relativedelta(years=suspension)
                rule = cert.version_level.suspension_rule
                cert.rule = rule
                self._event(
                    today,
                    "suspended",
                    cert.name,
                    rule,
                    f"{cert.name} is suspended from {today} to {cert.suspended_until}: its term ended on "
                    f"{cert.expires}; it can still recertify until then, and is not active",
                )
            if cert.active and cert.expires is not None and cert.expires < today:
                cert.status = EXPIRED
                cert.rule = "R-DATE-2"
                self._event(
                    today,
                    "expired",
                    cert.name,
                    "R-DATE-2",
                    f"{cert.name} expired: its term ended on {cert.expires} "
                    f"(active through that day) and no option was met by then",
                )
            if not cert.retired and cert.retired_on is not None and cert.retired_on <= today:
                cert.retired = True
                self._event(
                    today,
                    "retired",
                    cert.name,
                    "R-RET-1",
                    f"{cert.name} is retired from {cert.retired_on}: it stays "
                    + ("active to its expiration date " + str(cert.expires) if cert.expires else "as it is")
                    + " and can no longer be recertified or cascaded",
                )
        return len(self.events) > events

    def _grant_emeritus(self, today: date) -> None:
        """An Emeritus grant starting *today* (R-EMER-1): a yearly, non-active status.

        It applies to each CCIE/CCDE (``emeritus`` in the catalog) that expired
        less than a year before the grant and was held for at least 10 years
        (from ``first_earned_on``, else the earliest term start the record
        shows). After 20 years active or emeritus it is lifetime.
        """
        self.emeritus_done = True
        granted = []
        for cert in self._ordered():
            if not cert.cert.emeritus or cert.status is not EXPIRED or cert.expires is None:
                continue
            year_end = cert.expires + relativedelta(years=1)
            if not cert.expires < today <= year_end:
                continue
            first = cert.first_on
            if first + relativedelta(years=10) > cert.expires:
                self.problems.append(
                    Problem(
                        "emeritus_on",
                        f"{today}: {cert.name} was held from {first} to {cert.expires}, less than the 10 "
                        f"continuous years Emeritus needs (R-EMER-1)",
                    )
                )
                continue
            lifetime = first + relativedelta(years=20) <= year_end
            cert.status, cert.rule = EMERITUS, "R-EMER-1"
            cert.emeritus_until = None if lifetime else year_end
            granted.append(cert)
            self._event(
                today,
                "emeritus",
                cert.name,
                "R-EMER-1",
                f"{cert.name} is Emeritus from {today} "
                + (
                    "for life: 20 years active or emeritus since " + str(first)
                    if lifetime
                    else f"to {year_end}, one year from its expiration date {cert.expires}"
                )
                + "; Emeritus is not active and renews nothing",
            )
        if not granted and not self.problems:
            self.problems.append(
                Problem(
                    "emeritus_on",
                    f"{today}: no CCIE or CCDE of the record expired in the year before this date (R-EMER-1)",
                )
            )

    def _new_state(
        self, cert: Certification, start: date, retired_on: date | None, first_on: date
    ) -> CertState:
        level = self.policy.level(cert.level)
        state = CertState(
            cert=cert,
            level=level,
            term_started_on=start,
            expires=None,
            validity=level.validity,
            ce_eligible=False,
            cascades=level.ladder if cert.cascade is None else cert.cascade,
            retired_on=retired_on,
            first_on=first_on,
            dates=self.dates,
        )
        self._apply_version(state)
        return state

    def _apply_version(self, cert: CertState) -> None:
        """Level, options, validity and CE eligibility of the version in force today (D-VERSION-1)."""
        version = self.current
        level = version.level(cert.level.name) if version.has_level(cert.level.name) else cert.level
        cert.version_level = level
        cert.options = cert.cert.options if cert.cert.options is not None else level.options
        cert.compiled = self._qualifying(cert.options)
        cert.ce_threshold = cert.compiled.ce_threshold  # made once per options tuple
        cert.validity = cert.cert.validity or level.validity
        cert.ce_eligible = level.takes_ce if cert.cert.ce_eligible is None else cert.cert.ce_eligible

    def _enter_version(self, today: date) -> bool:
        """Switch to the version in force on *today*; whether it changed (D-VERSION-1)."""
        version = self.policy.version_on(today)
        if version is self.current:
            return False
        self.current = version
        self.params = version.parameters
        self.earning_window = relativedelta(years=self.params.earning_window_years)
        self.window_start, self.window_edge = (
            0,
            None,
        )  # a longer window may reach back further (see Earning._earn)
        for cert in self.certs.values():
            self._apply_version(cert)
        return True

    def _start_holding(self, today: date, fact: HeldTerm) -> CertState:
        _, cert, start, given, retired_on = fact
        level = self.policy.level(cert.level)
        state = self._new_state(cert, start, retired_on, self.facts.first_earned.get(cert.name, start))
        state.expires = given if given is not None else state.expiration_from(start)
        earlier = self.certs.get(cert.name)
        if earlier is not None:
            # The record's term wins over a term derived from exam passes: one certification.
            state.used_passes = earlier.used_passes
            state.past_terms = (*earlier.past_terms, (earlier.term_started_on, earlier.expires))
            if earlier.renewable:  # continuous with the earlier term only if it had not expired
                state.first_on = min(state.first_on, earlier.first_on)
            # The record's term is the current one: no renewal inside the record made it.
        state.how = f"held from {start}" + (f" with a given expiration date {given}" if given else "")
        self.certs[cert.name] = state
        self._order = None
        self._event(
            today,
            "held",
            cert.name,
            "R-VAL-1",
            f"{cert.name} ({level.name}) term given by the record starts on {start}; "
            + (
                f"expires on {state.expires}"
                + (" (given)" if given else f" ({start} + {years_text(state, start)})")
                if state.expires
                else "lifetime"
            ),
        )
        if earlier is not None:
            # The earlier term's credits that the record's term does not contain are stranded (D-POOL-7).
            state.entries = earlier.entries
            self._refresh(state, today)
        if retired_on is not None and retired_on <= today:
            state.retired = True
            if retired_on < today:
                self._event(
                    today,
                    "retired",
                    cert.name,
                    "D-RET-2",
                    f"{cert.name} was retired on {retired_on}, before this term started on {start}: the term "
                    f"runs as the record gives it, with no recertification and no cascade (R-RET-1)",
                )
        return state


def years_text(cert: CertState, start: date) -> str:
    """The length of a term of *cert* starting on *start*, for explanations (R-VAL-1)."""
    return validity_text(cert.validity, start)


def validity_text(validity: tuple[Validity, ...], start: date) -> str:
    """The length of a term starting on *start* under *validity* (see :func:`years_text`)."""
    years = validity_for(validity, start).years
    return "lifetime" if years is None else f"{years} year{'s' if years != 1 else ''}"
