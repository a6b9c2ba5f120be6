from . import complaint_action_wizard
from . import complaint_merge_wizard
from . import complaint_settlement_decision_wizard
