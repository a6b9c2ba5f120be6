from . import complaint_sla_pause_wizard
from . import complaint_sla_extension_wizard
from . import complaint_sla_holiday_import
from . import complaint_action_wizard
