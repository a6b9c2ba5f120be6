# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Install and uninstall hooks: enabling the suite on a live helpdesk.

A company that already runs ``helpdesk_mgmt`` has its own stages and many
tickets. Before the ORM creates the suite's columns, ``pre_init_hook`` adds
them in SQL and fills them set-based, so that installing on 100,000 tickets
costs a few UPDATE statements instead of a per-record recompute:

* every existing stage gets a lifecycle step (``complaint_step``): closed
  stages whose name says "reject" become *rejected*, other closed stages
  *closed*, stages flagged "unattended" *received*, all others *handling*.
  ``post_init_hook`` then maps helpdesk_mgmt's own stages by XML id (New ->
  received, In Progress/Awaiting -> handling, Done/Cancelled -> closed,
  Rejected -> rejected). Administrators can change any mapping afterwards
  under Helpdesk > Configuration > Stages.
* existing tickets take the step of their stage, kind "complaint", one
  complainant, the first-contact owner of their assignee (or creator), the
  org level of their company, their creation date as receipt date, no harm,
  conduct or impact, and (after the data is loaded) the type of their
  channel. Stored computed columns are created empty here so the ORM does
  not recompute them ticket by ticket.

The helpdesk's own stages are moved behind the suite's (sequence + 100), so
the lifecycle leads the kanban and new tickets start in "Received".

