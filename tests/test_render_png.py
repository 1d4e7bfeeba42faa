"""The fridge picture is the page's patterns: ``voice-journal chart`` puts the
very pictures the page shows on one sheet and rasterises that SVG with
CairoSVG, in the journal's language, Korean glyphs drawn (not boxes)."""
from __future__ import annotations

import io
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from assistant.render import png, svg
from tests.cli_helpers import run_cli
from tests.web_helpers import build_journal, client_for, make_site

pytest.importorskip("cairosvg")
from PIL import Image  # noqa: E402  (CairoSVG's own dependency)

SVG = "{http://www.w3.org/2000/svg}"
WEEKS = "4"


def _page_pictures(built, language: str) -> list[str]:
    page = client_for(make_site(built, language)).get(f"/patterns?weeks={WEEKS}").text
    return re.findall(r'<figure class="picture">(<svg.*?</svg>)</figure>', page, flags=re.S)


def _chart(built, out, language: str):
    result = run_cli(built.paths.data_dir, "chart", "--out", str(out), "--weeks", WEEKS,
                     VOICE_JOURNAL_LANGUAGE=language)
    assert result.returncode == 0, result.stderr
    return out


def _nested(sheet: str) -> list[ET.Element]:
    return [child for child in ET.fromstring(sheet) if child.tag == SVG + "svg"]


def _same_picture(page_picture: str, nested: ET.Element) -> bool:
    drawn = ET.fromstring(page_picture)
    placed = {"x", "y", "width", "height"}
    return ({k: v for k, v in drawn.attrib.items() if k not in placed} == {k: v for k, v in nested.attrib.items() if k not in placed}
            and [ET.tostring(c) for c in drawn] == [ET.tostring(c) for c in nested])


@pytest.mark.parametrize("language, title", [("en", "Voice journal"), ("ko", "목소리 일기")])
def test_the_fridge_png_is_the_pages_patterns_rasterised(tmp_path, language, title):
    built = build_journal(tmp_path, language)
    pictures = _page_pictures(built, language)
    assert len(pictures) == 3
    sheet = _chart(built, tmp_path / "chart.svg", language).read_text(encoding="utf-8")
    nested = _nested(sheet)
    assert len(nested) == 3 and all(_same_picture(p, n) for p, n in zip(pictures, nested))
    assert title in sheet and ("외로움" in sheet) == (language == "ko")

    picture = _chart(built, tmp_path / "chart.png", language).read_bytes()
    assert picture == png.rasterise(sheet)  # the PNG is that SVG, rasterised
    image = Image.open(io.BytesIO(picture))
    height = float(ET.fromstring(sheet).get("height"))
    assert image.format == "PNG" and image.size == (360 * png.SCALE, round(height * png.SCALE))
    pixels = image.convert("L")
    assert pixels.getpixel((0, 0)) == 255 and pixels.getextrema()[0] < 80  # white paper, dark ink


def _word_png(word: str, fonts: str | None = None) -> bytes:
    picture = svg.feelings({"feelings": [{"feeling": word, "count": 1}]}, lambda **_: "", word)
    if fonts:
        picture = re.sub(r'font-family="[^"]*"', f'font-family="{fonts}"', picture, count=1)
    return png.rasterise(picture)


def test_korean_words_are_drawn_not_boxes():
    # Boxes for missing glyphs all look alike: two different words drawn the same means boxes.
    assert _word_png("외로움", "DejaVu Sans") == _word_png("뿌듯함", "DejaVu Sans")  # the check can see boxes
    assert _word_png("외로움") != _word_png("뿌듯함")


def test_without_cairosvg_a_png_is_refused_in_one_line_and_an_svg_still_works(tmp_path, monkeypatch):
    built = build_journal(tmp_path)
    monkeypatch.setitem(sys.modules, "cairosvg", None)  # as if not installed
    result = run_cli(built.paths.data_dir, "chart", "--out", str(tmp_path / "chart.png"))
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.returncode != 0 and len(lines) == 1 and "voice-journal[chart]" in lines[0]
    assert not (tmp_path / "chart.png").exists()
    assert _chart(built, tmp_path / "chart.svg", "en").exists()


def test_other_commands_do_not_load_cairosvg():
    code = "import sys, assistant.cli.main, assistant.cli.chart; sys.exit('cairosvg' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).parents[1]).returncode == 0
