"""The whistleblowing rulebooks (presets ``mine``, ``listed_company``,
``utility``): found by kind and code, their rule IDs exist in the digests
and belong to their seed, and their numbers are those of the Chinese
originals (seed 000 篇一/篇四 附件二, seed 002 D2)."""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal
from pathlib import Path

import pytest

from complaint_rules import presets
from complaint_rules.errors import InvalidInputError
from complaint_rules.reward import OpeningRules, RewardPolicy

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
SEED_000 = SHARED / "seeds" / "000_3e7c71dbe8854f59.txt"
SEED_002 = SHARED / "seeds" / "002_452bb0e9b107a434.txt"
D = Decimal

MINE = presets.reward_policy("mine")
LISTED = presets.reward_policy("listed_company")
UTILITY = presets.reward_policy("utility")
ENTRIES = [
    (kind, code)
    for kind in ("reward_policy", "opening_rules")
    for code in presets.codes(kind)
]


def _spec_ids():
    ids = set()
    for path in (SHARED / "spec").glob("seed-*.md"):
        ids.update(re.findall(r"\*\*(S\d{3}-R\d{3})\b", path.read_text("utf-8")))
    return ids


def test_registry_holds_the_whistleblowing_rulebooks():
    assert presets.codes("reward_policy") == ("mine", "listed_company", "utility")
    assert presets.codes("opening_rules") == ("mine", "listed_company")
    assert isinstance(MINE, RewardPolicy)
    assert isinstance(presets.opening_rules("mine"), OpeningRules)
    presets.validate()


@pytest.mark.parametrize(("kind", "code"), ENTRIES)
def test_preset_is_checked_by_its_kind(kind, code):
    value = presets.get(kind, code)
    presets.KINDS[kind](code, value)
    with pytest.raises(InvalidInputError, match="registered as"):
        presets.KINDS[kind]("other", value)
    with pytest.raises(InvalidInputError, match="expected"):
        presets.KINDS[kind](code, (value,))


@pytest.mark.parametrize(("kind", "code"), ENTRIES)
def test_preset_rule_ids_are_of_one_seed(kind, code):
    ids = presets.get(kind, code).cited_rule_ids
    assert ids and all(re.match(r"^S\d{3}-R\d{3}$", rid) for rid in ids)
    assert len({rid[:4] for rid in ids}) == 1
    assert ids[0][:4] == ("S002" if code == "utility" else "S000")


@pytest.mark.skipif(not (SHARED / "spec").is_dir(), reason="seed digests not found")
@pytest.mark.parametrize(("kind", "code"), ENTRIES)
def test_preset_rule_ids_exist_in_the_spec(kind, code):
    assert sorted(set(presets.get(kind, code).cited_rule_ids) - _spec_ids()) == []


@pytest.mark.parametrize("name", ["mine", "listed_company", "utility"])
def test_rulebook_cites_only_its_own_seed(name):
    text = (REPO / "complaint_rules" / "presets" / f"{name}.py").read_text("utf-8")
    seeds = set(re.findall(r"\b(S\d{3})-R\d{3}", text))
    assert seeds == ({"S002"} if name == "utility" else {"S000"})


# --------------------------------------------------------------------------
# The numbers, against the digests and the originals
# --------------------------------------------------------------------------


@pytest.mark.parametrize("policy", [MINE, LISTED], ids=lambda p: p.code)
def test_s000_r027_r030_r079_tiers(policy):
    tiers = {t.code: t for t in policy.tiers}
    assert [t.code for t in policy.tiers] == ["major", "direct", "cooperation"]
    assert (tiers["cooperation"].loss_rate, tiers["cooperation"].fine_rate) == (
        D("0.10"),
        D("0.30"),
    )
    assert tiers["cooperation"].cap == D(10000)
    assert (tiers["direct"].loss_rate, tiers["direct"].fine_rate) == (
        D("0.20"),
        D("0.50"),
    )
    assert tiers["direct"].cap == D(20000)
    major = tiers["major"]
    assert (major.loss_rate, major.fine_rate, major.cap) == (D("0.20"), None, D(100000))
    assert major.major and major.min_loss == D(200000) and not major.evidence
    assert policy.floor == D(100)
    assert {e.flag for e in policy.exclusions} == {
        "anonymous",
        "own_duties",
        "commissioned",
        "audit_staff",
        "already_rewarded",
    }
    assert (policy.proposal_working_days, policy.claim_months) == (7, 1)


