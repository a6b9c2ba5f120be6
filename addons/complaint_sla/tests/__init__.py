from . import test_sla_policy_match
from . import test_sla_deadlines
from . import test_sla_pause_extension
from . import test_sla_cron
from . import test_sla_holiday_year
from . import test_sla_access
from . import test_sla_seed_rules
from . import test_sla_ui
