"""The event's progress as a picture: a portrait PNG readable on a phone.

Three panels, labels in the reader's language:

* answers over time: confirmed, declined and maybe, cumulative and stacked (none
  hides another; right to left in Hebrew and Arabic, like the other panels), since the first invitation (from each guest's `answered_at`, with
  the answer they hold now), on the event's clock: hours in the first day and a half,
  then dates;
* where things stand: confirmed / declined / maybe / pending, and the expected headcount;
* per side (when the guests have more than one side): confirmed / declined / pending.

Drawn with matplotlib's Agg canvas directly (no pyplot, no global state, safe in threads
and headless). Right-to-left labels (Hebrew, Arabic) are laid out by matplotlib itself
(3.10+): no bidi pass here, which would reverse them a second time.
"""
from __future__ import annotations

import io
import math
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import matplotlib
from babel import dates as babel_dates
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator
from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import Event, Guest, RsvpStatus, User, utcnow

from bot.services import languages
from bot.text import sides
from bot.services.access import require
from bot.services.permissions import Action
from bot.text import hours, i18n
from bot.text.i18n import _, ngettext

WIDTH_PX, HEIGHT_PX, DPI = 900, 1600, 100
FONT = ["DejaVu Sans"]  # has Hebrew and Arabic glyphs (fonts-dejavu-core)
COLOURS = {"confirmed": "#1b7f3b", "declined": "#b3261e", "maybe": "#c77700", "pending": "#6b7280"}
_LOCALES = {"en": "en_GB", "he": "he_IL", "ar": "ar", "ru": "ru_RU"}


@dataclass
class Progress:
    """What the chart shows, read from the database (or built by a test)."""

    event_name: str
    start: datetime
    now: datetime
    confirmed_at: list[datetime] = field(default_factory=list)
    declined_at: list[datetime] = field(default_factory=list)
    maybe_at: list[datetime] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=lambda: {"confirmed": 0, "declined": 0, "maybe": 0,
                                                             "pending": 0})
    headcount: int = 0
    by_side: dict[str, dict[str, int]] = field(default_factory=dict)
    timezone: str | None = None   # the event's: the time axis reads its clocks


def read_progress(session: Session, event: Event, now: datetime | None = None) -> Progress:
    now = now or utcnow()
    guests = list(session.scalars(select(Guest).where(Guest.event_id == event.id)))
    invited = [g.invited_at for g in guests if g.invited_at] + [g.answered_at for g in guests if g.answered_at]
    start = min(invited) if invited else (event.created_at or now)
    p = Progress(event.name, start=start, now=max(now, start), timezone=event.timezone)
    shown = sides.grouped(g.side for g in guests)   # "bride", "Bride" and "הכלה" are one side
    for g in guests:
        side = shown.get(g.side) or ""
        bucket = p.by_side.setdefault(side, {"confirmed": 0, "declined": 0, "pending": 0})
        if g.status == RsvpStatus.confirmed:
            p.counts["confirmed"] += 1
            p.headcount += g.people
            bucket["confirmed"] += 1
            if g.answered_at:
                p.confirmed_at.append(g.answered_at)
        elif g.status == RsvpStatus.declined:
            p.counts["declined"] += 1
            bucket["declined"] += 1
            if g.answered_at:
                p.declined_at.append(g.answered_at)
        else:
            # Pending guests who answered "maybe" have an answer time; the rest never answered.
            p.counts["maybe" if g.answered_at else "pending"] += 1
            if g.answered_at:
                p.maybe_at.append(g.answered_at)
            bucket["pending"] += 1
    return p


def event_chart(session: Session, actor: User, event_id, now: datetime | None = None) -> tuple[Event, bytes]:
    """(the event, its chart as PNG bytes) in the actor's language; any member may see it."""
    event, _member = require(session, actor, event_id, Action.VIEW)
    return event, render_png(read_progress(session, event, now), languages.organiser_language(actor))


