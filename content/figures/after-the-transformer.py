"""Figures for after-the-transformer.md: compute-optimal scaling (Kaplan vs Chinchilla), a timeline of families, and
the attention masks and pretraining objectives of the three Transformer families."""
import numpy as np

import figkit

SLUG = "after-the-transformer"
PF_DAY = 1e15 * 86400  # FLOPs in one petaflop/s-day

# Kaplan et al. (2020), compute-efficient frontier: N_opt = 1.3e9 * (C_min / PF-day)^0.73 (non-embedding parameters).
KAPLAN_NE, KAPLAN_PN = 1.3e9, 0.73
# Hoffmann et al. (2022), approach 3 fit: L(N, D) = E + A / N^alpha + B / D^beta, constants as printed.
E, A, B, ALPHA, BETA = 1.69, 406.4, 410.7, 0.34, 0.28

# Dense models: (label, parameters, training tokens) as reported by their papers or model cards.
# (label, N, D, label x factor, label y factor, alignment)
MODELS = [("GPT-3", 175e9, 300e9, 0.8, 1.0, "right"), ("Gopher", 280e9, 300e9, 0.8, 1.15, "right"),
          ("Chinchilla", 70e9, 1.4e12, 1.3, 0.75, "left"), ("LLaMA-65B", 65e9, 1.4e12, 0.8, 0.75, "right"),
          ("Llama 2 70B", 70e9, 2.0e12, 1.3, 1.12, "left"), ("Llama 3 8B", 8e9, 15e12, 1.3, 1.0, "left"),
          ("Llama 3 70B", 70e9, 15e12, 1.3, 0.8, "left"), ("Llama 3.1 405B", 405e9, 15.6e12, 0.8, 1.2, "right")]


def kaplan_n(c):
    return KAPLAN_NE * (c / PF_DAY) ** KAPLAN_PN


def chinchilla_n(c):
    """Minimise E + A/N^a + B/D^b subject to 6ND = C: N_opt = G (C/6)^(b/(a+b)), G = (aA/(bB))^(1/(a+b))."""
    g = (ALPHA * A / (BETA * B)) ** (1 / (ALPHA + BETA))
    return g * (c / 6) ** (BETA / (ALPHA + BETA))


def loss(n, d):
    return E + A / n ** ALPHA + B / d ** BETA


def scaling():
    c = np.array([1e21, 1e26])  # power laws are straight lines on log-log axes
    fig, (ax, ax2) = figkit.figure(10.2, 4.3, ncols=2)
    ax.loglog(c, kaplan_n(c), color=figkit.C[1], label="Kaplan et al. (2020): N ∝ C^0.73")
    ax.loglog(c, chinchilla_n(c), color=figkit.C[0], label=f"Hoffmann et al. (2022) parametric fit: N ∝ C^{BETA / (ALPHA + BETA):.2f}")
    ax.loglog(c, np.sqrt(c / 120), color=figkit.C[0], ls="--", lw=1.3, label="20 tokens per parameter: N = √(C/120)")
    for name, n, d, fx, fy, ha in MODELS:
        ax.plot(6 * n * d, n, "o", color=figkit.C[2], ms=5)
        ax.annotate(name, (6 * n * d * fx, n * fy), fontsize=8, ha=ha, va="center", color=figkit.FG)
    ax.set_xlabel("training compute C (FLOPs)")
    ax.set_ylabel("parameters N")
    ax.set_ylim(3e9, 3e13)
    ax.set_xlim(1e21, 1e26)
    ax.set_title("compute-optimal model size", fontsize=11)
    ax.legend(fontsize=8, loc="upper left")
    # Right: Chinchilla's fitted loss along iso-FLOP lines, D = C / 6N.
    n = np.logspace(8.5, 12.5, 90)
    for i, budget in enumerate((1e21, 1e22, 1e23, 1e24, 1e25)):
        l = loss(n, budget / (6 * n))
        ax2.semilogx(n, l, color=figkit.C[i], label=f"C = 1e{int(np.log10(budget))} FLOPs")
        k = np.argmin(l)
        ax2.plot(n[k], l[k], "o", color=figkit.C[i], ms=5)
    ax2.set_ylim(1.8, 3.0)
    ax2.set_xlabel("parameters N (tokens D = C / 6N)")
    ax2.set_ylabel("fitted loss (nats per token)")
    ax2.set_title("Chinchilla fit along fixed budgets", fontsize=11)
    ax2.legend(fontsize=8, loc="upper right")
    for a in (ax, ax2):
        a.minorticks_off()
    fig.tight_layout()
    figkit.save(fig, SLUG, "scaling-laws")
    for budget in (5.76e23, 1e24, 3.8e25):
        print(f"C={budget:.2e}: Kaplan N={kaplan_n(budget):.3g}, Chinchilla-fit N={chinchilla_n(budget):.3g}, "
              f"20 tok/param N={np.sqrt(budget / 120):.3g}")
    for name, n, d, *_ in MODELS:
        print(f"{name}: C={6 * n * d:.2e}, tokens/param={d / n:.0f}")


