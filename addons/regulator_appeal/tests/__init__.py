from . import test_appeal_plan
from . import test_appeal_supervision
from . import test_appeal_access
from . import test_appeal_access_matrix
from . import test_appeal_return
from . import test_appeal_i18n
