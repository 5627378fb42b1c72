"""A real SMTP server on loopback (aiosmtpd) for the tests of the portal's mail.

`smtp()` (the fixture in tests/conftest.py) starts one, points Django's SMTP backend at it
and returns its handler: `messages` (each an `email.message.EmailMessage`), `refuse` (a set
of addresses its RCPT refuses, or True for all) and `on_data` (called with each message's
number before it is accepted: a test may interrupt the sender there).
"""

from __future__ import annotations

import email
import email.policy
import socket
from collections.abc import Callable

from aiosmtpd.controller import Controller


class Collecting:
    def __init__(self, refuse: bool | set[str] = False):
        self.refuse = refuse
        self.messages: list[email.message.EmailMessage] = []
        self.on_data: Callable[[int], None] | None = None

    def refuses(self, address: str) -> bool:
        return self.refuse is True or (isinstance(self.refuse, set) and address in self.refuse)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.refuses(address):
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.on_data is not None:
            self.on_data(len(self.messages) + 1)
        self.messages.append(
            email.message_from_bytes(envelope.content, policy=email.policy.default)
        )
        return "250 Message accepted"

    def texts(self) -> list[str]:
        """Each message's plain-text part."""
        return [message.get_body(("plain",)).get_content() for message in self.messages]


def start(settings, refuse: bool | set[str] = False) -> tuple[Collecting, Controller]:
    handler = Collecting(refuse)
    with socket.socket() as probe:  # a free port on loopback
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 5
    return handler, controller
