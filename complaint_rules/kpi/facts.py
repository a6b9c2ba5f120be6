"""Plain per-ticket facts the KPI formulas read.

The Odoo layer (or its SQL view) hands over one :class:`TicketFacts` row per
ticket: the stored step history and the stored met/missed outcome of each
deadline, never a status computed again here (the SLA status rule has one
home, :mod:`complaint_rules.deadline_status`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from ..coerce import check_member, to_amount
from ..errors import InvalidInputError

#: Outcome of one deadline: met, missed, or not decided yet (still running).
OUTCOMES: tuple[str, ...] = ("met", "missed", "pending")
#: What the complainant said at the reply or the revisit (S000-R129 sources).
SATISFACTION: tuple[str, ...] = ("satisfied", "dissatisfied")


@dataclass(frozen=True)
class StepFact:
    """One step of a ticket's flow (整理/复核/处理/反馈/回访, S000-R130).

    ``delay_hours`` is how long the step ran past its limit (0 when met);
    ``valid`` is whether the step's content and routing were accurate
    (S000-R131, from the ticket sampling), ``None`` when not sampled.
    """

    step: str
    outcome: str = "pending"
    delay_hours: Decimal = Decimal(0)
    valid: bool | None = None

    def __post_init__(self):
        check_member(self.outcome, OUTCOMES, "outcome")
        object.__setattr__(
            self, "delay_hours", to_amount(self.delay_hours, "delay_hours")
        )
        if self.outcome != "missed" and self.delay_hours:
            raise InvalidInputError(
                f"step {self.step!r}: a delay without a missed deadline",
                field="delay_hours",
            )


@dataclass(frozen=True)
class TicketFacts:
    """What the KPI formulas know of one ticket.

    * ``closure`` — the stored outcome of the ticket's overall deadline;
      ``resolved`` — 结办: solved, or an explanation agreed with the customer
      (S000-R127, S000-R143);
    * ``dispatched`` — sent beyond the intake channel / complaint centre
      (S000-R128: first-time resolution is closing without dispatch);
    * ``surveyed`` and ``satisfaction`` (S000-R129, S000-R144);
    * ``qualified`` — the ticket was processed correctly (S000-R146), ``None``
      when not sampled;
    * ``handling_hours`` — closure − acceptance, as the caller measures it
      (working hours in the addon); when ``None`` it is the calendar hours
      between ``received_at`` and ``closed_at`` (S000-R147).
    """

    ticket: object
    period_day: date
    kind: str = "complaint"
    company: object = None
    staff: object = None
    escalated: bool = False
    merged: bool = False
    accepted: bool = True
    received_at: datetime | None = None
    closed_at: datetime | None = None
    closure: str = "pending"
    resolved: bool = False
    dispatched: bool = False
    steps: tuple[StepFact, ...] = ()
    surveyed: bool = False
    satisfaction: str | None = None
    qualified: bool | None = None
    substantiated: bool = False
    repeat: bool = False
    service_caused: bool = False
    handling_hours: Decimal | None = None
    extra: dict = field(default_factory=dict, compare=False)

    def __post_init__(self):
        check_member(self.closure, OUTCOMES, "closure")
        if self.satisfaction is not None:
            check_member(self.satisfaction, SATISFACTION, "satisfaction")
        object.__setattr__(self, "steps", tuple(self.steps))
        if self.handling_hours is not None:
            object.__setattr__(
                self, "handling_hours", to_amount(self.handling_hours, "handling_hours")
            )

    @property
    def handling(self) -> Decimal | None:
        """Handling time in hours (S000-R147), ``None`` while open."""
        if self.handling_hours is not None:
            return self.handling_hours
        if self.received_at is None or self.closed_at is None:
            return None
        seconds = Decimal(int((self.closed_at - self.received_at).total_seconds()))
        if seconds < 0:
            raise InvalidInputError("closed before it was received", field="closed_at")
        return seconds / Decimal(3600)
