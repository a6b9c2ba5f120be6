# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    @classmethod
    def _get_translation_frontend_modules_name(cls):
        """The portal's chatter is mail's: load its translations (and the
        suite's) on frontend pages, so a zh_CN complainant reads it in
        Chinese without the website module."""
        mods = super()._get_translation_frontend_modules_name()
        return [*mods, "mail", "helpdesk_mgmt", "complaint_core"]
