"""Tests of complaint_rules.lifecycle and complaint_rules.reference."""

from __future__ import annotations

import itertools
import re

import pytest

from complaint_rules import reference
from complaint_rules.errors import InvalidInputError, InvalidTransitionError, RuleError
from complaint_rules.lifecycle import (
    ACTIONS,
    ESCALATION_TARGETS,
    OPEN_STEPS,
    ROLES,
    STEP_LABELS,
    STEPS,
    TERMINAL_STEPS,
    TRANSITIONS,
    NewEvidenceRequiredError,
    ReexaminationLimitError,
    RevisitOutcome,
    RevisitRequiredError,
    RoleNotAllowedError,
    allowed_targets,
    check_transition,
    escalation_target,
    revisit_outcome,
    revisit_required,
)

H = frozenset({"staff", "manager", "head_office"})
ALL = frozenset({"staff", "manager", "head_office", "system"})
M = frozenset({"manager", "head_office"})
#: the complainant (portal) may only accept the answer and close (S004-R126)
C = frozenset({"complainant"})
S = frozenset({"system"})

#: The table as the report documents it: (from, to) -> (action, roles).
EXPECTED = {
    ("received", "dispatched"): ("dispatch", ALL),
    ("received", "replied"): ("reply", H),
    ("received", "rejected"): ("reject", H),
    ("dispatched", "received"): ("return", H),
    ("dispatched", "handling"): ("start", H),
    ("handling", "dispatched"): ("escalate", ALL),
    ("handling", "replied"): ("reply", H),
    ("replied", "revisit"): ("revisit", ALL),
    ("replied", "dispatched"): ("escalate", S),
    ("replied", "closed"): ("close", H | C),
    ("revisit", "closed"): ("close", ALL | C),
    ("revisit", "handling"): ("reopen", M),
    ("revisit", "dispatched"): ("escalate", M | S),
    ("closed", "handling"): ("reexamine", M),
    **{(step, "merged"): ("merge", H) for step in OPEN_STEPS},
}

ALLOWED = sorted(
    (source, target, role)
    for (source, target), (_, roles) in EXPECTED.items()
    for role in roles
)
NOT_IN_TABLE = [
    (source, target, role)
    for source, target, role in itertools.product(STEPS, STEPS, ROLES)
    if (source, target) not in EXPECTED
]
WRONG_ROLE = sorted(
    (source, target, role)
    for (source, target), (_, roles) in EXPECTED.items()
    for role in ROLES
    if role not in roles
)


def test_transition_table_is_exactly_the_documented_one():
    actual = {key: (t.action, t.roles) for key, t in TRANSITIONS.items()}
    assert actual == EXPECTED
    assert len(TRANSITIONS) == 19
    for (source, target), transition in TRANSITIONS.items():
        assert (transition.source, transition.target) == (source, target)
        assert transition.action in ACTIONS
        assert transition.rule_ids
        assert all(re.fullmatch(r"S\d{3}-R\d{3}", r) for r in transition.rule_ids)


def test_s000_r098_normal_path_for_staff():
    path = ["received", "dispatched", "handling", "replied", "revisit", "closed"]
    actions = [
        check_transition(a, b, "staff").action for a, b in itertools.pairwise(path)
    ]
    assert actions == ["dispatch", "start", "reply", "revisit", "close"]


@pytest.mark.parametrize(("source", "target", "role"), ALLOWED)
def test_every_allowed_move_passes(source, target, role):
    transition = check_transition(source, target, role, has_new_evidence=True)
    assert transition.action == EXPECTED[(source, target)][0]


@pytest.mark.parametrize(("source", "target", "role"), NOT_IN_TABLE)
def test_every_move_outside_the_table_is_refused(source, target, role):
    with pytest.raises(InvalidTransitionError) as info:
        check_transition(source, target, role, has_new_evidence=True)
    error = info.value
    assert type(error) is InvalidTransitionError
    assert error.code == "invalid_transition"
    assert error.params == {"from_step": source, "to_step": target, "role": role}


@pytest.mark.parametrize(("source", "target", "role"), WRONG_ROLE)
def test_every_move_by_a_role_outside_the_table_is_refused(source, target, role):
    with pytest.raises(RoleNotAllowedError) as info:
        check_transition(source, target, role, has_new_evidence=True)
    assert info.value.code == "transition_role_not_allowed"
    assert info.value.params["from_step"] == source
    assert info.value.params["to_step"] == target
    assert info.value.params["action"] == EXPECTED[(source, target)][0]
    assert isinstance(info.value, InvalidTransitionError)


