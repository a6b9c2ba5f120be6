from . import complaint_action_wizard
from . import complaint_merge_wizard
