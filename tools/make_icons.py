"""Draws the Open Kraków mark (a city gate in its walls, its door open) and writes every icon the site serves.

Run it after changing the drawing: `.venv/bin/python tools/make_icons.py` (cairosvg, from requirements-dev.txt).
Its files are committed, so neither CI nor a deployment needs it. The colours are the palette's brand blue and
the focus gold (static/css/site.css).
"""

import io
from pathlib import Path

import cairosvg
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
IMG = ROOT / "static" / "img"
BLUE, WHITE, GOLD, AMBER = "#0b4f8a", "#ffffff", "#ffbf47", "#c27c00"

# On a 64-unit square: two stretches of wall with their battlements, the gate tower with its roof and spire, and
# the lit archway with the door leaf swung inwards.
GATE = (
    '<path d="M6 59V36h3v-3h3v3h3v-3h3v26zM46 59V33h3v3h3v-3h3v3h3v23zM19 59V27h26v32zM15.5 28 32 10l16.5 18z'
    'M31 5h2v6h-2z" fill="{gate}"/>'
    f'<path d="M25 59V45a7 7 0 0 1 14 0v14z" fill="{GOLD}"/>'
    f'<path d="M39 45.5 34 48v10l5 1z" fill="{AMBER}"/>'
)


def svg(*, tile: str, gate: str, rounded: bool = True, scale: float = 1.0) -> str:
    """The mark on a tile; `scale` shrinks the gate about the centre (a maskable icon keeps it in its safe zone)."""
    corner = ' rx="14"' if rounded else ""
    offset = 32 * (1 - scale)
    drawing = GATE.format(gate=gate)
    if scale != 1.0:
        drawing = f'<g transform="translate({offset:g} {offset:g}) scale({scale:g})">{drawing}</g>'
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">'
        f'<rect width="64" height="64"{corner} fill="{tile}"/>{drawing}</svg>\n'
    )


def png(source: str, size: int) -> Image.Image:
    return Image.open(io.BytesIO(cairosvg.svg2png(bytestring=source.encode(), output_width=size, output_height=size)))


def main() -> None:
    # In the header, beside the site's name: a white tile, clear on the blue header in both colour schemes.
    (IMG / "mark.svg").write_text(svg(tile=WHITE, gate=BLUE))
    # The browser tab's icon and the app icons: a blue tile, clear on light and dark tab bars.
    icon = svg(tile=BLUE, gate=WHITE)
    (IMG / "icon.svg").write_text(icon)
    for size in (192, 512):
        png(icon, size).save(IMG / f"icon-{size}.png", optimize=True)
    # Full-bleed squares: iOS and Android round the corners themselves; a maskable icon may be cut to a circle of
    # 80% of its width, so the gate keeps to the middle.
    png(svg(tile=BLUE, gate=WHITE, rounded=False, scale=0.8), 180).convert("RGB").save(
        IMG / "apple-touch-icon.png", optimize=True
    )
    png(svg(tile=BLUE, gate=WHITE, rounded=False, scale=0.66), 512).convert("RGB").save(
        IMG / "icon-maskable-512.png", optimize=True
    )
    # Each size drawn on its own, sharper than one picture scaled down.
    small = [png(icon, size) for size in (16, 32, 48)]
    favicon = ROOT / "static" / "root" / "favicon.ico"
    small[-1].save(favicon, format="ICO", sizes=[im.size for im in small], append_images=small[:-1])


if __name__ == "__main__":
    main()
