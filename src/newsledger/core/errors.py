"""The error catalogue: every error says what went wrong and how to fix it."""

from __future__ import annotations


class NewsledgerError(Exception):
    """A problem the user can fix; ``hint`` says how."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} {self.hint}".strip()


class InputError(NewsledgerError):
    """One input (file, line) could not be read; the rest of the batch goes on."""

    def __init__(self, origin: str, message: str, hint: str = "") -> None:
        super().__init__(f"{origin}: {message}", hint)
        self.origin = origin


class AnalysisError(InputError):
    """A stage failed on one document (a bug): reported, and the batch goes on."""


class StoreError(NewsledgerError):
    """The database could not be opened or written."""


class PipelineError(NewsledgerError):
    """Stages are in an order that cannot work (a requirement is missing)."""


class NotFoundError(NewsledgerError):
    """An entity, document or other item asked for does not exist."""
