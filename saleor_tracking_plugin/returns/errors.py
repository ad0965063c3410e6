"""Refusals of return actions: a code the API returns as-is, a message and the input field."""


class ReturnError(Exception):
    """An action refused its input; nothing was changed."""

    def __init__(self, code: str, message: str, field: str | None = None):
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field