``uninstall_hook`` moves tickets out of the suite's stages into
helpdesk_mgmt's equivalent ones, so that the stages can be removed and
helpdesk_mgmt keeps working with every ticket.
"""

from odoo.tools import SQL

from complaint_rules.reference import org_level_below

# (column, SQL type) added to helpdesk_ticket before the ORM sees them.
TICKET_COLUMNS = [
    ("complaint_step", "varchar"),
    ("complaint_kind", "varchar"),
    ("complainant_count", "integer"),
    ("repeat_count", "integer"),
    ("reexamination_count", "integer"),
    ("escalation_count", "integer"),
    ("appeal_count", "integer"),
    ("org_level", "varchar"),
    ("first_contact_user_id", "integer"),
    ("date_received", "timestamp"),
    ("harm", "varchar"),
    ("conduct", "varchar"),
    ("impact", "varchar"),
    # stored computes: created here so the ORM does not recompute them for
    # every existing ticket; filled below (or in post_init_hook) in SQL.
    ("channel_code", "varchar"),
    ("revisit_deadline", "timestamp"),
]

# helpdesk_mgmt stage xmlid -> lifecycle step
HELPDESK_STAGE_STEPS = {
    "helpdesk_ticket_stage_new": "received",
    "helpdesk_ticket_stage_in_progress": "handling",
    "helpdesk_ticket_stage_awaiting": "handling",
    "helpdesk_ticket_stage_done": "closed",
    "helpdesk_ticket_stage_cancelled": "closed",
    "helpdesk_ticket_stage_rejected": "rejected",
}

# lifecycle step -> helpdesk_mgmt stage xmlid used when uninstalling
UNINSTALL_TARGETS = {
    "received": "helpdesk_ticket_stage_new",
    "dispatched": "helpdesk_ticket_stage_in_progress",
    "handling": "helpdesk_ticket_stage_in_progress",
    "replied": "helpdesk_ticket_stage_in_progress",
    "revisit": "helpdesk_ticket_stage_in_progress",
    "closed": "helpdesk_ticket_stage_done",
    "merged": "helpdesk_ticket_stage_done",
    "rejected": "helpdesk_ticket_stage_rejected",
}


def _org_level_case(cr):
    """SQL CASE giving each ticket its company's org level, the levels
    computed by complaint_rules.reference.org_level_below (the rule the ORM
    field uses) over the few companies, not re-typed in SQL."""
    cr.execute("SELECT id, parent_id FROM res_company ORDER BY parent_path, id")
    levels = {}
    for company_id, parent_id in cr.fetchall():
        parent_level = levels.get(parent_id, "city") if parent_id else None
        levels[company_id] = org_level_below(parent_level)
    if not levels:
        return SQL("NULL")
    return SQL(
        "CASE t.company_id %s END",
        SQL(" ").join(SQL("WHEN %s THEN %s", cid, lvl) for cid, lvl in levels.items()),
    )


def pre_init_hook(env):
    cr = env.cr
    cr.execute(
        "ALTER TABLE helpdesk_ticket_stage "
        "ADD COLUMN IF NOT EXISTS complaint_step varchar"
    )
    cr.execute(
        """
        UPDATE helpdesk_ticket_stage
           SET complaint_step = CASE
                WHEN closed AND (name::text ILIKE '%%reject%%'
                                 OR name::text ILIKE '%%refus%%'
                                 OR name::text LIKE '%%不予受理%%') THEN 'rejected'
                WHEN closed THEN 'closed'
                WHEN unattended THEN 'received'
                ELSE 'handling'
            END
         WHERE complaint_step IS NULL
        """
    )
    for column, sqltype in TICKET_COLUMNS:
        cr.execute(
            SQL(
                "ALTER TABLE helpdesk_ticket ADD COLUMN IF NOT EXISTS %s %s",
                SQL.identifier(column),
                SQL(sqltype),
            )
        )
    # One set-based UPDATE fills every ticket.
    cr.execute(
        SQL(
            """
        UPDATE helpdesk_ticket t
           SET complaint_step = COALESCE(
                   (SELECT s.complaint_step FROM helpdesk_ticket_stage s
                     WHERE s.id = t.stage_id), 'received'),
               complaint_kind = COALESCE(t.complaint_kind, 'complaint'),
               complainant_count = COALESCE(t.complainant_count, 1),
               repeat_count = COALESCE(t.repeat_count, 0),
               reexamination_count = COALESCE(t.reexamination_count, 0),
               escalation_count = COALESCE(t.escalation_count, 0),
               appeal_count = COALESCE(t.appeal_count, 0),
               org_level = %s,
               first_contact_user_id = COALESCE(t.first_contact_user_id,
                                                t.user_id, t.create_uid),
               date_received = COALESCE(t.date_received, t.create_date),
               harm = COALESCE(t.harm, 'none'),
               conduct = COALESCE(t.conduct, 'none'),
               impact = COALESCE(t.impact, 'none')
        """,
            _org_level_case(cr),
        )
    )


def post_init_hook(env):
    # The lifecycle leads the kanban and new tickets start in "Received":
    # the stages of the helpdesk in use move behind the suite's (their order
    # among themselves is kept).
    env.cr.execute(
        """
        UPDATE helpdesk_ticket_stage
           SET sequence = sequence + 100
         WHERE id NOT IN (SELECT res_id FROM ir_model_data
                           WHERE module = 'complaint_core'
                             AND model = 'helpdesk.ticket.stage')
        """
    )
    for xmlid, step in HELPDESK_STAGE_STEPS.items():
        stage = env.ref(f"helpdesk_mgmt.{xmlid}", raise_if_not_found=False)
        if stage and stage.complaint_step != step:
            env.cr.execute(
                "UPDATE helpdesk_ticket_stage SET complaint_step = %s WHERE id = %s",
                (step, stage.id),
            )
            env.cr.execute(
                "UPDATE helpdesk_ticket SET complaint_step = %s "
                "WHERE stage_id = %s AND complaint_step IS DISTINCT FROM %s",
                (step, stage.id, step),
            )
    # The channels got their type from the data files: copy it to the tickets
    # (channel_code is a stored related field whose column pre_init created).
    env.cr.execute(
        """
        UPDATE helpdesk_ticket t
           SET channel_code = c.complaint_channel_code
          FROM helpdesk_ticket_channel c
         WHERE c.id = t.channel_id
           AND t.channel_code IS DISTINCT FROM c.complaint_channel_code
        """
    )
    env["helpdesk.ticket.stage"].invalidate_model(["complaint_step"])
    env["helpdesk.ticket"].invalidate_model(["complaint_step", "channel_code"])


def uninstall_hook(env):
    cr = env.cr
    cr.execute(
        """
        SELECT s.id, s.complaint_step
          FROM helpdesk_ticket_stage s
          JOIN ir_model_data d ON d.res_id = s.id
               AND d.model = 'helpdesk.ticket.stage' AND d.module = 'complaint_core'
        """
    )
    suite_stages = cr.fetchall()
    for stage_id, step in suite_stages:
        target = env.ref(
            f"helpdesk_mgmt.{UNINSTALL_TARGETS.get(step, 'helpdesk_ticket_stage_new')}",
            raise_if_not_found=False,
        )
        if target:
            cr.execute(
                "UPDATE helpdesk_ticket SET stage_id = %s WHERE stage_id = %s",
                (target.id, stage_id),
            )
    # Give helpdesk_mgmt its company rule back (complaint_security.xml
    # widened it so complainants see their tickets in every branch).
    rule = env.ref("helpdesk_mgmt.helpdesk_ticket_comp_rule", raise_if_not_found=False)
    if rule:
        rule.domain_force = "[('company_id', 'in', company_ids + [False])]"
