"""Errors raised by the rules package.

The Odoo layer catches :class:`RuleError` and re-raises it as a translated
``UserError``/``ValidationError``; the ``code`` attribute lets it pick the
message without parsing English text.
"""


class RuleError(ValueError):
    """Base class of every error the rules package raises on bad input."""

    code = "rule_error"

    def __init__(self, message, **params):
        super().__init__(message)
        self.params = params


class CalendarRangeError(RuleError):
    """A date lies outside the years the holiday calendar knows."""

    code = "calendar_range"


class InvalidTransitionError(RuleError):
    """A lifecycle step may not follow the current one."""

    code = "invalid_transition"


class InvalidInputError(RuleError):
    """An amount, percentage, duration or other input is malformed."""

    code = "invalid_input"
