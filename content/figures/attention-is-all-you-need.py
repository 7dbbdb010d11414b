"""Figures for attention-is-all-you-need.md: a toy attention heatmap, the Q/K/V and multi-head diagram, the sinusoidal
positional encodings, the 2017 block."""
import numpy as np

import figkit

SLUG = "attention-is-all-you-need"
TOKENS = ["The", "animal", "didn't", "cross", "the", "street", "because", "it", "was", "too", "tired"]
# Word classes for the hand-built content head (index into CLASSES).
CLASSES = ["determiner", "animate noun", "inanimate noun", "verb", "pronoun", "adjective", "other"]
WORD_CLASS = [0, 1, 3, 3, 0, 2, 6, 4, 3, 6, 5]


def sinusoidal(n, d):
    """The paper's positional encoding: rows are positions, columns alternate sin and cos."""
    pos = np.arange(n)[:, None]
    omega = 10000.0 ** (-np.arange(0, d, 2) / d)
    pe = np.zeros((n, d))
    pe[:, 0::2] = np.sin(pos * omega)
    pe[:, 1::2] = np.cos(pos * omega)
    return pe, omega


def softmax_rows(s):
    s = s - s.max(axis=1, keepdims=True)
    e = np.exp(s)
    return e / e.sum(axis=1, keepdims=True)


def previous_token_head(d=64, gain=16.0):
    """Queries are the positional encodings rotated back by one step (the essay's rotation matrix), keys are the
    encodings themselves, so q_i . k_j peaks at j = i - 1. A causal mask is applied; gain sharpens the softmax."""
    n = len(TOKENS)
    pe, omega = sinusoidal(n, d)
    q = np.zeros_like(pe)
    for i, w in enumerate(omega):  # rotate each (sin, cos) pair by -w: sin(w(p-1)), cos(w(p-1))
        s, c = pe[:, 2 * i], pe[:, 2 * i + 1]
        q[:, 2 * i] = np.cos(w) * s - np.sin(w) * c
        q[:, 2 * i + 1] = np.sin(w) * s + np.cos(w) * c
    scores = gain * q @ pe.T / np.sqrt(d)
    mask = np.tril(np.ones((n, n), dtype=bool))
    return softmax_rows(np.where(mask, scores, -np.inf))


def content_head():
    """Keys are one-hot word classes; the query matrix holds four hand-set rules, all other scores are 0."""
    k = np.eye(len(CLASSES))[WORD_CLASS]
    rules = np.zeros((len(CLASSES), len(CLASSES)))
    rules[4, 1] = 3.0   # pronoun looks for an animate noun
    rules[4, 2] = 1.5   # ... and, less, for an inanimate one
    rules[0, 1] = rules[0, 2] = 2.0  # determiner looks for a noun
    rules[5, 4] = 2.5   # adjective looks for a pronoun (its subject)
    q = k @ rules
    return softmax_rows(q @ k.T)


