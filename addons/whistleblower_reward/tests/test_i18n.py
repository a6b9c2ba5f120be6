# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A zh_CN reporter and a zh_CN investigator meet no English (mission rule:
a person sees their language, data included).

* every term of whistleblower_reward (models, fields, selections, views,
  menus, actions, groups, activity types, crons, approval roles, chatter
  and error messages, the public pages' templates and the controller's
  messages, the reward explanation of each note code) has its zh_CN value;
* the public pages (report form, receipt, follow-up form, status) show no
  English to a visitor whose language is zh_CN: the language comes from
  Odoo's frontend routing (``http_routing``: a ``/zh_CN/...`` URL, the
  ``frontend_lang`` cookie or the browser's language; portal's footer has
  the language selector when several languages are active);
* the explanation of a reward, rendered from the note codes, reads in
  Chinese.

Odoo's own layout around the public pages (web/portal header and footer)
is not checked: its "Copyright ©" is kept in English by web's zh_CN.
"""

import re

from odoo.tests import tagged

from odoo.addons.complaint_core.tests.test_i18n import (
    LANG,
    is_english,
    load_zh_cn,
    untranslated,
)

from .common import WhistleblowerCommon
from .test_public_form import CODE_RE, SECRET_RE, PublicFormCase
from .test_reward import CLOSED_BEFORE_NATIONAL_DAY

# Kept as they are in Chinese too: the allowed file types (".pdf, .docx"),
# the unit "MB", the zone of a time ("2026-12-02 23:59 CST"), a report's
# pseudonym (WB-2026-000123) and a receipt code or secret (ABCD-EFGH-...).
KEPT = re.compile(
    r"\.[a-z0-9]{2,4}\b|\b(?:MB|CST)\b|\bWB-\d{4}-\d+\b"
    r"|\b[A-Z0-9]{4}(?:-[A-Z0-9]{4})+\b"
)
PAGE_RE = re.compile(r"(?s)<main\b.*?</main>")
TITLE_RE = re.compile(r"(?s)<title>(.*?)</title>")


def english_texts(html):
    """Texts (and placeholders, titles) of the page's main part a reader
    would see in English."""
    main = PAGE_RE.search(html)
    body = main.group(0) if main else html
    body = re.sub(r"(?s)<script.*?</script>|<style.*?</style>", "", body)
    texts = {t.strip() for t in re.findall(r">([^<]+)<", body)} | set(
        re.findall(r'(?:placeholder|title|aria-label)="([^"]+)"', body)
    )
    title = TITLE_RE.search(html)
    if title:
        texts.add(title.group(1).strip())
    return sorted(t for t in texts if is_english(KEPT.sub(" ", t)))


@tagged("post_install", "-at_install")
class TestI18nWhistleblower(WhistleblowerCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_zh_cn(cls.env)
        cls.investigator.lang = LANG

    def test_every_term_of_whistleblower_reward(self):
        """Every term of whistleblower_reward, its data and its messages has
        its zh_CN value."""
        self.assertEqual(untranslated(self.env, "whistleblower_reward"), [])

    def _reward(self, policy, ticket=None, **facts):
        values = {
            "ticket_id": (ticket or self._report()).id,
            "policy_code": policy,
            "case_closed_at": CLOSED_BEFORE_NATIONAL_DAY,
            **facts,
        }
        Reward = self.env["whistleblower.reward"]
        return self._as(Reward, self.investigator).create(values)

    def test_reward_explanation_in_chinese(self):
        """The explanation rendered from the rules' note codes (tiers, cap,
        floor, readings, bands, exclusions, sharing) reads in Chinese."""
        rewards = (
            self._reward("mine", evidence="direct", recovered_loss=80000)
            | self._reward(
                "listed_company", evidence="direct", major=True, recovered_loss=750000
            )
            | self._reward("mine", evidence="cooperation", recovered_loss=600)
            | self._reward("mine", evidence="direct", fine=50000)
            | self._reward(
                "mine", evidence="direct", recovered_loss=50000, verified=False
            )
            | self._reward(
                "mine",
                ticket=self._report(anonymous=True),
                evidence="direct",
                recovered_loss=100000,
            )
            | self._reward("utility", incident_value=80000)
            | self._reward(
                "mine",
                evidence="direct",
                recovered_loss=300000,
                reporters=3,
                joint=True,
            )
            | self._reward(
                "mine", evidence="direct", recovered_loss=300000, reporters=2
            )
            | self._reward("mine")
        )
        zh = rewards.with_context(lang=LANG)
        left = sorted(
            {
                line
                for reward in zh
                for line in (reward.explanation or "").splitlines()
                if is_english(line)
            }
        )
        self.assertFalse(left, f"English in zh_CN reward explanations: {left}")
        self.assertIn("本案奖励", "\n".join(zh.mapped("explanation")))

    def test_acknowledgement_in_chinese(self):
        """A report sent from a zh_CN page: its acknowledgement in the
        chatter (pseudonym, who decides the opening, the rules) is Chinese."""
        report, _code, _secret = (
            self.env["helpdesk.ticket"]
            .with_context(lang=LANG)
            ._wb_submit(
                {
                    "name": "食堂采购回扣",
                    "description": "<p>采购员收取现金。</p>",
                    "wb_subject_rank": "senior",
                    "complainant_anonymous": True,
                },
                company=self.city_a,
            )
        )
        self._end_request()
        bodies = [
            re.sub(r"<[^>]+>", " ", body)
            for body in report.sudo().message_ids.mapped("body")
            if report.wb_pseudonym in (body or "")
        ]
        self.assertTrue(bodies)
        self.assertFalse([b for b in bodies if is_english(KEPT.sub(" ", b))], bodies)


@tagged("post_install", "-at_install")
class TestI18nWhistleblowPages(PublicFormCase):
    """The reporter's pages in zh_CN."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_zh_cn(cls.env)

    def setUp(self):
        super().setUp()
        self.opener.cookies.set("frontend_lang", LANG)

    def assertChinesePage(self, response, what):
        self.assertEqual(response.status_code, 200, what)
        left = english_texts(response.text)
        self.assertFalse(left, f"English on {what} for a zh_CN reporter: {left}")

    def test_report_and_follow_forms(self):
        for url in ("/whistleblow", "/whistleblow/follow"):
            self.assertChinesePage(self.url_open(url), url)
        self.assertIn("我要举报", self.url_open("/whistleblow").text)

    def test_url_prefix_selects_chinese(self):
        """``/zh_CN/whistleblow`` gives the Chinese page without a cookie."""
        self.opener.cookies.clear()
        response = self.url_open("/zh_CN/whistleblow")
        self.assertChinesePage(response, "/zh_CN/whistleblow")
        self.assertIn("查询已提交的举报", response.text)

    def test_receipt_status_and_errors(self):
        """Receipt, refusal, status page with the added information, and the
        form shown again with its error."""
        response = self._submit(
            name="食堂采购回扣",
            description="三号车间采购员收取现金。",
            wb_subject="采购科",
        )
        self.assertChinesePage(response, "the receipt")
        code = CODE_RE.search(response.text).group(1)
        secret = SECRET_RE.search(response.text).group(1)
        self.assertChinesePage(
            self._post("/whistleblow/follow", {"code": code, "secret": "0" * 16}),
            "the refusal",
        )
        self._follow(code, secret)
        self.assertChinesePage(self.url_open("/whistleblow/status"), "the status")
        self.assertChinesePage(
            self._post("/whistleblow/status", {"text": "补充：还有一张收据。"}),
            "the status after adding information",
        )
        self.assertChinesePage(
            self._submit(name="", description=""), "the form with its error"
        )
