from . import test_sealed_identity
from . import test_opening
