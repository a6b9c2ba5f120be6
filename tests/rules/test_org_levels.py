"""Company levels (S000-R112/R113: city -> province -> head office)."""

import pytest

from complaint_rules.errors import InvalidInputError
from complaint_rules.reference import ORG_LEVELS, org_level_below


def test_levels_top_down():
    assert org_level_below(None) == "head_office"
    assert org_level_below("head_office") == "province"
    assert org_level_below("province") == "city"
    # Deeper branches stay city branches.
    assert org_level_below("city") == "city"
    assert ORG_LEVELS == ("head_office", "province", "city")


def test_unknown_level_is_refused():
    with pytest.raises(InvalidInputError):
        org_level_below("county")
