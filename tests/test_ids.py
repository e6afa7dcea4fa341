"""Row ids drawn from a buffer: version 4 UUIDs, never repeated, not even across a fork."""
from __future__ import annotations

import os
import uuid

from storage.ids import new_id


def test_ids_are_random_version_4_uuids_and_never_repeat():
    ids = [new_id() for _ in range(5000)]   # many buffers' worth
    assert len(set(ids)) == len(ids)
    assert {i.version for i in ids} == {4} and {i.variant for i in ids} == {uuid.RFC_4122}


def test_a_forked_child_does_not_hand_out_the_parents_next_ids():
    new_id()   # the buffer now holds ids the parent has not used yet
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:   # the child: its next ids, to the parent
        os.close(read)
        os.write(write, b"".join(new_id().bytes for _ in range(10)))
        os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        data = pipe.read()
    os.waitpid(pid, 0)
    child = {data[i:i + 16] for i in range(0, len(data), 16)}
    parent = {new_id().bytes for _ in range(10)}
    assert len(child) == 10 and not child & parent
