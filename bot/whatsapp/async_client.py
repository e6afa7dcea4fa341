"""Sending messages to the Cloud API without a thread per request in flight.

At Meta's top tier (1,000 messages a second) and a distant region's round trip (200 ms),
some 250 sends are in flight at once. :class:`AsyncSender` keeps them on one event loop
in one thread of its own, over one pooled aiohttp session, so the worker's sending is
bounded by the configured rate, not by threads × latency. It sends as the
:class:`~bot.whatsapp.client.CloudAPIClient` it is made from (same URL, token, timeouts)
and reads Meta's answers with the same rules (``error_from_response``,
``message_id_of``): the outcomes are the same typed errors.

    sender = AsyncSender.like(client, connections=300)
    sender.start(send_one, [(row,), ...], results.put)  # send_one(row) awaits sender.send_message(payload)
    sender.close()
"""
from __future__ import annotations

import asyncio
import logging
import os
import ssl
import threading
import time
from typing import Any, Awaitable, Callable
from urllib.parse import urlsplit
from urllib.request import getproxies, proxy_bypass

import aiohttp

from bot.whatsapp.client import (ASSUMED_LATENCY, CloudAPIClient, GraphTimeout, WhatsAppError,
                                 error_from_response, mask_recipient, message_id_of, payload_recipient)

log = logging.getLogger("bot.whatsapp")

LATENCY_WEIGHT = 0.05   # of each new round trip in the moving average


def proxy_for(url: str) -> str | None:
    """The proxy the environment names for `url` (None: connect directly)."""
    parts = urlsplit(url)
    if not parts.hostname or proxy_bypass(parts.hostname):
        return None
    return getproxies().get(parts.scheme)


class AsyncSender:
    """An event loop in its own thread with an aiohttp session to the Cloud API."""

    def __init__(self, messages_url: str, headers: dict[str, str], *, connect_timeout: float,
                 read_timeout: float, connections: int) -> None:
        self.messages_url = messages_url
        self._headers = dict(headers)
        self._timeout = aiohttp.ClientTimeout(total=connect_timeout + read_timeout,
                                              sock_connect=connect_timeout, sock_read=read_timeout)
        self._connections = max(1, int(connections))
        self.latency = ASSUMED_LATENCY  # seconds a send takes, as lately measured
        self._proxy = proxy_for(messages_url)
        self._tasks: set[asyncio.Task] = set()  # started and not finished (kept: the loop holds tasks weakly)
        self._loop = asyncio.new_event_loop()
        self._session: aiohttp.ClientSession | None = None
        started = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(started,), name="outbox-async", daemon=True)
        self._thread.start()
        started.wait()
        asyncio.run_coroutine_threadsafe(self._open(), self._loop).result()

    @classmethod
    def like(cls, client: CloudAPIClient, *, connections: int) -> "AsyncSender":
        """A sender that sends as `client` does."""
        timeout = client.timeout
        connect, read = timeout if isinstance(timeout, tuple) else (timeout, timeout)
        return cls(client.messages_url, client.request_headers(), connect_timeout=float(connect),
                   read_timeout=float(read), connections=connections)

    def _run(self, started: threading.Event) -> None:
        asyncio.set_event_loop(self._loop)
        self._loop.call_soon(started.set)
        self._loop.run_forever()

    async def _open(self) -> None:
        ca_bundle = os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("CURL_CA_BUNDLE")
        connector = aiohttp.TCPConnector(limit=self._connections,
                                         ssl=ssl.create_default_context(cafile=ca_bundle) if ca_bundle else True)
        # The proxy (HTTPS_PROXY, NO_PROXY) is read from the environment once, not per send.
        self._session = aiohttp.ClientSession(connector=connector, headers=self._headers,
                                              timeout=self._timeout, trust_env=False)

    def start(self, function: Callable[..., Awaitable[Any]], calls: list[tuple],
              done: Callable[[Any], None]) -> None:
        """Run ``function(*args)`` for each args of `calls` on the sender's loop (one hand-over
        for them all) and call ``done(result)`` with each result as it comes, on the loop.
        `function` must not raise (a coroutine that does is a bug: it is logged)."""
        self._loop.call_soon_threadsafe(self._start, function, calls, done)

    def _start(self, function, calls, done) -> None:
        for args in calls:
            task = self._loop.create_task(function(*args))
            self._tasks.add(task)
            task.add_done_callback(lambda task: self._finished(task, done))

    def _finished(self, task: asyncio.Task, done: Callable[[Any], None]) -> None:
        self._tasks.discard(task)
        if task.cancelled():
            return
        error = task.exception()
        if error is not None:
            log.error("a send on the asynchronous sender raised", exc_info=error)
            return
        done(task.result())

    async def send_message(self, payload: dict[str, Any]) -> str:
        """Send one message; returns its wamid or raises a :class:`WhatsAppError`
        (called on the sender's own loop)."""
        assert self._session is not None
        started = time.monotonic()
        try:
            async with self._session.post(self.messages_url, json=payload, proxy=self._proxy) as response:
                status = response.status
                try:
                    data = await response.json(content_type=None)
                except ValueError:
                    data = None
        except (aiohttp.ClientError, asyncio.TimeoutError) as exc:
            raise GraphTimeout(f"{type(exc).__name__} talking to the WhatsApp Cloud API") from None
        # A moving average of the round trip: the worker keeps enough sends in flight to cover it.
        self.latency += (time.monotonic() - started - self.latency) * LATENCY_WEIGHT
        if status >= 400:
            error = error_from_response(status, data if isinstance(data, dict) else None)
            log.warning("Cloud API POST messages failed: %s", error)
            raise error
        if not isinstance(data, dict):
            raise WhatsAppError("unreadable answer from the WhatsApp Cloud API", http_status=status)
        wamid = message_id_of(data, status)
        log.debug("sent %s to %s: %s", payload.get("type"), mask_recipient(payload_recipient(payload)), wamid)
        return wamid

    async def _close(self) -> None:
        if self._session is not None:
            await self._session.close()

    def close(self) -> None:
        """Close the session and stop the loop (sends still in flight are cancelled)."""
        if not self._loop.is_running():
            return
        try:
            asyncio.run_coroutine_threadsafe(self._close(), self._loop).result(timeout=5)
        except Exception:  # closing is best effort
            log.debug("closing the asynchronous sender's session failed", exc_info=True)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=5)
        if not self._thread.is_alive():
            self._loop.close()

    def __enter__(self) -> "AsyncSender":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
