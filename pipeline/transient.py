"""Which errors are worth a retry: network hiccups, throttling and server errors, in the flavours
of the builtin, aiohttp, botocore and urllib3 exceptions. Readers, batches and flows ask it."""
from __future__ import annotations

TRANSIENT = (ConnectionError, TimeoutError)
_TRANSIENT_NAMES = {"ConnectionError", "TimeoutError", "ClientConnectionError", "ServerDisconnectedError",
                    "ClientOSError", "ServerTimeoutError", "EndpointConnectionError", "ConnectTimeoutError",
                    "ReadTimeoutError", "IncompleteRead", "ProtocolError"}


def is_transient(exc: BaseException) -> bool:
    """Network hiccups (builtin, aiohttp, botocore, urllib3 flavours), worth a retry."""
    if getattr(exc, "status", None) in (429, 500, 502, 503, 504):  # throttling, server hiccups
        return True
    return isinstance(exc, TRANSIENT) or any(c.__name__ in _TRANSIENT_NAMES for c in type(exc).__mro__)
