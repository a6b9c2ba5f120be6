from . import complaint_action_wizard, complaint_merge_wizard
