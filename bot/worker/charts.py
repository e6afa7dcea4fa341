"""The `chart` command's picture: drawn from the database, sent as an image with a one-line
caption (made, uploaded and queued as bot.worker.files does for every file it sends)."""
from __future__ import annotations

from bot.services import charts
from bot.text import replies
from bot.worker.files import Made, send_file


def run_chart(rt, row) -> bool:
    """Draw and send one chart. False when the job was no longer ours."""
    return send_file(rt, row, _picture, kind="image", failed=replies.CHART_FAILED, what="a chart")


def _picture(session, user, event_id, lang: str) -> Made:
    event, png = charts.event_chart(session, user, event_id)
    return Made(png, "image/png", "chart.png", replies.chart_caption(event))
