"""Logging filters the settings' LOGGING names."""

from __future__ import annotations

import logging


class WithoutTraceback(logging.Filter):
    """One line per record: for errors whose traceback says nothing (a bad Host header is
    the client's mistake, not the code's)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.exc_info = record.exc_text = None
        record.stack_info = None
        return True
