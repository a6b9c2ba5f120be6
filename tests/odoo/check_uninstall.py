# Runs inside `odoo shell` after the Odoo tests (scripts/suite test):
# uninstalls complaint_core and checks that helpdesk_mgmt keeps working with
# every ticket. Prints "UNINSTALL CHECK PASSED" or raises.
# env is provided by odoo shell (F821 is ignored for this folder in ruff.toml).
Ticket = env["helpdesk.ticket"].with_context(active_test=False)
module = env["ir.module.module"].search([("name", "=", "complaint_core")])
assert module.state == "installed", module.state
# The suite's own demo tickets (those of complaint_core and of every addon
# above it) go with it; every other ticket must stay.
suite = (module | module.downstream_dependencies()).mapped("name")
own = (
    env["ir.model.data"]
    .search([("module", "in", suite), ("model", "=", "helpdesk.ticket")])
    .mapped("res_id")
)
before = Ticket.search_count([("id", "not in", own)])
module.button_immediate_uninstall()
# The uninstall rebuilt the registry: work on a fresh environment.
env = odoo.api.Environment(env.cr, odoo.SUPERUSER_ID, {})
Ticket = env["helpdesk.ticket"].with_context(active_test=False)
after = Ticket.search_count([("id", "not in", own)])
assert after == before, f"tickets lost on uninstall: {before} -> {after}"
assert "complaint_step" not in Ticket._fields, "complaint fields still present"
orphans = Ticket.search_count([("stage_id", "=", False)])
assert orphans == 0, f"{orphans} tickets without stage"
new = Ticket.create({"name": "After uninstall", "description": "<p>still works</p>"})
assert new.stage_id, "helpdesk_mgmt could not give a new ticket a stage"
done = env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
new.stage_id = done
assert new.closed
env.cr.commit()
print(f"UNINSTALL CHECK PASSED ({after} tickets kept)")
