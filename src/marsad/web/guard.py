"""Request limits and security headers: body size, time, CSP and friends, for every response."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import anyio
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from marsad.settings import Settings

T = TypeVar("T")

# No inline script or style anywhere in the dashboard, so the policy can forbid both.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


class BodyTooLarge(HTTPException):
    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request body is over the {limit:,}-byte limit")


class Guard:
    """Pure ASGI middleware: refuse oversized bodies (declared or streamed); add security headers."""

    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def secure_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in names]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None:
            size = int(declared) if declared.isdigit() else -1
            if size < 0 or size > self.max_body:
                status, detail = (
                    (413, f"request body is over the {self.max_body:,}-byte limit")
                    if size > self.max_body
                    else (400, "invalid Content-Length header")
                )
                await JSONResponse({"detail": detail}, status)(scope, receive, secure_send)
                return
        received = 0

        async def counted_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise BodyTooLarge(self.max_body)
            return message

        await self.app(scope, counted_receive, secure_send)


async def limited(settings: Settings, func: Callable[..., T], *args: Any) -> T:
    """Run blocking work in a thread under the request time limit (``api_timeout_seconds``).

    On timeout the client gets a 503 at once; the thread cannot be killed and finishes unseen.
    """
    try:
        with anyio.fail_after(float(settings.api_timeout_seconds)):
            return await anyio.to_thread.run_sync(func, *args, abandon_on_cancel=True)
    except TimeoutError:
        raise HTTPException(
            503, f"the request took longer than {settings.api_timeout_seconds} s and was abandoned"
        ) from None
