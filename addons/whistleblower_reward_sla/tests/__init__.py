from . import test_opening_deadlines
