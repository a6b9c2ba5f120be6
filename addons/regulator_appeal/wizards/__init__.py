from . import regulator_return_wizard
