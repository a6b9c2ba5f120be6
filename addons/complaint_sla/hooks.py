# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).


def uninstall_hook(env):
    """Remove the public holidays generated for the SLA calendars: once the
    China working time is gone they would otherwise stay as company-wide
    time off (calendar leaves without calendar)."""
    env["resource.calendar.leaves"].sudo().search(
        [("complaint_holiday_year_id", "!=", False)]
    ).unlink()