# (lane, label, year + (month - 0.5) / 12)
LANES = ["encoder-only", "encoder–decoder", "decoder-only, closed", "decoder-only, open", "mixture of experts",
         "state-space / hybrid", "reasoning"]
EVENTS = [
    (1, "Transformer", 2017, 6), (0, "BERT", 2018, 10), (0, "RoBERTa", 2019, 7), (1, "T5, BART", 2019, 10),
    (2, "GPT-1", 2018, 6), (2, "GPT-2", 2019, 2), (2, "GPT-3", 2020, 5), (2, "InstructGPT", 2022, 3),
    (2, "ChatGPT", 2022, 11), (2, "GPT-4", 2023, 3),
    (3, "LLaMA", 2023, 2), (3, "Llama 2", 2023, 7), (3, "Mistral 7B", 2023, 9), (3, "Llama 3", 2024, 4),
    (3, "Llama 3.1 405B", 2024, 7), (3, "Llama 4", 2025, 4),
    (4, "Switch", 2021, 1), (4, "Mixtral", 2023, 12), (4, "DeepSeek-V2", 2024, 5), (4, "DeepSeek-V3", 2024, 12),
    (5, "S4", 2021, 10), (5, "Mamba", 2023, 12), (5, "Jamba", 2024, 3), (5, "Mamba-2", 2024, 5),
    (6, "chain of thought", 2022, 1), (6, "o1", 2024, 9), (6, "DeepSeek-R1", 2025, 1),
]


def timeline():
    w, left, right, top, lane_h = 980, 170, 40, 40, 58
    y0, y1 = 2017.0, 2025.75
    h = top + lane_h * len(LANES) + 40
    sx = lambda t: left + (t - y0) / (y1 - y0) * (w - left - right)
    b = []
    for year in range(2017, 2026):
        x = sx(year)
        b.append(f'<line x1="{x:.1f}" y1="{top - 8}" x2="{x:.1f}" y2="{h - 30}" class="lm" style="opacity:0.5"/>')
        b.append(f'<text x="{x:.1f}" y="{h - 14}" text-anchor="middle" font-size="12" class="m">{year}</text>')
    for i, lane in enumerate(LANES):
        y = top + lane_h * i + lane_h / 2
        b.append(f'<text x="{left - 12}" y="{y + 4}" text-anchor="end" font-size="12" class="t">{lane}</text>')
        b.append(f'<line x1="{left}" y1="{y}" x2="{w - right}" y2="{y}" class="lm"/>')
    levels = (-9, 18, -22)  # label baselines relative to the lane: above, below, further above
    edge = {}
    for lane, label, year, month in sorted(EVENTS, key=lambda e: (e[0], e[2], e[3])):
        t = year + (month - 0.5) / 12
        x, y = sx(t), top + lane_h * lane + lane_h / 2
        half = 3.0 * len(label) + 3
        level = next((k for k in range(len(levels)) if edge.get((lane, k), -1e9) < x - half), len(levels) - 1)
        edge[(lane, level)] = x + half
        b.append(f'<circle cx="{x:.1f}" cy="{y}" r="5" class="f{lane % 7 + 1}"/>')
        ty = y + levels[level]
        b.append(f'<text x="{x:.1f}" y="{ty}" text-anchor="middle" font-size="10.5" class="t">{label}</text>')
    figkit.svg(SLUG, "timeline", w, h, "".join(b),
               "Timeline of Transformer model families, 2017 to 2025, one lane per family, each dot a landmark "
               "paper or release placed at its month.")


