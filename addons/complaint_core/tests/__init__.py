from . import (
    test_access,
    test_escalation_merge,
    test_grading,
    test_lifecycle,
    test_live_helpdesk,
    test_portal,
)
