from . import test_sealed_identity
