from . import test_lifecycle
from . import test_escalation_merge
from . import test_access
from . import test_grading
from . import test_live_helpdesk
from . import test_portal
from . import test_delegation
from . import test_i18n