def _stacked(p: Progress, clock) -> tuple[list[datetime], list[list[int]]]:
    """Step points on the event's clock: the times, and for each of confirmed, declined and
    maybe the running total of it and the answers stacked below it."""
    marks = sorted([(t, 0) for t in p.confirmed_at] + [(t, 1) for t in p.declined_at] + [(t, 2) for t in p.maybe_at])
    xs, levels = [clock(p.start)], [[0], [0], [0]]
    for t, kind in marks:
        xs.append(clock(t))
        for k in range(3):
            levels[k].append(levels[k][-1] + (1 if k >= kind else 0))
    xs.append(clock(p.now))
    for level in levels:
        level.append(level[-1])
    return xs, levels


HOURS_AXIS_UNTIL = timedelta(hours=36)   # a younger event's answers are read by the hour


def render_png(p: Progress, lang: str = "en") -> bytes:
    """The chart of `p` as PNG bytes, WIDTH_PX × HEIGHT_PX, labels in `lang`."""
    with i18n.use(lang), matplotlib.rc_context({"font.family": FONT, "font.size": 20}):
        fig = _figure(p, lang)
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=DPI, facecolor="white")
        return buf.getvalue()


def figure(p: Progress, lang: str = "en") -> Figure:
    """The chart of `p` before it becomes pixels: its texts can be read."""
    with i18n.use(lang), matplotlib.rc_context({"font.family": FONT, "font.size": 20}):
        return _figure(p, lang)


