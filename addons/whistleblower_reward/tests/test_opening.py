# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Opening routes (S000-R013..R015, S000-R071), reports on senior management
sealed from the management (S000-R015, S000-R071), retention of identities
and anti-retaliation (S000-R019, S000-R073)."""

from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.complaint_core.integrity import lifecycle

from .common import INVESTIGATOR, WhistleblowerCommon


@tagged("post_install", "-at_install")
class TestOpeningRoutes(WhistleblowerCommon):
    def test_routes_of_the_mine_rulebook(self):
        """篇一: real-name on ordinary staff → 管理层 (S000-R014, feedback
        S000-R017); anonymous on ordinary staff → preliminary evaluation
        (S000-R013); senior → 上级公司 (S000-R015)."""
        self.city_a.whistleblower_rulebook = "mine"
        real = self._report()
        self.assertEqual(real.wb_route, "approval")
        self.assertEqual(real.wb_decider, "Management")
        self.assertTrue(real.wb_feedback_required)
        self.assertEqual(real.wb_rule_ref, "S000-R014, S000-R017")
        anonymous = self._report(anonymous=True)
        self.assertEqual(anonymous.wb_route, "evaluation")
        self.assertFalse(anonymous.wb_feedback_required)
        self.assertEqual(anonymous.wb_rule_ref, "S000-R013")
        senior = self._report(anonymous=True, wb_subject_rank="senior")
        self.assertEqual(senior.wb_route, "senior")
        self.assertEqual(senior.wb_decider, "Superior company")
        self.assertTrue(senior.wb_hidden_from_management)
        self.env["res.lang"]._activate_lang("zh_CN")
        zh = senior.with_context(lang="zh_CN")
        zh.invalidate_recordset(["wb_decider"])
        self.assertEqual(zh.wb_decider, "上级公司")

    def test_listed_company_sends_senior_reports_to_the_board(self):
        """篇四 第十七条 (S000-R071): the board decides on senior management."""
        self.city_a.whistleblower_rulebook = "listed_company"
        senior = self._report(wb_subject_rank="senior")
        self.assertEqual(senior.wb_route, "senior")
        self.assertEqual(senior.wb_decider, "Board of directors")
        self.assertIn("S000-R071", senior.wb_rule_ref)

    def test_rank_change_reroutes(self):
        report = self._report()
        self._as(report, self.investigator).write({"wb_subject_rank": "senior"})
        self.assertEqual(report.wb_route, "senior")
        self.assertTrue(report.wb_hidden_from_management)

    def test_senior_report_is_invisible_to_the_management(self):
        """Only investigators see a report on senior management; the people
        it names never see it, not even as investigators."""
        report = self._report(
            user=self.investigator,
            wb_subject_rank="senior",
            wb_reported_user_ids=[Command.set(self.manager_a.ids)],
        )
        for user in (self.staff_a, self.manager_a, self.manager_p, self.head_admin):
            with self.subTest(user=user.login):
                Ticket = self._as(self.env["helpdesk.ticket"], user)
                self.assertFalse(Ticket.search([("id", "=", report.id)]))
                with self.assertRaises(AccessError):
                    self._as(report, user).read(["name"])
        self.assertTrue(
            self._as(self.env["helpdesk.ticket"], self.investigator).search(
                [("id", "=", report.id)]
            )
        )
        # Nor what hangs off it: its dispatch order.
        result = self._as(report, self.investigator).complaint_dispatch(
            self.city_a.id, "Check the expense claims.", self._deadline()
        )
        order = self.env["complaint.dispatch.order"].browse(result["dispatch_order_id"])
        for user in (self.staff_a, self.manager_a, self.head_admin):
            with self.subTest(user=user.login):
                self.assertFalse(
                    self._as(order.browse(), user).search([("id", "=", order.id)])
                )
        self.assertTrue(
            self._as(order.browse(), self.investigator).search([("id", "=", order.id)])
        )
        # Only an investigator changes who may see it.
        with self.assertRaises(UserError):
            self._as(report, self.head_admin).write({"wb_subject_rank": "ordinary"})
        # The clerk who took a report in keeps sight of it (the intake body
        # submits it, S000-R015); their manager does not.
        taken = self._report(wb_subject_rank="senior")
        self.assertTrue(taken.with_user(self.staff_a).read(["wb_pseudonym"]))
        with self.assertRaises(AccessError):
            self._as(taken, self.manager_a).read(["name"])
        # An investigator named in the report loses sight of it too.
        self._as(report, self.investigator).write(
            {"wb_reported_user_ids": [Command.link(self.investigator_2.id)]}
        )
        self.assertFalse(
            self._as(self.env["helpdesk.ticket"], self.investigator_2).search(
                [("id", "=", report.id)]
            )
        )

    def test_reported_user_never_sees_an_ordinary_report(self):
        report = self._report(
            user=self.investigator,
            wb_reported_user_ids=[Command.set(self.staff_a.ids)],
        )
        self.assertFalse(
            self._as(self.env["helpdesk.ticket"], self.staff_a).search(
                [("id", "=", report.id)]
            )
        )
        self.assertTrue(
            self._as(self.env["helpdesk.ticket"], self.manager_a).search(
                [("id", "=", report.id)]
            )
        )


@tagged("post_install", "-at_install")
class TestRetentionAndRetaliation(WhistleblowerCommon):
    def _close(self, ticket, when):
        # The retention clock, not the lifecycle, is under test here.
        ticket.sudo().closed_date = when
        lifecycle(ticket.sudo()).write({"wb_retention_date": False})
        ticket._wb_on_close()

    def test_identity_deleted_after_retention_with_a_warning(self):
        """60 months after closing (company default; a report type may set
        its own), custodians warned once before, then the sealed record and
        the receipt codes are deleted and logged; the report stays."""
        report = self._report()
        self.env["whistleblower.receipt"]._issue(report)
        closed = fields.Datetime.to_datetime("2026-03-31 08:00:00")
        self._close(report, closed)
        self.assertEqual(report.wb_retention_date, closed + relativedelta(months=60))
        self.classification.whistleblower_retention_months = 24
        self._close(report, closed)
        self.assertEqual(
            report.wb_retention_date, fields.Datetime.to_datetime("2028-03-31 08:00:00")
        )
        # Not yet due: nothing happens.
        Ticket = self.env["helpdesk.ticket"]
        Ticket._cron_wb_retention()
        self.assertFalse(report.wb_retention_warned_at)
        # Due within the warning period: one activity, once.
        lifecycle(report.sudo()).write(
            {"wb_retention_date": fields.Datetime.now() + relativedelta(days=10)}
        )
        Ticket._cron_wb_retention()
        Ticket._cron_wb_retention()
        warnings = report.activity_ids.filtered(
            lambda a: (
                a.activity_type_id
                == self.env.ref("whistleblower_reward.mail_activity_type_retention")
            )
        )
        self.assertEqual(len(warnings), 1)
        self.assertEqual(warnings.user_id, self.custodian)
        self.assertTrue(
            self.env["whistleblower.identity"].search([("ticket_id", "=", report.id)])
        )
        # Due: deleted.
        lifecycle(report.sudo()).write(
            {"wb_retention_date": fields.Datetime.now() - relativedelta(minutes=1)}
        )
        Ticket._cron_wb_retention()
        self.assertFalse(
            self.env["whistleblower.identity"].search([("ticket_id", "=", report.id)])
        )
        self.assertFalse(
            self.env["whistleblower.receipt"].search([("ticket_id", "=", report.id)])
        )
        self.assertTrue(report.exists())
        self.assertTrue(report.wb_identity_purged_at)
        self.assertFalse(report.wb_has_identity)
        log = self.env["whistleblower.identity.log"].search(
            [("ticket_id", "=", report.id), ("event", "=", "purge")]
        )
        self.assertEqual(len(log), 1)

    def test_retention_warning_not_hidden_by_later_reports(self):
        """A batch of reports kept for years does not hide the one due: the
        job takes the soonest first."""
        # Filed after the due one: the helpdesk's own order lists it first.
        due = self._report(name="Due for deletion")
        later = self._report(name="Kept for years")
        lifecycle((later | due).sudo()).write(
            {"wb_retention_date": fields.Datetime.now() + relativedelta(years=4)}
        )
        lifecycle(due.sudo()).write(
            {"wb_retention_date": fields.Datetime.now() + relativedelta(days=5)}
        )
        self.env["helpdesk.ticket"]._cron_wb_retention(batch_size=1)
        self.assertTrue(due.wb_retention_warned_at)
        self.assertFalse(later.wb_retention_warned_at)

    def test_retaliation_by_a_protected_reporter_escalates(self):
        """S000-R019 / S000-R073: linked and escalated one level at once."""
        report = self._report()
        with self.assertRaises(UserError):
            self._as(report, self.staff_a).write({"wb_protected": True})
        self._as(report, self.investigator).write({"wb_protected": True})
        complaint = self._report(name="Moved to night shifts after reporting")
        with self.assertRaises(UserError):
            self._as(complaint, self.staff_a).wb_link_retaliation(report.id)
        escalated = self._as(complaint, self.investigator).wb_link_retaliation(
            report.id
        )
        self.assertTrue(escalated)
        self.assertEqual(complaint.wb_retaliation_of_id, report)
        self.assertEqual(complaint.company_id, self.province)
        self.assertEqual(complaint.escalation_ids.trigger, "retaliation")
        self.assertIn(complaint, report.sudo().wb_retaliation_ids)

    def test_retaliation_of_an_unprotected_reporter_is_linked_only(self):
        report = self._report()
        complaint = self._report(name="Threatened by the buyer")
        investigator = self.env.ref(INVESTIGATOR)
        self.assertIn(investigator, self.investigator.groups_id)
        self.assertFalse(
            self._as(complaint, self.investigator).wb_link_retaliation(report.id)
        )
        self.assertEqual(complaint.wb_retaliation_of_id, report)
        self.assertEqual(complaint.company_id, self.city_a)