def test_s000_r032_r081_roles():
    assert (MINE.proposer.label_zh, MINE.approver.label_zh) == ("办公室", "矿领导")
    assert (LISTED.proposer.label_zh, LISTED.approver.label_zh) == (
        "审计部",
        "董事会领导",
    )
    mine, listed = (
        presets.opening_rules("mine"),
        presets.opening_rules("listed_company"),
    )
    assert (mine.approver.label_zh, mine.senior_approver.label_zh) == (
        "管理层",
        "上级公司",
    )
    assert (listed.evaluator.label_zh, listed.senior_approver.label_zh) == (
        "审计部",
        "董事会",
    )
    assert (mine.approval_days, mine.senior_days, mine.evaluation_days) == (3, 2, None)
    assert (listed.approval_days, listed.senior_days) == (3, 2)


def test_s002_r066_r068_utility():
    below, above = UTILITY.bands
    assert (below.upper, below.minimum, below.maximum) == (D(50000), D(100), D(1000))
    assert (above.lower, above.minimum, above.maximum) == (D(50000), D(500), D(5000))
    assert UTILITY.method == "band" and UTILITY.per_incident
    assert {e.flag for e in UTILITY.exclusions} == {
        "already_discovered",
        "under_investigation",
        "measures_taken",
    }
    assert UTILITY.proposal_working_days is None and UTILITY.claim_months is None
    assert UTILITY.approver.label_zh == "公司"


def test_readings_default_as_documented():
    for policy in (MINE, LISTED, UTILITY):
        assert dict(policy.readings) == {
            "basis_when_both": "loss",
            "major_reading": "flag",
            "major_needs_direct_evidence": False,
            "fine_only_rewarded": True,
            "floor_on_zero_base": False,
            "edge_reading": "upper",
            "claim_month_end": "clamp",
        }
    assert dataclasses.replace(MINE, basis_when_both="higher") != MINE


@pytest.mark.skipif(not SEED_000.is_file(), reason="seed 000 not found")
def test_s000_r079_numbers_are_those_of_the_original():
    lines = SEED_000.read_text("utf-8").splitlines()
    listed = "\n".join(lines[205:226])  # 篇四 附件二 (L206-L226)
    for text in (
        "按挽回经济损失额的10%、或按罚款额的30%奖励,奖金最高不超过1万元",
        "按挽回经济损失额的20%、或按罚款额的50%奖励,奖金最高不超过2万元",
        "挽回经济损失20万元(含)以上,按挽回经济损失的20%奖励,奖金最高不超过10万元",
        "单个案件举报奖励不足100元的,按100元发放",
        "结案后7个工作日内提议,经董事会领导核准后发放",
        "接到通知后一个月内领取举报奖金,逾期作放弃奖金处理",
        "匿名举报、个人职责范围内或受单位委托的举报、审计人员的举报不属本办法奖励范围",
    ):
        assert text in listed, text
    mine = "\n".join(lines[46:62])  # 篇一 reward measures (L47-L62)
    for text in (
        "按挽回经济损失的10%或按罚款额的30%奖励,奖金最高不超过1万元",
        "按挽回经济损失额的20%或按罚款额的50%奖励,奖金最高不超过2万元",
        "挽回经济损失20万元(含)万元",  # garbled tier (三), completed from 篇四
        "单个案件举报奖励不足100元的,按100元发放",
        "结案后7个工作日内提议,经矿领导核准后发放",
        "接到通知后一个月内领取举报奖金,逾期作放弃奖金处理",
    ):
        assert text in mine, text
    opening_mine, opening_listed = lines[36], lines[186]  # 第十七条 (L37, L187)
    assert "3个工作日内报管理层批准" in opening_mine
    assert "2个工作日内报上级公司批准" in opening_mine
    assert "3个工作日内报董事会批准" in opening_listed
    assert "2个工作日内报董事会批准" in opening_listed


@pytest.mark.skipif(not SEED_002.is_file(), reason="seed 002 not found")
def test_s002_r067_numbers_are_those_of_the_original():
    text = SEED_002.read_text("utf-8")
    compact = re.sub(r"\s+", "", text)
    assert compact.count("被侵害价值5万元以下的,奖励100--1000元") == 2  # D2 and D17
    assert "价值达5万元以上" in compact
    assert "奖励500--5000元" in compact