def _figure(p: Progress, lang: str) -> Figure:
    rtl = lang in ("he", "ar")
    fig = Figure(figsize=(WIDTH_PX / DPI, HEIGHT_PX / DPI), dpi=DPI, facecolor="white")
    FigureCanvasAgg(fig)
    sides = {k: v for k, v in p.by_side.items() if k} if len(p.by_side) > 1 else {}
    rows = [1.25, 1.0] + ([1.0] if sides else [])
    grid = fig.add_gridspec(len(rows), 1, height_ratios=rows, left=0.06 if rtl else 0.13,
                            right=0.84 if rtl and sides else 0.92 if rtl else 0.95, top=0.83, bottom=0.06,
                            hspace=0.55)
    total = sum(p.counts.values())
    fig.text(0.5, 0.96, p.event_name, ha="center", va="center", fontsize=34, fontweight="bold",
             family=FONT)
    expected = i18n.Raw(ngettext("1 person", "{n} people", p.headcount))
    fig.text(0.5, 0.915, _("Expected: {people}", people=expected) + "  ·  " + _("Guests: {n}", n=total),
        ha="center", va="center", fontsize=24, family=FONT, color="#111827")

    # Answers over time: confirmed below, declined stacked on top, so neither line hides
    # the other; on the event's clock (naive local times: matplotlib draws them as given).
    zone = hours.zone(p.timezone)

    def clock(t: datetime) -> datetime:
        return t.astimezone(zone).replace(tzinfo=None) if t.tzinfo else t

    ax = fig.add_subplot(grid[0])
    answered = len(p.confirmed_at) + len(p.declined_at) + len(p.maybe_at)
    if answered:
        xs, levels = _stacked(p, clock)
        below = [0] * len(xs)
        for key, label, level, said in (("confirmed", _("Confirmed"), levels[0], p.confirmed_at),
                                        ("declined", _("Declined"), levels[1], p.declined_at),
                                        ("maybe", _("Maybe"), levels[2], p.maybe_at)):
            if said:
                ax.fill_between(xs, below, level, step="post", color=COLOURS[key], linewidth=0, label=label)
            below = level
    ax.set_title(_("Answers over time"), fontsize=26, family=FONT, pad=14)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True, nbins=5))
    locale = _LOCALES.get(lang, "en_GB")
    start, now = clock(p.start), clock(p.now)
    if p.now - p.start < HOURS_AXIS_UNTIL:
        # The first day and a half: whole hours, at most four, a date where a day begins.
        first = start.replace(minute=0, second=0, microsecond=0)
        span = max(1, math.ceil((now - first).total_seconds() / 3600))
        step = max(1, math.ceil(span / 3))
        ticks = [first + timedelta(hours=h) for h in range(0, span + step, step)][:4]
        end = ticks[-1] if ticks[-1] >= now else first + timedelta(hours=span)
        names = [babel_dates.format_skeleton("MMMd" if t.hour == 0 else "Hm", t, locale=locale) for t in ticks]
    else:
        # Whole days, a tick on a day at most every third of the span: never the same date
        # twice, never a fraction of a guest.
        first = start.replace(hour=0, minute=0, second=0, microsecond=0)
        days = max(1, (now - first).days + 1)
        step = max(1, math.ceil(days / 3))   # at most four dates: Hebrew month names are long
        ticks = [first + timedelta(days=d) for d in range(0, days + 1, step)]
        end = first + timedelta(days=days)
        names = [babel_dates.format_skeleton("MMMd", t, locale=locale) for t in ticks]
    # Right to left, time runs from the right like the panels below it read.
    ax.set_xlim((end, first) if rtl else (first, end))
    ax.set_xticks(ticks, names)
    labels = ax.get_xticklabels()   # the outer labels stay inside the picture
    labels[0].set_horizontalalignment("right" if rtl else "left")
    if len(labels) > 1 and ticks[-1] == end:
        labels[-1].set_horizontalalignment("left" if rtl else "right")
    ax.tick_params(labelsize=18)
    ax.set_ylim(0, max(1, answered) * 1.5)   # room for the legend above the areas
    if answered:
        ax.legend(fontsize=18, loc="upper right" if not rtl else "upper left", frameon=False,
                  prop={"family": FONT, "size": 18})
    else:
        ax.text(0.5, 0.5, _("No answers yet"), transform=ax.transAxes, ha="center", va="center",
                fontsize=22, color=COLOURS["pending"], family=FONT)
    ax.grid(axis="y", alpha=0.3)

    # Where things stand.
    ax2 = fig.add_subplot(grid[1])
    keys = ["confirmed", "declined", "maybe", "pending"]
    names = {"confirmed": _("Confirmed"), "declined": _("Declined"), "maybe": _("Maybe"), "pending": _("Pending")}
    values = [p.counts[k] for k in keys]
    bars = ax2.bar(range(len(keys)), values, color=[COLOURS[k] for k in keys])
    ax2.set_xticks(range(len(keys)), [names[k] for k in keys], fontsize=18, family=FONT)
    ax2.bar_label(bars, labels=[i18n.number(v, lang) for v in values], fontsize=20, padding=4)
    ax2.set_ylim(0, max(values + [1]) * 1.25)
    ax2.yaxis.set_major_locator(MaxNLocator(integer=True, nbins=4))
    ax2.set_title(_("Answers now"), fontsize=26, family=FONT, pad=14)
    ax2.tick_params(axis="y", labelsize=16)
    if rtl:
        ax2.invert_xaxis()  # read from the right: confirmed first

    # Per side.
    if sides:
        ax3 = fig.add_subplot(grid[2])
        labels = list(sides)[:6]
        left = [0] * len(labels)
        for key, name in (("confirmed", names["confirmed"]), ("declined", names["declined"]),
                          ("pending", names["pending"])):
            widths = [sides[s][key] for s in labels]
            ax3.barh(range(len(labels)), widths, left=left, color=COLOURS[key], label=name)
            left = [a + b for a, b in zip(left, widths)]
        ax3.set_yticks(range(len(labels)), labels, fontsize=18, family=FONT)
        ax3.invert_yaxis()
        ax3.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=5))
        ax3.tick_params(axis="x", labelsize=16)
        ax3.set_title(_("By side"), fontsize=26, family=FONT, pad=14)
        if rtl:
            ax3.invert_xaxis()

    for a in fig.axes:
        for side in ("top", "left" if rtl else "right"):
            a.spines[side].set_visible(False)
        if rtl:
            a.yaxis.tick_right()
    return fig