# The three families of "Three branches from one trunk" on one sentence. Per panel: (title, landmark, pattern, objective,
# rows). Each row is (input token, target or None, stack): the token at that position, what the output there is trained
# to predict (None: no loss), and which stack it is in ("enc" bidirectional, "dec" causal; a "dec" row also attends to
# every "enc" column, the cross-attention). The third panel is T5's span corruption (Raffel et al., 2020): the span
# "sat on" becomes the sentinel <X>, and the decoder, fed a start token, writes <X> sat on <Y>.
FAMILIES = [
    ("encoder-only", "BERT (2018)", "bidirectional", "reconstruct masked tokens",
     [("The", None, "enc"), ("cat", None, "enc"), ("[MASK]", "sat", "enc"), ("on", None, "enc"), ("the", None, "enc"),
      ("mat", None, "enc")]),
    ("decoder-only", "GPT-1 (2018)", "causal", "predict the next token",
     [("The", "cat", "dec"), ("cat", "sat", "dec"), ("sat", "on", "dec"), ("on", "the", "dec"), ("the", "mat", "dec")]),
    ("encoder–decoder", "T5, BART (2019)", "bidirectional in, causal out", "reconstruct corrupted spans",
     [("The", None, "enc"), ("cat", None, "enc"), ("&lt;X&gt;", None, "enc"), ("the", None, "enc"),
      ("mat", None, "enc"), ("start", "&lt;X&gt;", "dec"), ("&lt;X&gt;", "sat", "dec"), ("sat", "on", "dec"),
      ("on", "&lt;Y&gt;", "dec")]),
]


def visible(rows, i, j):
    """Which attention may row i use on column j: "f1" bidirectional, "f2" causal, "f3" cross-attention, None masked.
    A decoder row sees every encoder column (cross-attention) and the decoder columns up to its own."""
    si, sj = rows[i][2], rows[j][2]
    if si == "enc":
        return "f1" if sj == "enc" else None
    if sj == "enc":
        return "f3"
    return "f2" if j <= i else None


