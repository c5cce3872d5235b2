class NotFound(LookupError):
    """An id names nothing; str() is the line to show."""


class InvalidInput(ValueError):
    """A value a person gave is not acceptable; str() is the line to show."""