def heatmap():
    """Both heads as one hand-written SVG: vector cells whose opacity is the weight (so the figure adapts to light
    and dark backgrounds), weights of at least 0.1 printed in the cell."""
    a, b = previous_token_head(), content_head()
    n, cell, left, top, gap = len(TOKENS), 26, 82, 40, 120
    out = []
    for k, (w, title) in enumerate(((a, "positional head (causal)"), (b, "word-class head (bidirectional)"))):
        x0 = left + k * (n * cell + gap)
        out.append(f'<text x="{x0 + n * cell / 2}" y="{top - 14}" text-anchor="middle" font-size="14" '
                   f'class="t">{title}</text>')
        for i in range(n):
            for j in range(n):
                x, y = x0 + j * cell, top + i * cell
                out.append(f'<rect x="{x}" y="{y}" width="{cell}" height="{cell}" class="f1" '
                           f'style="fill-opacity:{0.08 + 0.62 * w[i, j]:.2f}"/>')
                if w[i, j] >= 0.1:
                    label = "1" if w[i, j] > 0.995 else f"{w[i, j]:.2f}"[1:]
                    out.append(f'<text x="{x + cell / 2}" y="{y + cell / 2 + 4}" text-anchor="middle" '
                               f'font-size="10" class="t">{label}</text>')
        for i, tok in enumerate(TOKENS):
            out.append(f'<text x="{x0 - 6}" y="{top + i * cell + cell / 2 + 4}" text-anchor="end" font-size="11" '
                       f'class="t">{tok}</text>')
            cx, cy = x0 + i * cell + cell / 2 + 4, top + n * cell + 8
            out.append(f'<text x="{cx}" y="{cy}" text-anchor="end" font-size="11" class="t" '
                       f'transform="rotate(-60 {cx} {cy})">{tok}</text>')
        out.append(f'<text x="{x0 + n * cell / 2}" y="{top + n * cell + 70}" text-anchor="middle" font-size="12" '
                   f'class="m">key (attended to)</text>')
    out.append(f'<text x="14" y="{top + n * cell / 2}" text-anchor="middle" font-size="12" class="m" '
               f'transform="rotate(-90 14 {top + n * cell / 2})">query (attending)</text>')
    width = left + 2 * n * cell + gap + 10
    figkit.svg(SLUG, "attention-heatmap", width, top + n * cell + 82, "".join(out),
               "Attention weights of two hand-built heads for the sentence: The animal didn't cross the street "
               "because it was too tired. Rows are queries, columns keys; darker cells carry more weight.")
    it, animal, street = TOKENS.index("it"), TOKENS.index("animal"), TOKENS.index("street")
    print(f"positional head: diagonal-1 weights {np.round(np.diag(a, -1), 3)}")
    print(f"word-class head, row 'it': animal {b[it, animal]:.3f}, street {b[it, street]:.3f}, "
          f"each other key {b[it, 0]:.3f}")
    return a, b


# ---------- hand-drawn diagrams ----------

def box(x, y, w, h, label, cls="box", size=13, sub=None, fill=None):
    style = f' style="fill:var(--{fill});fill-opacity:0.18"' if fill else ""
    out = f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="6" class="{cls}"{style}/>'
    cy = y + h / 2 + (size * 0.35 if sub is None else -2)
    out += f'<text x="{x + w / 2}" y="{cy:.1f}" text-anchor="middle" font-size="{size}" class="t">{label}</text>'
    if sub:
        out += f'<text x="{x + w / 2}" y="{y + h / 2 + 13:.1f}" text-anchor="middle" font-size="11" class="m">{sub}</text>'
    return out


