"""Errors meant for people, not for tracebacks."""


class UserError(Exception):
    """A problem the person can fix; the message says what to do.

    The CLI prints it as one line on stderr and exits with ``exit_code``.
    """

    exit_code = 2

    def __init__(self, message: str, exit_code: int | None = None):
        super().__init__(message)
        if exit_code is not None:
            self.exit_code = exit_code
