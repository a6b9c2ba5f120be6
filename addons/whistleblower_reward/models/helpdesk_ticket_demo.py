# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

from odoo.addons.complaint_core.integrity import lifecycle

# (xml id, company, values, steps to walk): anonymous and real-name reports
# at each stage, and one on senior management (sealed from management).
DEMO_REPORTS = [
    (
        "report_received_demo",
        "complaint_core.company_city_a_demo",
        {
            "name": "食堂供应商向采购员输送好处费",
            "description": "<p>每月结算后供应商以“节礼”名义向采购员转账。</p>",
            "wb_subject": "采购部 采购员",
            "wb_subject_rank": "ordinary",
            "wb_identity_name": "刘建国",
            "wb_identity_phone": "13812345678",
            "wb_identity_note": "同部门职员，担心被报复。",
        },
        (),
    ),
    (
        "report_dispatched_demo",
        "complaint_core.company_city_a_demo",
        {
            "name": "仓库虚报库存盘点结果",
            "description": "<p>年终盘点时钢材库存被虚增约两百吨。</p>",
            "wb_subject": "仓储中心",
            "wb_subject_rank": "middle",
            "complainant_anonymous": True,
        },
        ("dispatched",),
    ),
    (
        "report_handling_demo",
        "complaint_core.company_city_a_demo",
        {
            "name": "安全培训记录造假",
            "description": "<p>班组未组织培训但签到表齐全。</p>",
            "wb_subject": "采掘一队 班组长",
            "wb_subject_rank": "ordinary",
            "wb_identity_name": "陈晓峰",
            "wb_identity_email": "chen.xf@example.com",
        },
        ("dispatched", "handling"),
    ),
    (
        "report_senior_demo",
        "complaint_core.company_city_a_demo",
        {
            "name": "副总经理违规报销招待费",
            "description": "<p>以会议费名义报销私人宴请，金额约八万元。</p>",
            "wb_subject": "公司副总经理",
            "wb_subject_rank": "senior",
            "complainant_anonymous": True,
        },
        (),
    ),
    (
        "report_replied_demo",
        "complaint_core.company_province_demo",
        {
            "name": "工程分包围标串标",
            "description": "<p>三家投标单位实际为同一实际控制人。</p>",
            "wb_subject": "工程管理部",
            "wb_subject_rank": "middle",
            "wb_identity_name": "周海燕",
            "wb_identity_phone": "13987654321",
        },
        ("dispatched", "handling", "replied"),
    ),
    (
        "report_closed_demo",
        "complaint_core.company_city_a_demo",
        {
            "name": "车辆加油卡私用",
            "description": "<p>公务车加油卡长期在周末为私家车加油。</p>",
            "wb_subject": "车队 司机",
            "wb_subject_rank": "ordinary",
            "wb_identity_name": "黄丽",
            "wb_identity_phone": "13611112222",
        },
        ("dispatched", "handling", "replied", "closed"),
    ),
    (
        "report_closed_anonymous_demo",
        "complaint_core.company_city_a_demo",
        {
            "name": "食堂账目不清",
            "description": "<p>食堂每月结余去向不明。</p>",
            "wb_subject": "后勤部",
            "wb_subject_rank": "middle",
            "complainant_anonymous": True,
        },
        ("dispatched", "handling", "replied", "closed"),
    ),
]


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    @api.model
    def _wb_demo_reports(self):
        """Demo reports filed through the public intake and walked with the
        lifecycle's own moves; their ids get xml ids for other demo data."""
        # The demo database speaks Chinese (scripts/suite demo loads zh_CN):
        # the chatter the demo writes too (code terms come from the .po).
        if self.env["res.lang"]._lang_get("zh_CN"):
            self = self.with_context(lang="zh_CN")
        ref = self.env.ref
        Data = self.env["ir.model.data"].sudo()
        for xmlid, company, values, steps in DEMO_REPORTS:
            if ref(f"whistleblower_reward.{xmlid}", raise_if_not_found=False):
                continue
            values = dict(values)
            values.setdefault("complainant_anonymous", False)
            ticket, _code, _secret = self._wb_submit(values, company=ref(company))
            # Walked as head office, as complaint_core's demo does.
            admin = ticket.with_user(ref("base.user_admin"))
            for step in steps:
                if step == "replied":
                    admin.complaint_reply("经查属实，已移交纪委并追回损失。", "phone")
                elif step == "closed":
                    admin._wb_demo_close()
                else:
                    admin._move_to_step(step)
            Data.create(
                {
                    "module": "whistleblower_reward",
                    "name": xmlid,
                    "model": "helpdesk.ticket",
                    "res_id": ticket.id,
                    "noupdate": True,
                }
            )
        protected = ref("whistleblower_reward.report_handling_demo")
        lifecycle(protected.sudo()).write({"wb_protected": True})
        # One granted identity-access request, with its log.
        Request = self.env["whistleblower.identity.request"]
        if not Request.sudo().search_count([("ticket_id", "=", protected.id)]):
            request = Request.with_user(
                ref("whistleblower_reward.user_investigator_demo")
            ).create(
                {
                    "ticket_id": protected.id,
                    "reason": "需向举报人核实培训签到表的来源。",
                }
            )
            request.with_user(
                ref("whistleblower_reward.user_custodian_demo")
            ).action_grant()

    def _wb_demo_close(self):
        """Close a demo report as its investigators would: the result fed
        back to a real-name reporter, the remediation report of a
        substantiated case (S000-R017, S000-R021)."""
        ref = self.env.ref
        if self.complainant_anonymous:
            self.complaint_close(
                ref("complaint_core.closing_conclusion_customer_cause"),
                "unsubstantiated",
            )
            return
        self.sudo().wb_record_feedback("已电话告知举报人：查证属实，已追缴油费。")
        lifecycle(self.sudo()).write(
            {"wb_remediation_report": "<p>加油卡与车辆绑定，按月核对里程与加油量。</p>"}
        )
        self.complaint_close(
            ref("complaint_core.closing_conclusion_enterprise_fault"),
            "substantiated",
        )
