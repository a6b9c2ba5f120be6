# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.tools import SQL

from complaint_rules.reference import REVISIT_WINDOW_DAYS, org_level_below

ORG_LEVELS = [
    ("head_office", "Head office"),
    ("province", "Province branch"),
    ("city", "City branch"),
]


class ResCompany(models.Model):
    _inherit = "res.company"

    complaint_org_level = fields.Selection(
        ORG_LEVELS,
        string="Complaint org level",
        compute="_compute_complaint_org_level",
        store=True,
        recursive=True,
        help="Derived from the company hierarchy (Odoo branches): a company "
        "without parent is head office, its children province branches, "
        "deeper branches city branches.",
    )
    complaint_duplicate_window_days = fields.Integer(
        string="Duplicate window (days)",
        default=30,
        help="A new ticket of the same complainant and classification within "
        "this many days is flagged as a possible duplicate and counts as a "
        "repeat complaint for grading.",
    )
    complaint_revisit_days = fields.Integer(
        string="Revisit within (days)",
        default=REVISIT_WINDOW_DAYS,
        help="Revisit the complainant within this many days of the reply.",
    )
    # The scheme's code is what the grading and the SLA matching look up
    # (complaint_rules); head office picks the scheme record below.
    complaint_grade_scheme = fields.Char(
        string="Grading scheme code",
        default="property_management",
        help="Code of the grading scheme used for auto-grading this company's "
        "tickets (see Configuration > Grading schemes).",
    )
    complaint_grade_scheme_id = fields.Many2one(
        "complaint.grading.scheme",
        string="Grading scheme",
        compute="_compute_complaint_grade_scheme_id",
        inverse="_inverse_complaint_grade_scheme_id",
        store=True,
        readonly=False,
        ondelete="restrict",
        help="Scheme of complaint grades used for auto-grading this company's "
        "tickets (see Configuration > Grading schemes).",
    )

    complaint_team_id = fields.Many2one(
        "helpdesk.ticket.team",
        string="Complaint team",
        help="Team that receives tickets escalated to this company.",
    )

    complaint_intake_user_id = fields.Many2one(
        "res.users",
        string="Intake user",
        domain="[('share', '=', False)]",
        help="Internal user who is first-contact owner (首问负责) of tickets "
        "filed by complainants in the portal. Empty: the company's complaint "
        "team leader, else the nearest parent company's intake user.",
    )

    @api.model
    def _complaint_manager_rows(self):
        """(user id, company parent_path) of every active branch manager
        (head-office administrators excluded), deepest company first: one
        query, the single source of "the nearest manager" for the suite."""
        self.env.cr.execute(
            SQL(
                """SELECT u.id, c.parent_path
                     FROM res_groups_users_rel gu
                     JOIN res_users u ON u.id = gu.uid AND u.active
                     JOIN res_company c ON c.id = u.company_id
                    WHERE gu.gid = %s
                      AND NOT EXISTS (SELECT 1 FROM res_groups_users_rel h
                                       WHERE h.uid = u.id AND h.gid = %s)
                 ORDER BY length(c.parent_path) DESC, u.id""",
                self.env["ir.model.data"]._xmlid_to_res_id(
                    "complaint_core.group_complaint_manager"
                ),
                self.env["ir.model.data"]._xmlid_to_res_id(
                    "complaint_core.group_complaint_head_office"
                ),
            )
        )
        return self.env.cr.fetchall()

    def _complaint_nearest_managers(self, rows=None):
        """{company id: manager user} for these companies: a manager working
        in the company itself, else in the nearest parent company."""
        rows = self._complaint_manager_rows() if rows is None else rows
        Users = self.env["res.users"]
        result = {}
        for company in self:
            path = company.sudo().parent_path or ""
            user_id = next(
                (uid for uid, cpath in rows if cpath and path.startswith(cpath)),
                None,
            )
            result[company.id] = Users.browse(user_id) if user_id else Users
        return result

    def _complaint_intake_user(self):
        """Internal user responsible for portal intake of this company."""
        self.ensure_one()
        company = self
        while company:
            user = company.complaint_intake_user_id or company.complaint_team_id.user_id
            if user and not user.share:
                return user
            company = company.parent_id
        return (
            self.env.ref("base.user_admin", raise_if_not_found=False)
            or self.env["res.users"]
        )

    @api.depends("parent_id", "parent_id.complaint_org_level")
    def _compute_complaint_org_level(self):
        # complaint_rules.reference.org_level_below: the one definition.
        for company in self:
            parent = company.parent_id
            company.complaint_org_level = org_level_below(
                (parent.complaint_org_level or "city") if parent else None
            )

    @api.depends("complaint_grade_scheme")
    def _compute_complaint_grade_scheme_id(self):
        # Existing companies get the record of their code on upgrade.
        self.env["complaint.grading.scheme"]._link(
            self, "complaint_grade_scheme", "complaint_grade_scheme_id"
        )

    def _inverse_complaint_grade_scheme_id(self):
        self.env["complaint.grading.scheme"]._write_code(
            self, "complaint_grade_scheme", "complaint_grade_scheme_id"
        )
