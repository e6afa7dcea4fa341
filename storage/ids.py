"""Row ids: random (version 4) UUIDs, drawn from a buffer of the operating system's randomness.

`uuid.uuid4()` asks the kernel for 16 bytes on every call, and CPython lets go of the GIL
for that system call. In a worker whose threads are all busy, taking the GIL back cost
450 µs a call on average, a hundred times the call itself, and a guest's answer takes
three ids (bench/answering_throughput.py). Here one call to `os.urandom` fills a buffer
for 256 ids: the ids are as random as uuid4's. A child process forked after ids were
drawn starts with an empty buffer, so two processes never hand out the same bytes.
"""
from __future__ import annotations

import os
import threading
import uuid

__all__ = ["new_id"]

_BUFFER = 4096  # bytes: 256 ids a system call
_lock = threading.Lock()
_pool = b""
_used = 0


def new_id() -> uuid.UUID:
    """A random version 4 UUID, like `new_id()`."""
    global _pool, _used
    with _lock:
        if _used + 16 > len(_pool):
            _pool, _used = os.urandom(_BUFFER), 0
        chunk = _pool[_used:_used + 16]
        _used += 16
    return uuid.UUID(bytes=chunk, version=4)


def _forget() -> None:
    global _pool, _used, _lock
    _pool, _used, _lock = b"", 0, threading.Lock()


os.register_at_fork(after_in_child=_forget)