def test_terminal_steps_have_no_way_out_except_reexamination():
    assert {s for (s, _) in TRANSITIONS} & set(TERMINAL_STEPS) == {"closed"}
    for step in ("rejected", "merged"):
        for role in ROLES:
            assert allowed_targets(step, role) == ()


def test_s000_r170_rejection_only_from_received():
    check_transition("received", "rejected", "staff")
    with pytest.raises(InvalidTransitionError):
        check_transition("handling", "rejected", "manager")
    with pytest.raises(RoleNotAllowedError):
        check_transition("received", "rejected", "system")


def test_staying_in_the_same_step_is_not_a_transition():
    with pytest.raises(InvalidTransitionError) as info:
        check_transition("handling", "handling", "manager")
    assert info.value.code == "invalid_transition"


# --- 复查 (S000-R175) -------------------------------------------------------


def test_s000_r175_tc45a_first_reexamination_with_new_evidence():
    transition = check_transition(
        "closed", "handling", "manager", reexamination_count=0, has_new_evidence=True
    )
    assert transition.action == "reexamine"
    assert transition.rule_ids == ("S000-R175",)


def test_s000_r175_reexamination_needs_new_evidence():
    with pytest.raises(NewEvidenceRequiredError) as info:
        check_transition("closed", "handling", "manager", reexamination_count=0)
    assert info.value.code == "reexamination_needs_evidence"
    assert info.value.params["from_step"] == "closed"


@pytest.mark.parametrize("evidence", [True, False])
def test_s000_r175_tc45b_second_reexamination_refused(evidence):
    with pytest.raises(ReexaminationLimitError) as info:
        check_transition(
            "closed",
            "handling",
            "head_office",
            reexamination_count=1,
            has_new_evidence=evidence,
        )
    assert info.value.code == "reexamination_limit"
    assert info.value.params["reexamination_count"] == 1
    assert info.value.params["limit"] == reference.MAX_REEXAMINATIONS == 1


def test_s000_r175_staff_cannot_reopen_a_closed_case():
    with pytest.raises(RoleNotAllowedError):
        check_transition("closed", "handling", "staff", has_new_evidence=True)


@pytest.mark.parametrize("count", [-1, 1.0, True])
def test_reexamination_count_must_be_a_natural_number(count):
    with pytest.raises(InvalidInputError):
        check_transition("closed", "handling", "manager", reexamination_count=count)


# --- revisit ------------------------------------------------------------------


def test_s000_r120_complaint_must_be_revisited_before_closing():
    with pytest.raises(RevisitRequiredError) as info:
        check_transition("replied", "closed", "staff", revisit_required=True)
    assert info.value.code == "revisit_required"
    assert check_transition("replied", "closed", "staff").action == "close"


@pytest.mark.parametrize(
    ("kind", "declined", "expected"),
    [
        ("complaint", False, True),
        ("complaint", True, False),
        ("consultation", False, False),
        ("suggestion", False, False),
        ("praise", False, False),
        ("report", False, False),
    ],
)
def test_s000_r120_revisit_required(kind, declined, expected):
    assert revisit_required(kind, declined=declined) is expected


def test_revisit_required_bad_input():
    with pytest.raises(InvalidInputError):
        revisit_required("gossip")
    with pytest.raises(InvalidInputError):
        revisit_required("complaint", declined="no")


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"satisfaction": "satisfied"}, ("closed", "close")),
        ({"satisfaction": "basically_satisfied"}, ("closed", "close")),
        ({"satisfaction": "dissatisfied"}, ("revisit", "screen")),
        (
            {"satisfaction": "dissatisfied", "improper_handling": True},
            ("handling", "reopen"),
        ),
        (
            {"satisfaction": "dissatisfied", "improper_handling": False},
            ("closed", "close"),
        ),
        (
            {"satisfaction": "dissatisfied", "escalate": True},
            ("dispatched", "escalate"),
        ),
        # Satisfied customers close whatever else is passed.
        ({"satisfaction": "satisfied", "escalate": True}, ("closed", "close")),
    ],
)
def test_s000_r121_revisit_outcome(kwargs, expected):
    outcome = revisit_outcome(**kwargs)
    assert isinstance(outcome, RevisitOutcome)
    assert (outcome.step, outcome.action) == expected
    assert outcome.rule_ids


def test_s000_r121_tc24_dissatisfied_improper_handling_reopens_through_the_table():
    outcome = revisit_outcome("dissatisfied", improper_handling=True)
    assert outcome.rule_ids == ("S000-R121",)
    transition = check_transition("revisit", outcome.step, "manager")
    assert transition.action == outcome.action == "reopen"