def attention_masks():
    """One grid per family: row i is the position attending, column j a position it may attend to. Cells are drawn
    as dashed strokes (one path per colour) and text in groups that carry the shared attributes, to keep the SVG small."""
    cell, top, gap = 24, 84, 6  # gap: between the encoder and decoder blocks of the third panel
    b, lefts = [], (72, 356, 640)
    for (title, landmark, pattern, objective, rows), x0 in zip(FAMILIES, lefts):
        n = len(rows)
        split = next((k for k in range(1, n) if rows[k][2] != rows[k - 1][2]), None)
        pos = lambda k: k * cell + (gap if split is not None and k >= split else 0)
        b.append(f'<g class="t" font-size="12"><text x="{x0 - 56}" y="20" font-size="14">{title} '
                 f'<tspan class="m" font-size="12">{landmark}</tspan></text>'
                 f'<text x="{x0 - 56}" y="40"><tspan class="m">attention:</tspan> {pattern}</text>'
                 f'<text x="{x0 - 56}" y="58"><tspan class="m">objective:</tspan> {objective}</text></g>')
        runs, empty = {}, []
        for i in range(n):
            j = 0
            while j < n:
                cls = visible(rows, i, j)
                k = j
                while k < n and visible(rows, i, k) == cls and (split is None or k == j or k != split):
                    k += 1
                x, y = x0 + pos(j), top + pos(i)
                if cls:  # a run of visible cells: one stroke, dashed into squares
                    runs.setdefault(cls, []).append(f"M{x + 1} {y + cell // 2}h{(k - j) * cell - 2}")
                else:
                    empty += [f"M{x0 + pos(m) + 1.5} {y + 1.5}h{cell - 3}v{cell - 3}h{3 - cell}z" for m in range(j, k)]
                j = k
        for cls, d in sorted(runs.items()):
            b.append(f'<path d="{"".join(d)}" class="s{cls[1:]}" '
                     f'style="stroke-width:{cell - 2};stroke-dasharray:{cell - 2} 2"/>')
        if empty:
            b.append(f'<path d="{"".join(empty)}" style="fill:none;stroke:var(--grid)"/>')
        xr = x0 + pos(n - 1) + cell + 10
        labels, targets, cols = [], [], []
        for i, (token, target, _) in enumerate(rows):
            y = top + pos(i) + cell // 2 + 4
            start = ' class="m" font-style="italic"' if token == "start" else ""
            labels.append(f'<text x="{x0 - 6}" y="{y}"{start}>{token}</text>')
            targets.append(f'<text x="{xr}" y="{y}" font-weight="bold">{target}</text>' if target else
                           f'<text x="{xr}" y="{y}" class="m">–</text>')
            cx, cy = x0 + pos(i) + cell // 2 + 4, top + pos(n - 1) + cell + 8
            cols.append(f'<text x="{cx}" y="{cy}" transform="rotate(-60 {cx} {cy})"{start}>{token}</text>')
        b.append(f'<g class="t" font-size="11" text-anchor="end">{"".join(labels)}</g>'
                 f'<g class="t" font-size="11"><text x="{xr}" y="{top - 8}" class="m" font-size="10">predicts</text>'
                 f'{"".join(targets)}</g><g class="t" font-size="10" text-anchor="end">{"".join(cols)}</g>')
        if split is not None:
            for label, a, z in (("encoder", 0, split), ("decoder", split, n)):
                ya, yz = top + pos(a) + 2, top + pos(z - 1) + cell - 2
                xm, ym = x0 - 52, (ya + yz) // 2
                b.append(f'<path d="M{xm + 6} {ya}h-4v{yz - ya}h4" class="lm"/>'
                         f'<text x="{xm - 4}" y="{ym}" text-anchor="middle" font-size="10" class="m" '
                         f'transform="rotate(-90 {xm - 4} {ym})">{label}</text>')
    base = top + 9 * cell + gap + 62  # under the tallest grid's column labels
    legend = (("f1", "bidirectional self-attention"), ("f2", "causal self-attention"),
              ("f3", "cross-attention into the encoder"), (None, "masked: not visible"))
    x, items = 16, []
    for cls, label in legend:
        style = f'class="{cls}"' if cls else 'style="fill:none;stroke:var(--grid)"'
        items.append(f'<rect x="{x}" y="{base - 10}" width="12" height="12" {style}/>'
                     f'<text x="{x + 18}" y="{base}">{label}</text>')
        x += 34 + round(6.1 * len(label))
    items.append(f'<text x="16" y="{base + 22}" class="m">Each row is one position: its input token, the tokens it '
                 f'may attend to (its row of the grid), and what its output is trained to predict (– no loss).</text>')
    b.append(f'<g class="t" font-size="11">{"".join(items)}</g>')
    figkit.svg(SLUG, "attention-masks", 940, base + 32, "".join(b),
               "Attention masks and pretraining objectives of the three Transformer families on one sentence: "
               "encoder-only (bidirectional, masked tokens), decoder-only (causal, next token) and encoder-decoder "
               "(bidirectional encoder, causal decoder with cross-attention, corrupted spans).")

def main():
    scaling()
    timeline()
    attention_masks()


if __name__ == "__main__":
    main()
