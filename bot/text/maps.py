"""Navigation links to a place as people write it: Waze and Google Maps search by text."""
from __future__ import annotations

import urllib.parse

__all__ = ["map_links"]


def map_links(location: str | None) -> dict[str, str] | None:
    """{"waze": ..., "google": ...} for `location`, or None without one."""
    if not location or not location.strip():
        return None
    q = urllib.parse.quote(location.strip(), safe="")
    return {"google": f"https://www.google.com/maps/search/?api=1&query={q}",
            "waze": f"https://waze.com/ul?q={q}&navigate=yes"}
