from . import test_opening_deadlines
from . import test_i18n