@pytest.mark.parametrize(
    "kwargs",
    [
        {"satisfaction": "dissatisfied", "escalate": True},
        {"satisfaction": "dissatisfied", "improper_handling": False},
        {"satisfaction": "satisfied"},
    ],
)
def test_revisit_outcomes_are_moves_of_the_table(kwargs):
    outcome = revisit_outcome(**kwargs)
    assert check_transition("revisit", outcome.step, "manager").action == outcome.action


@pytest.mark.parametrize(
    "kwargs",
    [
        {"satisfaction": "happy"},
        {"satisfaction": "dissatisfied", "improper_handling": "yes"},
        {"satisfaction": "dissatisfied", "escalate": None},
    ],
)
def test_revisit_outcome_bad_input(kwargs):
    with pytest.raises(InvalidInputError):
        revisit_outcome(**kwargs)


# --- allowed_targets ------------------------------------------------------------


@pytest.mark.parametrize(
    ("step", "role", "expected"),
    [
        ("received", "staff", ("dispatched", "replied", "rejected", "merged")),
        ("received", "system", ("dispatched",)),
        ("dispatched", "staff", ("received", "handling", "merged")),
        ("handling", "staff", ("dispatched", "replied", "merged")),
        ("replied", "system", ("dispatched", "revisit")),
        ("handling", "system", ("dispatched",)),
        ("revisit", "system", ("dispatched", "closed")),
        ("revisit", "staff", ("closed", "merged")),
        ("revisit", "manager", ("dispatched", "handling", "closed", "merged")),
        ("closed", "staff", ()),
        ("closed", "manager", ("handling",)),
    ],
)
def test_allowed_targets_structural(step, role, expected):
    assert allowed_targets(step, role) == expected


def test_allowed_targets_apply_given_conditions():
    assert allowed_targets("closed", "manager", reexamination_count=1) == ()
    assert allowed_targets("closed", "manager", has_new_evidence=False) == ()
    assert allowed_targets("replied", "staff", revisit_required=True) == (
        "revisit",
        "merged",
    )


@pytest.mark.parametrize(
    ("source", "target", "role"),
    [
        ("nowhere", "closed", "staff"),
        ("received", "limbo", "staff"),
        ("received", "dispatched", "ceo"),
    ],
)
def test_unknown_step_or_role_is_invalid_input(source, target, role):
    with pytest.raises(InvalidInputError):
        check_transition(source, target, role)


def test_allowed_targets_unknown_input():
    with pytest.raises(InvalidInputError):
        allowed_targets("limbo", "staff")
    with pytest.raises(InvalidInputError):
        allowed_targets("received", "ceo")


def test_errors_are_rule_errors_with_distinct_codes():
    classes = [
        InvalidTransitionError,
        RoleNotAllowedError,
        ReexaminationLimitError,
        NewEvidenceRequiredError,
        RevisitRequiredError,
    ]
    assert all(issubclass(cls, RuleError) for cls in classes)
    assert len({cls.code for cls in classes}) == len(classes)


def test_step_labels():
    assert tuple(STEP_LABELS) == STEPS
    assert STEP_LABELS["received"] == ("受理", "Received")
    assert STEP_LABELS["closed"][0] == "办结"
    assert STEP_LABELS["rejected"][0] == "不予受理"


# --- reference lists -----------------------------------------------------------


def test_s000_r105_revisit_window_is_seven_days():
    assert reference.REVISIT_WINDOW_DAYS == 7


def test_s000_r170_non_acceptance_reasons():
    reasons = reference.NON_ACCEPTANCE_REASONS
    assert reference.codes(reasons) == (
        "outside_remit",
        "no_specific_facts",
        "repeat_without_new_facts",
        "other_proceedings",
        "petition_concluded",
        "time_barred",
        "not_valid",
    )
    assert sum(r.rule_id == "S000-R170" for r in reasons) == 6
    assert [r.code for r in reasons if r.one_time_notice] == ["outside_remit"]


def test_s000_r170_tc44_outside_remit_needs_one_time_notice():
    reason = reference.lookup(reference.NON_ACCEPTANCE_REASONS, "outside_remit")
    assert reason.one_time_notice is True
    assert reason.label_zh == "不属于行政执法职责范围"


def test_s000_r170_tc43_arbitration_is_other_proceedings():
    reason = reference.lookup(reference.NON_ACCEPTANCE_REASONS, "other_proceedings")
    assert "仲裁" in reason.label_zh
    assert reason.one_time_notice is False


