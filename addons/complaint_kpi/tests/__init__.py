# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import test_kpi_indicators
from . import test_kpi_sql_matches_rules
from . import test_kpi_access
from . import test_kpi_periods
from . import test_kpi_staff
from . import test_kpi_i18n
from . import test_kpi_access_matrix
