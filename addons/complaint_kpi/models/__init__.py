# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import res_company
from . import res_config_settings
from . import complaint_classification
from . import helpdesk_ticket
from . import complaint_kpi_fact
from . import complaint_kpi_report
from . import complaint_kpi_target
from . import complaint_kpi_dashboard
from . import complaint_kpi_snapshot
from . import complaint_kpi_period
from . import complaint_kpi_xlsx
from . import complaint_staff_record
from . import complaint_kpi_demo
