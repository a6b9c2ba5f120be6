# Runs inside `odoo shell` on a database where only helpdesk_mgmt is
# installed, before complaint_core: it plays a company that already uses the
# OCA helpdesk with stages of its own and existing tickets. complaint_core's
# test_live_helpdesk then checks that installing the suite kept and mapped
# every one of them. Not a test itself; scripts/suite runs it.
# env is provided by odoo shell (F821 is ignored for this folder in ruff.toml).
import json

Stage = env["helpdesk.ticket.stage"]
triage = Stage.create({"name": "Triage", "sequence": 50, "unattended": True})
vendor = Stage.create({"name": "Waiting on vendor", "sequence": 51})
solved = Stage.create({"name": "Solved", "sequence": 52, "closed": True})
refused = Stage.create({"name": "Refused by us", "sequence": 53, "closed": True})
stages = [triage, vendor, solved, refused]
stages += [
    env.ref("helpdesk_mgmt.helpdesk_ticket_stage_new"),
    env.ref("helpdesk_mgmt.helpdesk_ticket_stage_in_progress"),
    env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done"),
]
admin = env.ref("base.user_admin")
vals = [
    {
        "name": f"Legacy ticket {i}",
        "description": f"<p>Existing ticket {i} before the suite</p>",
        "stage_id": stages[i % len(stages)].id,
        "user_id": admin.id if i % 2 else False,
        "partner_name": f"Customer {i}",
    }
    for i in range(210)
]
tickets = env["helpdesk.ticket"].create(vals)
env["ir.config_parameter"].set_param(
    "complaint_core.test_live_helpdesk",
    json.dumps(
        {
            "ticket_ids": tickets.ids,
            "stages": {
                "triage": triage.id,
                "vendor": vendor.id,
                "solved": solved.id,
                "refused": refused.id,
            },
            "ticket_count": env["helpdesk.ticket"].search_count([]),
        }
    ),
)
env.cr.commit()
print(f"seeded {len(tickets)} legacy tickets")