def test_s000_r159_tc28_closing_conclusions():
    conclusions = reference.CLOSING_CONCLUSIONS
    assert reference.codes(conclusions) == (
        "enterprise_fault",
        "handled_properly_early",
        "withdrawn",
        "customer_cause",
    )
    labels = {c.code: c.label_zh for c in conclusions}
    assert labels == {
        "enterprise_fault": "企业责任",
        "handled_properly_early": "先期处理得当",
        "withdrawn": "立案撤消",
        "customer_cause": "用户原因",
    }
    responsible = [c.code for c in conclusions if c.enterprise_responsibility]
    assert responsible == ["enterprise_fault"]


def test_s000_r173_substantiation():
    levels = {
        s.code: (s.label_zh, s.actionable) for s in reference.SUBSTANTIATION_LEVELS
    }
    assert levels == {
        "substantiated": ("属实", True),
        "partly_substantiated": ("部分属实", True),
        "unsubstantiated": ("不属实", False),
    }


def test_s000_r121_satisfaction_levels():
    levels = {
        s.code: (s.label_zh, s.counts_as_satisfied)
        for s in reference.SATISFACTION_LEVELS
    }
    assert levels == {
        "satisfied": ("满意", True),
        "basically_satisfied": ("基本满意", True),
        "dissatisfied": ("不满意", False),
    }


def test_kinds_and_channels_have_labels():
    assert reference.lookup(reference.KINDS, "report").label_zh == "举报"
    assert reference.lookup(reference.CHANNELS, "regulator").label_en == (
        "Forwarded by a regulator"
    )


def test_lookup_unknown_code():
    with pytest.raises(InvalidInputError) as info:
        reference.lookup(reference.KINDS, "gossip")
    assert info.value.params["value"] == "gossip"


def test_every_reference_rule_id_is_well_formed():
    pattern = re.compile(r"S\d{3}-R\d{3}")
    lists = [
        reference.KINDS,
        reference.CHANNELS,
        reference.NON_ACCEPTANCE_REASONS,
        reference.CLOSING_CONCLUSIONS,
        reference.SUBSTANTIATION_LEVELS,
        reference.SATISFACTION_LEVELS,
    ]
    for items in lists:
        assert len(set(reference.codes(items))) == len(items)
        for item in items:
            ids = getattr(item, "rule_ids", None) or (item.rule_id,)
            assert all(pattern.fullmatch(rule_id) for rule_id in ids), item
            assert item.label_zh and item.label_en


def test_s004_r126_complainant_may_only_close_after_the_answer():
    """The portal complainant closes a replied or revisited ticket, nothing
    else; closing before the answer is refused."""
    assert allowed_targets("replied", "complainant") == ("closed",)
    assert allowed_targets("revisit", "complainant") == ("closed",)
    for step in ("received", "dispatched", "handling", "closed"):
        assert allowed_targets(step, "complainant") == ()
    with pytest.raises(RoleNotAllowedError):
        check_transition("received", "dispatched", "complainant")


# --- escalation on a missed time limit ------------------------------------------


@pytest.mark.parametrize("step", OPEN_STEPS)
def test_s000_r113_a_breach_in_every_open_step_escalates(step):
    """The system escalates a missed limit in any open step: a handled
    ticket goes back to dispatch at the higher level, an unhandled one keeps
    its step; every move is in the table for the system role."""
    target = escalation_target(step)
    assert target == ESCALATION_TARGETS[step]
    assert target == ("received" if step == "received" else "dispatched")
    if target != step:
        transition = check_transition(step, target, "system")
        assert transition.action == "escalate"
        assert "S000-R113" in transition.rule_ids


def test_escalation_targets_cover_exactly_the_open_steps():
    assert set(ESCALATION_TARGETS) == set(OPEN_STEPS)


@pytest.mark.parametrize("step", TERMINAL_STEPS)
def test_terminal_steps_cannot_be_escalated(step):
    with pytest.raises(InvalidTransitionError) as info:
        escalation_target(step)
    assert info.value.code == "invalid_transition"


def test_staff_cannot_escalate_a_replied_ticket_directly():
    """People escalate a replied ticket through the revisit (S004-R127)."""
    with pytest.raises(RoleNotAllowedError):
        escalation_target("replied", "staff")
    assert escalation_target("handling", "staff") == "dispatched"
    with pytest.raises(InvalidInputError):
        escalation_target("nowhere")
