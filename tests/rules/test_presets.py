"""The rulebooks of :mod:`complaint_rules.presets`: every preset validates, is
found by code, cites rule IDs that exist in the seed digests, and is shipped
as the data XML that ``scripts/gen_data.py`` generates from it."""

import ast
import functools
import importlib
import importlib.util
import pkgutil
import re
from pathlib import Path

import pytest

from complaint_rules import approval, grading, presets, sla
from complaint_rules.errors import InvalidInputError

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "complaint_rules"
PRESETS_DIR = PACKAGE / "presets"
#: CI copies shared/ beside the repository.
SPEC = REPO.parent / "shared" / "spec"

RULE_ID = re.compile(r"^S\d{3}-R\d{3}$")
#: A citation: a full ID, optionally followed by abbreviated ones
#: ("S000-R104, R105", "S000-R151/R155") or a range ("S003-R018..R020").
CITATION = re.compile(
    r"\b(S\d{3})-R(\d{3})((?:\s*(?:/|,|\.\.|…|and|or)\s*(?:S\d{3}-)?R\d{3})*)"
)
PLACEHOLDER = re.compile(r"\bS\d{3}-R\d*[xX?]|\bR\d{0,2}[xX]{1,3}\b")

#: Files whose citations are checked: the rules package and its tests.
CITING = sorted(
    path
    for path in (*PACKAGE.rglob("*.py"), *(REPO / "tests" / "rules").glob("*.py"))
    if path.resolve() != Path(__file__).resolve()
)

ENTRIES = [(kind, code) for kind in presets.KINDS for code in presets.codes(kind)]


def _relative(path):
    return str(path.relative_to(REPO))


@functools.cache
def _spec_ids():
    ids = set()
    for path in SPEC.glob("seed-*.md"):
        ids.update(re.findall(r"\*\*(S\d{3}-R\d{3})\b", path.read_text("utf-8")))
    return ids


def _cited(text):
    """Every rule ID a text cites, abbreviations and ranges expanded."""
    found = set()
    for match in CITATION.finditer(text):
        seed, first, tail = match.group(1), int(match.group(2)), match.group(3)
        found.add(f"{seed}-R{first:03d}")
        previous = first
        for sep, other_seed, number in re.findall(
            r"(/|,|\.\.|…|and|or)\s*(?:(S\d{3})-)?R(\d{3})", tail
        ):
            seed = other_seed or seed
            number = int(number)
            if sep in ("..", "…") and not other_seed:
                found.update(f"{seed}-R{n:03d}" for n in range(previous, number + 1))
            found.add(f"{seed}-R{number:03d}")
            previous = number
    return found


def _rule_id_fields(value):
    """The rule IDs held in the fields of a preset (not its comments)."""
    if isinstance(value, tuple):
        for item in value:
            yield from _rule_id_fields(item)
    elif isinstance(value, grading.GradingScheme):
        for part in (*value.grades, *value.criteria):
            yield part.rule_id
        for limit in value.limits:
            yield from limit.rule_ids
    elif isinstance(value, approval.MatrixRule):
        yield value.rule_id
    elif isinstance(value, sla.Policy):
        yield from value.rule_ids
        for limit in value.limits:
            yield from limit.rule_ids
    elif hasattr(value, "cited_rule_ids"):  # reward policies, opening rules
        yield from value.cited_rule_ids


def _rulebook_modules():
    return sorted(
        info.name
        for info in pkgutil.iter_modules([str(PRESETS_DIR)])
        if not info.name.startswith("_")
    )


# ---------------------------------------------------------------------------
# Registry
# ---------------------------------------------------------------------------


def test_every_rulebook_module_is_registered():
    assert sorted(presets.RULEBOOKS) == _rulebook_modules()


def test_every_preset_in_the_registry_validates():
    presets.validate()


@pytest.mark.parametrize(("kind", "code"), ENTRIES)
def test_preset_is_found_by_code_and_passes_its_check(kind, code):
    value = presets.get(kind, code)
    presets.KINDS[kind](code, value)
    assert presets.presets(kind)[code] is value


def test_registry_holds_the_seed_presets():
    assert presets.codes("grading_scheme") == (
        "property_management",
        "telecom_upgrade",
        "hospital_service_attitude",
        "insurance_major",
    )
    assert set(presets.codes("sla_policies")) == {
        "telecom",
        "cultural_relics",
        "property_management",
        "hospital",
        "insurance",
    }
    assert presets.codes("approval_matrix") == ("insurance_settlement",)
    assert presets.approval_matrix("insurance_settlement")[0].rule_id == "S001-R011"
    assert presets.grading_scheme("telecom_upgrade").default_grade == "general"
    assert presets.sla_policies("hospital")[0].code == "hospital_service_attitude"
    assert len(presets.settlement_items("insurance_settlement")) == 7


