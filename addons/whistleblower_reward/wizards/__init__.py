from . import whistleblower_feedback_wizard