def arrow(x1, y1, x2, y2, cls="ln"):
    return f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" class="{cls}" marker-end="url(#arrow)"/>'


def path(d, cls="ln", arrowhead=True):
    m = ' marker-end="url(#arrow)"' if arrowhead else ""
    return f'<path d="{d}" class="{cls}"{m}/>'


def text(x, y, s, size=12, cls="t", anchor="middle", extra=""):
    return f'<text x="{x}" y="{y}" text-anchor="{anchor}" font-size="{size}" class="{cls}"{extra}>{s}</text>'


def qkv_diagram():
    b = []
    # Left: one head.
    b.append(text(200, 22, "one attention head", 14))
    b.append(box(150, 40, 100, 34, "X", sub=None))
    b.append(text(200, 90, "n × d_model", 11, "m"))
    for i, (name, col) in enumerate((("Q", "c1"), ("K", "c2"), ("V", "c3"))):
        x = 40 + i * 120
        b.append(path(f"M200,96 C200,110 {x + 50},106 {x + 50},120"))
        b.append(box(x, 122, 100, 40, f"× W<tspan baseline-shift=\"sub\" font-size=\"10\">{name}</tspan>", fill=col))
        b.append(arrow(x + 50, 162, x + 50, 184))
        b.append(box(x + 20, 186, 60, 30, name, fill=col))
    b.append(text(320, 232, "n × d_k each", 11, "m", "end"))
    b.append(path("M90,216 C90,240 140,236 140,252"))
    b.append(path("M210,216 C210,240 160,236 160,252"))
    b.append(box(60, 254, 180, 40, "scores = QKᵀ / √d<tspan baseline-shift=\"sub\" font-size=\"9\">k</tspan>", size=12, sub=None))
    b.append(text(248, 312, "n × n", 11, "m", "start"))
    b.append(arrow(150, 294, 150, 316 + 4))
    b.append(box(60, 322, 180, 34, "mask (optional), softmax", size=12))
    b.append(arrow(150, 356, 150, 378))
    b.append(path("M330,216 L330,394 L242,394"))
    b.append(box(60, 380, 180, 30, "weights × V", size=12))
    b.append(arrow(150, 410, 150, 430))
    b.append(text(150, 446, "head output: n × d_v", 12))
    # Right: multi-head.
    ox = 420
    b.append(text(ox + 170, 22, f"multi-head attention (h heads)", 14))
    b.append(box(ox + 120, 40, 100, 34, "X"))
    heads = [("head 1", "c1"), ("head 2", "c2"), ("…", None), ("head h", "c4")]
    for i, (name, col) in enumerate(heads):
        x = ox + 10 + i * 85
        if col is None:
            b.append(text(x + 35, 185, "…", 18))
            continue
        b.append(path(f"M{ox + 170},74 C{ox + 170},100 {x + 35},100 {x + 35},140"))
        b.append(box(x, 142, 70, 76, name, size=12, fill=col, sub=None))
        b.append(text(x + 35, 204, "own Wᵢ", 10, "m"))
        b.append(path(f"M{x + 35},218 C{x + 35},250 {ox + 170},240 {ox + 170},268"))
    b.append(box(ox + 80, 270, 180, 34, "concatenate", size=12))
    b.append(text(ox + 178, 321, "n × (h·d_v) = n × d_model", 11, "m", "start"))
    b.append(arrow(ox + 170, 304, ox + 170, 330))
    b.append(box(ox + 80, 332, 180, 34, "× W<tspan baseline-shift=\"sub\" font-size=\"10\">O</tspan>", size=12, fill="c5"))
    b.append(arrow(ox + 170, 366, ox + 170, 388))
    b.append(text(ox + 170, 404, "output: n × d_model", 12))
    b.append(text(ox + 170, 436, "base model: d_model = 512, h = 8, d_k = d_v = 64", 11, "m"))
    figkit.svg(SLUG, "qkv-multihead", 780, 460, "".join(b),
               "Left: one attention head projects X to Q, K and V, scores QK-transpose over root d_k, masks, applies a "
               "row softmax and averages V. Right: h heads with their own projections run in parallel, are "
               "concatenated and multiplied by W_O.")


# ---------- positional encodings ----------

def positional_encoding(d=512, n=100, pair=32, k=3, bands=16):
    """Hand-written SVG in three parts. Top: PE(pos, 2i) and PE(pos, 2i+1) for d_model = 512 and positions 0-99 as two
    heat maps (columns are the 256 pairs i, 1 px each; rows the positions, 2 px each). Bottom left: each pair's
    wavelength 2*pi/omega_i on a log axis, aligned with the maps' columns. Bottom right: one pair's (sin, cos) point
    for positions 0-19 on the unit circle, where a shift by k is the same turn by k*omega from any position.

    The maps are filled contours, not 25,600 cells. In column i the phase is pos * omega_i, so the region where the
    phase exceeds c lies below the curve pos = c * 10000^(2i/d): one curve scaled vertically by c. A single path in
    <defs> therefore serves every band through <use transform="scale(1,c)">, painted in order of c, each opaque band
    over the last. Band j spans phases (j - 1/2) to (j + 1/2) times 2pi/bands and has class b(j mod bands); each map
    sets the custom properties --b0 ... to the colour of sin or cos at the band's middle phase (palette mixed into the
    panel colour), so one group of bands draws both maps."""
    half, col, row = d // 2, 1, 2                  # 256 columns of 1 px, positions 2 px apart
    w, h = half * col, n * row
    xs, xc, top = 86, 86 + w + 34, 50              # left edges of the sine and cosine maps, their top
    step = 2 * np.pi / bands

    def colour(v):
        v = round(float(v), 6)
        return "var(--panel)" if v == 0 else \
            f"color-mix(in srgb,var(--c{1 if v > 0 else 2}) {round(90 * abs(v))}%,var(--panel))"

    css = "".join(f".b{j}{{fill:var(--b{j})}}" for j in range(bands))
    for name, fn in (("S", np.sin), ("C", np.cos)):
        css += f".{name}{{" + ";".join(f"--b{j}:{colour(fn(j * step))}" for j in range(bands)) + "}"
    # The curve pos = 10000^(2i/d) for a phase of 1 (x in px from the centre of column 0, y in px from the centre of
    # row 0), closed far below the map; sampled every 2 px, which keeps the polyline within 0.05 % of the curve.
    xs_curve = np.arange(-1.0, w + 1.5, 2.0)
    ys_curve = row * 10000.0 ** (2 * (xs_curve / col) / d)
    curve = "M" + "L".join(f"{x:g},{y:.4g}" for x, y in zip(xs_curve, ys_curve)) + f"V1e6H{xs_curve[0]:g}Z"
    group, j = [f'<rect x="-1" y="-1" width="{w + 2}" height="{h + 2}" class="b0"/>'], 1
    while (j - 0.5) * step < n - 0.5:              # the largest phase shown: pair 0 (omega = 1), last row
        group.append(f'<use href="#u" transform="scale(1,{(j - 0.5) * step:.5g})" class="b{j % bands}"/>')
        j += 1
    b = [f"<style>{css}</style>",
         f'<defs><path id="u" d="{curve}"/><clipPath id="pe-clip"><rect width="{w}" height="{h}"/></clipPath>'
         f'<g id="bands">{"".join(group)}</g></defs>']
    for x0, name, title, offset in ((xs, "S", "sine: PE(pos, 2i)", 0), (xc, "C", "cosine: PE(pos, 2i + 1)", 1)):
        b.append(text(x0 + w / 2 + 20, top - 12, title, 13))
        b.append(f'<g transform="translate({x0},{top})" clip-path="url(#pe-clip)">'
                 f'<use href="#bands" transform="translate({col / 2},{row / 2})" class="{name}"/></g>')
        b.append(f'<rect x="{x0}" y="{top}" width="{w}" height="{h}" class="lm"/>')
        for i in (0, 64, 128, 192, 255):           # dimension ticks under each map
            x = x0 + (i + 0.5) * col
            b.append(f'<path d="M{x},{top + h}v4" class="lm"/>')
            b.append(text(x, top + h + 16, 2 * i + offset, 11))
        b.append(text(x0 + w / 2, top + h + 32, f"dimension 2i{' + 1' if offset else ''}", 12, "m"))
        xp = x0 + (pair + 0.5) * col               # the pair of the circle panel
        b.append(f'<path d="M{xp},{top - 3}l-4,-7h8z" class="f3"/>')
        b.append(text(xp - 6, top - 4, 2 * pair + offset, 10, "m", "end"))
    for p in (0, 25, 50, 75, 99):                  # position ticks
        y = top + (p + 0.5) * row
        b.append(f'<path d="M{xs - 4},{y}h4" class="lm"/>')
        b.append(text(xs - 7, y + 4, p, 11, anchor="end"))
    b.append(text(20, top + h / 2, "position pos", 12, "m", extra=f' transform="rotate(-90 20 {top + h / 2})"'))
    kx, ky = xc + w + 16, top + 22                 # colour key: the value of each band
    b.append(text(kx + 8, ky - 8, "value", 11, "m"))
    keys = [np.sin(j * step) for j in range(bands // 4, -bands // 4 - 1, -1)]
    for q, v in enumerate(keys):
        b.append(f'<rect x="{kx}" y="{ky + 14 * q}" width="16" height="14" style="fill:{colour(v)}"/>')
    b.append(f'<rect x="{kx}" y="{ky}" width="16" height="{14 * len(keys)}" class="lm"/>')
    for v, q in (("+1", 0), ("0", len(keys) // 2), ("−1", len(keys) - 1)):
        b.append(text(kx + 20, ky + 14 * q + 11, v, 11, anchor="start"))

    # Wavelengths, aligned with the maps' columns: a straight line on a log axis is a geometric progression.
    i = np.arange(half)
    omega = 10000.0 ** (-2 * i / d)
    lam = 2 * np.pi / omega
    gy, gh = top + h + 86, 150                     # top of the wavelength plot and its height (1 to 100,000)
    ly = lambda v: gy + gh * (1 - np.log10(v) / 5)
    x_of = lambda a: xs + (a + 0.5) * col
    b.append(text(xs + w / 2, gy - 24, "wavelength of each pair (log scale)", 13))
    for e in range(6):
        y = ly(10.0 ** e)
        b.append(f'<path d="M{xs},{y:.1f}h{w}" class="lm" style="stroke:var(--grid)"/>')
        b.append(text(xs - 7, y + 4, f"{10 ** e:,}", 11, anchor="end"))
    b.append(f'<path d="M{x_of(0)},{ly(lam[0]):.2f}L{x_of(half - 1)},{ly(lam[-1]):.2f}" class="ln s1" '
             f'style="stroke-width:2"/>')
    b.append(text(xs + 8, gy + 18, "geometric: ×10 every 64 pairs", 11, "m", "start"))
    b.append(f'<path d="M{xs},{ly(n):.1f}h{w}" class="lm" style="stroke-dasharray:4 3"/>')
    b.append(text(xs + w - 4, ly(n) + 14, f"{n} positions, the maps’ height", 11, "m", "end"))
    b.append(f'<circle cx="{x_of(0)}" cy="{ly(lam[0]):.1f}" r="3" class="f1"/>')
    b.append(text(x_of(0) + 4, ly(lam[0]) + 16, f"2π ≈ {lam[0]:.1f}", 11, anchor="start"))
    b.append(f'<circle cx="{x_of(half - 1)}" cy="{ly(lam[-1]):.1f}" r="3" class="f1"/>')
    b.append(text(x_of(half - 1) - 6, gy - 5, f"≈ {round(lam[-1], -2):,.0f}", 11, anchor="end"))
    b.append(f'<circle cx="{x_of(pair)}" cy="{ly(lam[pair]):.1f}" r="3" class="f3"/>')
    b.append(text(x_of(pair) + 10, ly(lam[pair]) + 10, f"pair {pair}: {lam[pair]:.1f}", 11, anchor="start"))
    b.append(f'<rect x="{xs}" y="{gy}" width="{w}" height="{gh}" class="lm"/>')
    for a in (0, 64, 128, 192, 255):
        b.append(f'<path d="M{x_of(a)},{gy + gh}v4" class="lm"/>')
        b.append(text(x_of(a), gy + gh + 16, a, 11))
    b.append(text(xs + w / 2, gy + gh + 32, "pair i", 12, "m"))
    b.append(text(20, gy + gh / 2, "positions per turn", 12, "m",
                  extra=f' transform="rotate(-90 20 {gy + gh / 2})"'))

    # One pair on the unit circle: x = sin(omega pos), y = cos(omega pos), so the point turns clockwise from the top.
    om = omega[pair]
    cx, cy, r = xc + w / 2, gy + gh / 2 - 6, 62
    pt = lambda p, rr=r: (cx + rr * np.sin(om * p), cy - rr * np.cos(om * p))
    angle = np.degrees(k * om)
    b.append(text(cx, gy - 24, f"pair {pair} (dimensions {2 * pair} and {2 * pair + 1}), ω = {om:.3f}", 13))
    b.append(f'<path d="M{cx - r - 12},{cy}h{2 * r + 24}M{cx},{cy - r - 12}v{2 * r + 24}" class="lm" '
             f'style="stroke:var(--grid)"/>')
    b.append(f'<circle cx="{cx}" cy="{cy}" r="{r}" class="lm"/>')
    b.append(text(cx + r + 15, cy + 4, "sin", 11, "m", "start"))
    b.append(text(cx - 5, cy - r - 6, "cos", 11, "m", "end"))
    for p in range(int(np.ceil(2 * np.pi / om))):
        x, y = pt(p)
        b.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.2" class="m"/>')
    b.append(text(cx - 8, cy - r + 15, 0, 11, "m"))
    for p0, c in ((1, "1"), (11, "2")):
        for p in (p0, p0 + k):
            x, y = pt(p)
            b.append(f'<path d="M{cx},{cy}L{x:.1f},{y:.1f}" class="ln s{c}" style="stroke-width:1.6"/>')
            b.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.2" class="f{c}"/>')
            lx, lyy = pt(p, r + 13)
            b.append(text(f"{lx:.1f}", f"{lyy + 4:.1f}", p, 11))
        ra = 36
        (x1, y1), (x2, y2) = pt(p0, ra), pt(p0 + k, ra)
        b.append(f'<path d="M{x1:.1f},{y1:.1f}A{ra},{ra} 0 0 1 {x2:.1f},{y2:.1f}" class="ln s{c}" '
                 f'style="stroke-width:1.2" marker-end="url(#arrow)"/>')
    b.append(text(cx, cy + r + 34, f"pos → pos + {k}: a {angle:.0f}° turn ({k}ω = {k * om:.3f} rad),", 12))
    b.append(text(cx, cy + r + 50, "the same from 1, from 11 or from any position", 12))  # the two p0 above
    width, height = kx + 44, int(gy + gh + 42)
    figkit.svg(SLUG, "positional-encoding", width, height, "".join(b),
               f"Sinusoidal positional encodings for d_model = {d} and positions 0 to {n - 1}: the sine and cosine "
               f"dimensions as heat maps, the wavelength of each pair from 2π to about "
               f"{round(lam[-1], -2):,.0f} positions, and pair {pair} on the unit circle, where a shift by {k} positions "
               f"is a turn by {angle:.0f} degrees.")
    pe, _ = sinusoidal(n, d)
    print(f"positional encoding: PE(1)[:4] {np.round(pe[1, :4], 3)}, wavelengths {lam[0]:.3f} .. {lam[-1]:,.0f}, "
          f"pair {pair}: omega {om:.4f}, {k} steps = {k * om:.3f} rad = {angle:.1f} deg")


def block_diagram():
    b = []
    W = 710
    # Encoder column.
    ex, dx, bw = 80, 400, 230
    b.append(text(ex + bw / 2, 22, "encoder", 14))
    b.append(text(dx + bw / 2, 22, "decoder", 14))

    def layer(x, y, rows, label):
        h = 14 + sum(r[1] + 12 for r in rows)
        out = [f'<rect x="{x - 14}" y="{y}" width="{bw + 28}" height="{h}" rx="10" class="lm" '
               f'style="stroke-dasharray:5 4"/>', (text(x - 22, y + h / 2, label, 13, "m", "end") if x == ex else
                                                text(x + bw + 22, y + h / 2, label, 13, "m", "start"))]
        yy = y + 12
        centres = []
        for name, hh, col in rows:
            out.append(box(x, yy, bw, hh, name, size=12, fill=col))
            centres.append((yy, hh))
            yy += hh + 12
        return out, centres, y + h

    enc_rows = [("multi-head self-attention", 34, "c1"), ("add &amp; norm", 24, None),
                ("feed-forward", 34, "c3"), ("add &amp; norm", 24, None)]
    dec_rows = [("masked multi-head self-attention", 34, "c1"), ("add &amp; norm", 24, None),
                ("cross-attention (K, V from encoder)", 34, "c2"), ("add &amp; norm", 24, None),
                ("feed-forward", 34, "c3"), ("add &amp; norm", 24, None)]
    # Decoder from top: output probabilities, softmax, linear, layers, embedding, inputs.
    b.append(text(dx + bw / 2, 50, "output probabilities", 12))
    b.append(box(dx, 60, bw, 28, "softmax", size=12))
    b.append(arrow(dx + bw / 2, 60, dx + bw / 2, 56))
    b.append(box(dx, 100, bw, 28, "linear (shared embedding)", size=12))
    b.append(arrow(dx + bw / 2, 100, dx + bw / 2, 90))
    parts, dc, dbottom = layer(dx, 140, list(reversed(dec_rows)), "N×")
    b += parts
    b.append(arrow(dx + bw / 2, 140 + 12 - 0, dx + bw / 2, 130))
    # Encoder layers aligned to the decoder's lower part.
    parts, ec, ebottom = layer(ex, dbottom - (14 + sum(r[1] + 12 for r in enc_rows)), list(reversed(enc_rows)), "N×")
    b += parts
    for x, centres, bottom in ((ex, ec, ebottom), (dx, dc, dbottom)):
        for (y1, h1), (y2, h2) in zip(centres[1:], centres[:-1]):
            b.append(arrow(x + bw / 2, y1, x + bw / 2, y2 + h2 + 1))
        # residual connections: skip each sublayer (from below the sublayer to its add & norm)
        for k in range(0, len(centres), 2):
            y_norm, h_norm = centres[k]
            y_sub, h_sub = centres[k + 1]
            ys = y_sub + h_sub + 6
            b.append(path(f"M{x + bw / 2},{ys} L{x + bw + 8},{ys} L{x + bw + 8},{y_norm + h_norm / 2} "
                          f"L{x + bw + 1},{y_norm + h_norm / 2}", "lm"))
        # tokens → embedding × √d_model → ⊕ positional encoding → the layers, as in the paper
        b.append(f'<circle cx="{x + bw / 2}" cy="{bottom + 16}" r="9" class="box"/>')
        b.append(text(x + bw / 2, bottom + 21, "+", 15))
        b.append(arrow(x + bw / 2, bottom + 7, x + bw / 2, bottom - 11))
        b.append(text(x + bw / 2 + 16, bottom + 21, "positional encoding", 11, "m", "start"))
        b.append(arrow(x + bw / 2, bottom + 54, x + bw / 2, bottom + 27))
        b.append(box(x, bottom + 54, bw, 30, "embedding × √d_model", size=12))
        b.append(arrow(x + bw / 2, bottom + 100, x + bw / 2, bottom + 86))
    b.append(text(ex + bw / 2, ebottom + 116, "source tokens", 12))
    b.append(text(dx + bw / 2, dbottom + 116, "target tokens, shifted right", 12))
    # Encoder output to the decoder's cross-attention.
    y_cross = dc[3][0] + dc[3][1] / 2
    mid = (ex + bw + dx) / 2
    top = ec[0][0] - 34
    b.append(path(f"M{ex + bw / 2},{ec[0][0]} L{ex + bw / 2},{top} L{mid},{top} L{mid},{y_cross} L{dx - 1},{y_cross}"))
    b.append(text(ex + bw / 2, top - 8, "encoder output (to every decoder layer)", 11, "m"))
    H = int(dbottom + 130)
    figkit.svg(SLUG, "transformer-block", W, H, "".join(b),
               "The 2017 Transformer: an encoder of N layers (self-attention, feed-forward, each followed by add and "
               "norm) and a decoder of N layers (masked self-attention, cross-attention to the encoder output, "
               "feed-forward), then a linear layer and softmax.")


def main():
    heatmap()
    qkv_diagram()
    positional_encoding()
    block_diagram()


if __name__ == "__main__":
    main()
