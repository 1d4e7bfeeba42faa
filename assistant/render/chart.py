"""A picture of the journal over time: themes per week, intensity, top feelings.

A pattern is easier to see than to read: stacked weekly bars of the themes
told, the pebble count and mean intensity as lines over them, and the
most-named feelings beside. The numbers come from :func:`assistant.journal.stats.stats`,
so the picture and ``voice-journal stats`` always agree.

matplotlib is an optional extra (``pip install 'voice-journal[chart]'``),
imported only here and only when a chart is drawn, with the Agg backend so
no display is needed on a headless Raspberry Pi.
"""
from __future__ import annotations

import io
import sys
import warnings
from typing import Any

from assistant.errors import UserError

CJK_FONTS = ("Noto Sans CJK KR", "Noto Sans KR", "NanumGothic", "NanumBarunGothic", "UnDotum", "Baekmuk Gulim",
             "Noto Sans CJK JP", "Noto Sans CJK SC")
"""Fonts with Hangul, tried in order, so Korean feeling words are legible."""
INSTALL_HINT = "the chart needs matplotlib: pip install 'voice-journal[chart]'"
SIZE_IN = (11, 7.5)
DPI = 110


def check_matplotlib() -> None:
    """Say now, before any work, that matplotlib is missing."""
    _pyplot()


def _pyplot():
    try:
        import matplotlib  # late: an optional extra, and slow to import
    except ImportError:
        raise UserError(INSTALL_HINT) from None
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt  # late: after choosing the Agg backend (no display on a Pi)

    return matplotlib, plt


def _korean_font(matplotlib) -> str | None:
    from matplotlib import font_manager  # late: matplotlib is an optional extra

    installed = {f.name for f in font_manager.fontManager.ttflist}
    return next((name for name in CJK_FONTS if name in installed), None)


def _needs_cjk(texts: list[str]) -> bool:
    return any("\u1100" <= ch <= "\ud7af" or "\u3130" <= ch <= "\u318f" for t in texts for ch in t)


def render(data: dict[str, Any], title: str = "Voice journal") -> bytes:
    """The chart for :func:`assistant.journal.stats.stats` output, as PNG bytes."""
    matplotlib, plt = _pyplot()
    weeks = data["weeks"]
    feelings = data["feelings"]
    labels = [f["feeling"] for f in feelings]
    rc = {"font.size": 9}
    if _needs_cjk(labels):
        font = _korean_font(matplotlib)
        if font:
            rc["font.family"] = ["DejaVu Sans", font]
        else:
            print("voice-journal: no Korean font found, feeling names may not show; "
                  "install one with 'sudo apt-get install fonts-nanum'", file=sys.stderr)
    with plt.rc_context(rc), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # missing glyphs: already said once above
        fig = plt.figure(figsize=SIZE_IN, dpi=DPI)
        grid = fig.add_gridspec(1, 2, width_ratios=[3, 1], wspace=0.35)
        ax = fig.add_subplot(grid[0])
        side = fig.add_subplot(grid[1])
        _weekly(ax, weeks, [t["theme"] for t in data["themes"]], plt)
        _feelings(side, feelings)
        span = f"{data.get('from', '')} to {data.get('to', '')}" if weeks else "no entries yet"
        fig.suptitle(f"{title}: {data['entries']} entries, {span}", fontsize=12)
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", bbox_inches="tight")
        plt.close(fig)
    return buffer.getvalue()


THEME_COLOURS = {
    "unanswered": "#4e79a7", "left-out": "#f28e2b", "ignored": "#e15759", "cold-shoulder": "#76b7b2",
    "cancelled": "#59a14f", "drifting": "#edc948", "missed-chance": "#ff9da7", "unasked": "#9c755f",
    "memory": "#bab0ac", "win": "#8cd17d", "connection": "#86bcb6",
}
"""One colour per theme, the same in every chart, so two charts compare at a glance."""
PEBBLE_COLOUR = "#222222"
INTENSITY_COLOUR = "#6a3d9a"


def _weekly(ax, weeks: list[dict], themes: list[str], plt) -> None:
    from matplotlib.ticker import MaxNLocator  # late: matplotlib is an optional extra

    x = list(range(len(weeks)))
    bottom = [0] * len(weeks)
    for theme in themes:
        heights = [w["themes"].get(theme, 0) for w in weeks]
        ax.bar(x, heights, bottom=bottom, color=THEME_COLOURS.get(theme, "#cccccc"), label=theme, width=0.8)
        bottom = [b + h for b, h in zip(bottom, heights)]
    pebbles = [w["pebbles"] for w in weeks]
    ax.plot(x, pebbles, color=PEBBLE_COLOUR, marker="o", linewidth=1.5, label="pebbles")
    ax.set_ylabel("entries per theme, and pebbles")
    ax.set_ylim(0, max(bottom + pebbles + [1]) * 1.1)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    step = max(1, len(weeks) // 12)
    ax.set_xticks(x[::step], [w["week"] for w in weeks][::step], rotation=45, ha="right")
    ax.set_xlim(-0.6, max(len(weeks) - 0.4, 0.6))
    ax.grid(axis="y", alpha=0.3)
    handles, names = ax.get_legend_handles_labels()
    levels = [w["mean_intensity"] for w in weeks]
    if any(v is not None for v in levels):
        twin = ax.twinx()
        twin.plot(x, [float("nan") if v is None else v for v in levels], color=INTENSITY_COLOUR, linestyle="--",
                  marker="s", linewidth=2, label="mean intensity")
        twin.set_ylabel("mean intensity", color=INTENSITY_COLOUR)
        twin.tick_params(axis="y", colors=INTENSITY_COLOUR)
        more, more_names = twin.get_legend_handles_labels()
        handles, names = handles + more, names + more_names
    ax.legend(handles, names, loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=4, fontsize=8, frameon=False)
    ax.set_title("Themes per week")


def _feelings(ax, feelings: list[dict]) -> None:
    from matplotlib.ticker import MaxNLocator  # late: matplotlib is an optional extra

    names = [f["feeling"] for f in feelings][::-1]
    counts = [f["count"] for f in feelings][::-1]
    ax.barh(names, counts, color="#4e79a7")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_title("Most-named feelings")
    ax.set_xlabel("times named")
    if not feelings:
        ax.text(0.5, 0.5, "none named yet", ha="center", va="center", transform=ax.transAxes)
        ax.set_yticks([])
