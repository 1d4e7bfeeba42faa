"""An SVG picture as a PNG for the fridge: the same SVG the page shows, rasterised.

CairoSVG (the ``chart`` extra, over the system's libcairo2) draws it, so the
printout and the page cannot drift apart: there is one renderer,
:mod:`assistant.render.svg`, and this only turns its output into pixels.
CairoSVG sets text in the first font family an SVG names, which is why a
picture holding Hangul names a Korean font first; the Pi has it from
``fonts-nanum``.
"""
from __future__ import annotations

import shutil
import subprocess

from assistant.errors import UserError

SCALE = 3
"""Pixels per SVG unit: the 360-unit-wide sheet becomes 1080 px, its 11-unit text 33 px tall,
sharp on an A4 printout."""
INSTALL_HINT = ("a PNG chart needs CairoSVG and the cairo library: pip install 'voice-journal[chart]' and "
                "sudo apt-get install libcairo2 (or write an .svg)")
KOREAN_HINT = ("voice-journal: no Korean font found, Korean words may show as boxes; "
               "install one with 'sudo apt-get install fonts-nanum'")


def _cairosvg():
    try:
        import cairosvg  # late: an optional extra, loading libcairo; only the PNG chart needs it
    except (ImportError, OSError):  # OSError: the package is there but libcairo2 is not
        raise UserError(INSTALL_HINT) from None
    return cairosvg


def check_rasteriser() -> None:
    """Say now, before any work, that the PNG cannot be drawn."""
    _cairosvg()


def font_missing(family: str) -> bool:
    """Whether fontconfig knows no font of ``family`` (False when that cannot be asked)."""
    fc_list = shutil.which("fc-list")
    if not fc_list:
        return False
    try:
        found = subprocess.run([fc_list, family, "family"], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return False
    return found.returncode == 0 and not found.stdout.strip()


def rasterise(svg_text: str, scale: float = SCALE) -> bytes:
    """The SVG as PNG bytes, on white (a printout has no transparency)."""
    cairosvg = _cairosvg()
    return cairosvg.svg2png(bytestring=svg_text.encode("utf-8"), scale=scale, background_color="white")
