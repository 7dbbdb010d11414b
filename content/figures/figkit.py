"""The shared look of the corpus figures, and the one way they are written.

Every figure is an SVG under content/assets/<essay-slug>/, made by content/figures/<essay-slug>.py (a module with a
main() that calls the functions below). Run all of them with one command from the repository root:

    /usr/bin/python3 content/figures/make.py            # Debian's python3-matplotlib 3.6.3 (requirements.txt)

Output is byte-for-byte reproducible (fixed hash salt, no dates) so a re-run shows as no change in git.

Light and dark: colours are CSS custom properties defined in a <style> element inside each SVG, with a
prefers-color-scheme: dark override, so a figure stays readable on either background. Plots use sentinel colours
that save() swaps for var(--…) references; hand-written diagrams use svg() and the same class names.
Series colours are Okabe and Ito's colour-blind-safe palette, lightened for dark backgrounds.
"""
from __future__ import annotations

import io
import re
from pathlib import Path

import matplotlib

matplotlib.use("svg")
import matplotlib.pyplot as plt  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
ASSETS = ROOT / "content" / "assets"

# Okabe-Ito (light background) and lighter variants for a dark background.
_SERIES = [
    ("#0072b2", "#56b4e9"),  # blue
    ("#d55e00", "#ff8c42"),  # vermillion
    ("#009e73", "#3fd6a8"),  # bluish green
    ("#cc79a7", "#e7a6cb"),  # reddish purple
    ("#e69f00", "#f5c04a"),  # orange
    ("#56b4e9", "#9fd6f5"),  # sky blue
    ("#8a7a00", "#f0e442"),  # yellow (darkened for white backgrounds)
]
_NEUTRAL = {"fg": ("#1f2328", "#e6edf3"), "muted": ("#59636e", "#9198a1"), "grid": ("#d1d9e0", "#3d444d"),
            "panel": ("#f6f8fa", "#161b22")}

# Sentinels: colours no figure uses on purpose, replaced by var(--name) after saving.
FG, MUTED, GRID, PANEL = "#010101", "#020202", "#030303", "#040404"
C = [f"#0000{0xc1 + i:02x}" for i in range(len(_SERIES))]
"""Series colours, in order: C[0] blue, C[1] vermillion, C[2] green, C[3] purple, C[4] orange, C[5] sky, C[6] yellow."""

_SENTINELS = {FG: "fg", MUTED: "muted", GRID: "grid", PANEL: "panel", **{c: f"c{i + 1}" for i, c in enumerate(C)}}


def style_block() -> str:
    """The <style> element every figure carries: the palette for light, then for dark, then the diagram classes."""
    light = ";".join([f"--{k}:{v[0]}" for k, v in _NEUTRAL.items()] +
                     [f"--c{i + 1}:{v[0]}" for i, v in enumerate(_SERIES)])
    dark = ";".join([f"--{k}:{v[1]}" for k, v in _NEUTRAL.items()] +
                    [f"--c{i + 1}:{v[1]}" for i, v in enumerate(_SERIES)])
    classes = ("text{font-family:system-ui,-apple-system,'Segoe UI',Helvetica,Arial,sans-serif}"
               ".t{fill:var(--fg)}.m{fill:var(--muted)}.box{fill:var(--panel);stroke:var(--fg);stroke-width:1.2}"
               ".ln{stroke:var(--fg);stroke-width:1.4;fill:none}.lm{stroke:var(--muted);stroke-width:1;fill:none}"
               + "".join(f".f{i + 1}{{fill:var(--c{i + 1})}}.s{i + 1}{{stroke:var(--c{i + 1})}}"
                         for i in range(len(_SERIES))))
    return (f"<style>svg{{{light}}}@media (prefers-color-scheme: dark){{svg{{{dark}}}}}{classes}</style>")


def setup() -> None:
    """Matplotlib settings shared by every plot: sentinel colours, no clutter, reproducible output."""
    plt.rcParams.update({
        "svg.fonttype": "none", "svg.hashsalt": "essays-figures",
        "font.family": "sans-serif", "font.size": 11,
        "text.color": FG, "axes.labelcolor": FG, "axes.edgecolor": MUTED, "axes.titlecolor": FG,
        "xtick.color": MUTED, "ytick.color": MUTED, "xtick.labelcolor": FG, "ytick.labelcolor": FG,
        "axes.grid": True, "grid.color": GRID, "grid.linewidth": 0.8,
        "axes.spines.top": False, "axes.spines.right": False,
        "axes.prop_cycle": matplotlib.cycler(color=C),
        "legend.frameon": False, "figure.facecolor": "none", "axes.facecolor": "none",
        "lines.linewidth": 2.0, "mathtext.fontset": "dejavusans",
    })


def figure(width: float = 6.4, height: float = 3.6, **kwargs):
    """A new figure (inches; 6.4 x 3.6 becomes 614 x 346 px) and its axes, as plt.subplots()."""
    setup()
    return plt.subplots(figsize=(width, height), **kwargs)


def save(fig, slug: str, name: str) -> Path:
    """Writes the figure to content/assets/<slug>/<name>.svg with the palette swapped in; returns the path."""
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight", pad_inches=0.08, transparent=True,
                metadata={"Date": None, "Creator": None, "Format": None, "Type": None})
    plt.close(fig)
    return _write(slug, name, _postprocess(buffer.getvalue()))


def svg(slug: str, name: str, width: int, height: int, body: str, title: str) -> Path:
    """Writes a hand-made diagram: body is SVG markup using the classes of style_block() (t, m, box, ln, f1…, s1…)."""
    arrow = ('<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
             'orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" style="fill:var(--fg)"/></marker></defs>')
    text = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" role="img"><title>{_escape(title)}</title>'
            f"{style_block()}{arrow}{body}</svg>\n")
    return _write(slug, name, text)


def _postprocess(text: str) -> str:
    text = re.sub(r"<\?xml[^>]*\?>\s*", "", text)
    text = re.sub(r"<!DOCTYPE[^>]*>\s*", "", text)
    text = re.sub(r"<metadata>.*?</metadata>\s*", "", text, flags=re.S)
    # pt to px, so width/height are the CSS pixel size a browser reserves
    def px(match):
        value = float(match.group(2)) * 4 / 3
        return f'{match.group(1)}="{value:.0f}"'
    head_end = text.index(">", text.index("<svg"))
    head = re.sub(r'\b(width|height)="([\d.]+)pt"', px, text[:head_end])
    text = head + ">" + style_block() + text[head_end + 1:]
    for sentinel, name in _SENTINELS.items():
        text = text.replace(sentinel, f"var(--{name})")
    # the family comes from the <style> element; keep only style, weight and size of matplotlib's font shorthand
    text = re.sub(r"font:\s*((?:(?:italic|oblique|bold|\d00)\s+)*)([\d.]+px)\s+[^;\"]*",
                  lambda m: "".join(f"font-{'style' if w in ('italic', 'oblique') else 'weight'}:{w}; "
                                    for w in m.group(1).split()) + f"font-size:{m.group(2)}", text)
    return text


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _write(slug: str, name: str, text: str) -> Path:
    path = ASSETS / slug / f"{name}.svg"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