@pytest.mark.parametrize(
    ("kind", "code"),
    [("grading_scheme", "no_such_scheme"), ("reward_policy", "insurance")],
)
def test_unknown_kind_or_code_is_refused(kind, code):
    with pytest.raises(InvalidInputError):
        presets.get(kind, code)


@pytest.mark.parametrize(
    ("kind", "code", "value"),
    [
        ("grading_scheme", "other_code", presets.grading_scheme("telecom_upgrade")),
        ("approval_matrix", "empty", ()),
        ("sla_policies", "not_policies", ("telecom_base",)),
        (
            "settlement_items",
            "twice",
            presets.settlement_items("insurance_settlement")[:1] * 2,
        ),
    ],
)
def test_a_malformed_preset_fails_its_check(kind, code, value):
    with pytest.raises(InvalidInputError):
        presets.KINDS[kind](code, value)


def test_the_engines_do_not_import_the_rulebooks():
    # Dependency direction: presets build on the engines, never the reverse.
    for path in PACKAGE.rglob("*.py"):
        if PRESETS_DIR in path.parents:
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom):
                module = ("." * node.level) + (node.module or "")
                names = [alias.name for alias in node.names]
                assert "presets" not in module.split("."), path
                assert "presets" not in names, path


# ---------------------------------------------------------------------------
# Rule IDs
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(("kind", "code"), ENTRIES)
def test_preset_rule_ids_are_well_formed_and_of_one_seed(kind, code):
    ids = set(_rule_id_fields(presets.get(kind, code)))
    if kind == "settlement_items":
        assert not ids  # items cite their rules in comments only
        return
    assert ids
    assert all(RULE_ID.match(rule_id) for rule_id in ids), sorted(ids)
    assert len({rule_id[:4] for rule_id in ids}) == 1, sorted(ids)


@pytest.mark.parametrize("name", presets.RULEBOOKS)
def test_rulebook_cites_only_its_own_seed(name):
    # One module per seed system: its comments cite the seed its presets
    # hold (a preset's comment left in another rulebook shows up here).
    path = PRESETS_DIR / f"{name}.py"
    module = importlib.import_module(f"complaint_rules.presets.{name}")
    held = {
        rule_id[:4]
        for entries in module.RULEBOOK.values()
        for value in entries.values()
        for rule_id in _rule_id_fields(value)
    }
    assert len(held) == 1
    assert {rule_id[:4] for rule_id in _cited(path.read_text("utf-8"))} == held


def test_citation_parser_expands_abbreviations_and_ranges():
    assert _cited("S000-R104, R105 and S001-R011..R013; S000-R151/R155") == {
        "S000-R104",
        "S000-R105",
        "S001-R011",
        "S001-R012",
        "S001-R013",
        "S000-R151",
        "S000-R155",
    }
    assert PLACEHOLDER.search("S000-R1xx") and PLACEHOLDER.search("(R0xx)")
    assert not PLACEHOLDER.search("S000-R105 (附录C)")


@pytest.mark.parametrize("path", CITING, ids=_relative)
def test_no_placeholder_citation(path):
    assert not PLACEHOLDER.findall(path.read_text("utf-8"))


@pytest.mark.skipif(not SPEC.is_dir(), reason=f"seed digests not found in {SPEC}")
@pytest.mark.parametrize("path", CITING, ids=_relative)
def test_every_rule_id_cited_exists_in_the_spec(path):
    # The rulebooks first, and the logic modules and tests of the package.
    cited = _cited(path.read_text("utf-8"))
    if path.parent == PRESETS_DIR and path.name != "__init__.py":
        assert cited
    assert sorted(cited - _spec_ids()) == []


@pytest.mark.skipif(not SPEC.is_dir(), reason=f"seed digests not found in {SPEC}")
def test_every_rule_id_held_by_a_preset_exists_in_the_spec():
    known = _spec_ids()
    held = {
        rid
        for kind, code in ENTRIES
        for rid in _rule_id_fields(presets.get(kind, code))
    }
    assert held
    assert sorted(held - known) == []


# ---------------------------------------------------------------------------
# Shipped data
# ---------------------------------------------------------------------------


def _gen_data():
    spec = importlib.util.spec_from_file_location(
        "gen_data", REPO / "scripts" / "gen_data.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_complaint_core_data_is_what_the_presets_generate():
    gen = _gen_data()
    assert gen.OUT.read_text("utf-8") == gen.grade_data()
    assert gen.OUT_DELEGATION.read_text("utf-8") == gen.delegation_data()
