from . import test_sealed_identity
from . import test_opening
from . import test_public_form
from . import test_reward
from . import test_closing
from . import test_i18n
from . import test_portal_form
from . import test_access_matrix
