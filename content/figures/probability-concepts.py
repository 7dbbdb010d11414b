"""Figures for Probability Concepts: PMF/PDF against CDF for three distributions, the joint distribution of the first
die and the sum of two dice with its marginals and one conditional, a Beta prior updated by coin flips, and the disease
test as a tree of natural frequencies."""
from fractions import Fraction

import numpy as np
from scipy import stats

import figkit

SLUG = "probability-concepts"


def pmf_pdf_cdf():
    fig, axes = figkit.figure(8.4, 4.6, nrows=2, ncols=3)
    # binomial: stems for the PMF, a staircase for the CDF
    n, p = 10, 0.3
    k = np.arange(0, n + 1)
    pmf = stats.binom.pmf(k, n, p)
    ax = axes[0, 0]
    ax.vlines(k, 0, pmf, color=figkit.C[0], linewidth=2.5)
    ax.plot(k, pmf, "o", color=figkit.C[0], markersize=4)
    ax.set_title(f"Binomial(n={n}, p={p}): PMF", fontsize=10)
    ax = axes[1, 0]
    xs = np.concatenate([[-1], k, [n + 1]])
    ax.step(xs, stats.binom.cdf(xs, n, p), where="post", color=figkit.C[0])
    ax.set_title("CDF: a staircase", fontsize=10)
    ax.set_xlim(-1, n + 1)
    # standard normal
    x = np.linspace(-4, 4, 161)
    axes[0, 1].plot(x, stats.norm.pdf(x), color=figkit.C[1])
    mask = np.abs(x) <= 1
    share = stats.norm.cdf(1) - stats.norm.cdf(-1)
    axes[0, 1].fill_between(x[mask], stats.norm.pdf(x[mask]), color=figkit.C[1], alpha=0.25, linewidth=0)
    axes[0, 1].text(0, 0.12, f"{share:.1%}", ha="center", color=figkit.FG, fontsize=9)
    axes[0, 1].set_title("Normal(0, 1): PDF", fontsize=10)
    axes[1, 1].plot(x, stats.norm.cdf(x), color=figkit.C[1])
    axes[1, 1].set_title("CDF: an S-curve", fontsize=10)
    # exponential
    x = np.linspace(0, 5, 126)
    axes[0, 2].plot(x, stats.expon.pdf(x), color=figkit.C[2])
    axes[0, 2].set_title("Exponential(λ=1): PDF", fontsize=10)
    axes[1, 2].plot(x, stats.expon.cdf(x), color=figkit.C[2])
    med = stats.expon.median()
    axes[1, 2].plot([0, med, med], [0.5, 0.5, 0], color=figkit.MUTED, linewidth=0.8, linestyle=":")
    axes[1, 2].text(med + 0.15, 0.42, f"median {med:.2f}", color=figkit.FG, fontsize=9)
    axes[1, 2].set_title("CDF: 1 − e^(−x)", fontsize=10)
    for ax in axes[1]:
        ax.set_ylim(-0.03, 1.05)
        ax.set_xlabel("x")
    for ax in axes[0]:
        ax.set_ylim(bottom=0)
    fig.tight_layout()
    figkit.save(fig, SLUG, "pmf-pdf-cdf")


def beta_update():
    """Beta(2, 2) prior for a coin's heads probability, updated by cumulative data."""
    a0, b0 = 2, 2
    steps = [(0, 0), (3, 3), (7, 10), (70, 100)]  # (heads, flips) seen so far
    x = np.linspace(0, 1, 201)
    fig, ax = figkit.figure(6.4, 3.6)
    for i, (h, n) in enumerate(steps):
        a, b = a0 + h, b0 + n - h
        label = "prior Beta(2, 2)" if n == 0 else f"{h} heads in {n}: Beta({a}, {b})"
        ax.plot(x, stats.beta.pdf(x, a, b), color=figkit.C[i], label=label,
                linestyle="--" if n == 0 else "-")
    a, b = a0 + 70, b0 + 30
    lo, hi = stats.beta.ppf([0.025, 0.975], a, b)
    ax.axvspan(lo, hi, color=figkit.C[3], alpha=0.12, linewidth=0)
    ax.text(hi + 0.01, 7.6, f"95% of the final\nposterior: [{lo:.2f}, {hi:.2f}]", ha="left", color=figkit.FG, fontsize=9)
    ax.set_xlabel("heads probability θ")
    ax.set_ylabel("density")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 9.4)
    ax.legend(loc="upper left", fontsize=9)
    fig.tight_layout()
    figkit.save(fig, SLUG, "beta-update")


def frequency_tree():
    """10,000 people, 1% prevalence, 99% sensitivity, 95% specificity, as a tree of counts."""
    n, prev, sens, spec = 10_000, 0.01, 0.99, 0.95
    sick = round(n * prev)
    healthy = n - sick
    tp, fn = round(sick * sens), sick - round(sick * sens)
    fp = round(healthy * (1 - spec))
    tn = healthy - fp
    ppv = tp / (tp + fp)

    def node(x, y, w, text, cls="box", tcls="t"):
        return (f'<rect class="{cls}" x="{x - w / 2}" y="{y - 17}" width="{w}" height="34" rx="6"/>'
                f'<text class="{tcls}" x="{x}" y="{y + 5}" font-size="13" text-anchor="middle">{text}</text>')

    def edge(x1, y1, x2, y2, label, lx, ly):
        return (f'<line class="lm" x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" marker-end="url(#arrow)"/>'
                f'<text class="m" x="{lx}" y="{ly}" font-size="12" text-anchor="middle">{label}</text>')

    parts = [node(360, 30, 170, f"{n:,} people tested")]
    parts.append(edge(330, 47, 190, 103, f"{prev:.0%} sick", 225, 72))
    parts.append(edge(390, 47, 530, 103, f"{1 - prev:.0%} healthy", 500, 72))
    parts.append(node(180, 120, 130, f"{sick:,} sick"))
    parts.append(node(540, 120, 150, f"{healthy:,} healthy"))
    parts.append(edge(160, 137, 100, 193, f"{sens:.0%} +", 105, 165))
    parts.append(edge(200, 137, 260, 193, f"{1 - sens:.0%} −", 258, 165))
    parts.append(edge(520, 137, 460, 193, f"{1 - spec:.0%} +", 465, 165))
    parts.append(edge(560, 137, 620, 193, f"{spec:.0%} −", 622, 165))
    parts.append(f'<rect class="f2" x="40" y="193" width="120" height="34" rx="6" opacity="0.18"/>')
    parts.append(f'<rect class="f2" x="400" y="193" width="120" height="34" rx="6" opacity="0.18"/>')
    parts.append(node(100, 210, 120, f"{tp:,} positive", cls="box s2"))
    parts.append(node(260, 210, 120, f"{fn:,} negative"))
    parts.append(node(460, 210, 120, f"{fp:,} positive", cls="box s2"))
    parts.append(node(620, 210, 120, f"{tn:,} negative"))
    parts.append(f'<text class="t" x="360" y="272" font-size="14" text-anchor="middle">'
                 f'P(sick | positive) = {tp} / ({tp} + {fp}) = {tp} / {tp + fp} ≈ {ppv:.3f}</text>')
    parts.append(f'<text class="m" x="360" y="294" font-size="12" text-anchor="middle">'
                 f'the {fp} false positives from the large healthy group outnumber the {tp} true ones {fp / tp:.0f} to 1</text>')
    figkit.svg(SLUG, "frequency-tree", 720, 310, "".join(parts),
               "The disease test as natural frequencies: of 10,000 people, 99 true and 495 false positives")


def dice_joint():
    """Joint of the first die X and the sum S of two dice: its cells, both marginals, the conditional given S = 8."""
    joint = {}
    for a in range(1, 7):
        for b in range(1, 7):
            joint[a, a + b] = joint.get((a, a + b), 0) + Fraction(1, 36)
    p_x = {x: sum(v for (a, _), v in joint.items() if a == x) for x in range(1, 7)}
    p_s = {s: sum(v for (_, t), v in joint.items() if t == s) for s in range(2, 13)}
    given = 8
    cond = {x: joint.get((x, given), 0) / p_s[given] for x in range(1, 7)}
    assert sum(p_x.values()) == sum(p_s.values()) == sum(cond.values()) == 1
    x0, y0, w, h = 104, 62, 42, 28  # grid origin and cell size; rows x = 1..6, columns s = 2..12
    right = x0 + 11 * w
    cx_px, cx_cond = right + 50, right + 148

    def col(s):  # centre of the column of sum s
        return x0 + (s - 2) * w + w // 2

    def row(x):  # text baseline in the row of first die x
        return y0 + (x - 1) * h + h // 2 + 4

    def frac(v, denominator=None):
        if v == 0:
            return "0"
        if denominator:
            return f"{v * denominator}/{denominator}"
        return f"{v.numerator}/{v.denominator}"

    def t(x, y, body, extra=""):
        return f'<text x="{x}" y="{y}"{extra}>{body}</text>'

    parts = []
    # cells: each row's possible pairs form one run of six; the condition's column is drawn in the second colour
    for x in range(1, 7):
        runs = [(x + 1, min(x + 6, given - 1)), (max(x + 1, given + 1), x + 6)]
        for lo, hi in runs:
            if lo <= hi:
                parts.append(f'<rect class="f1" x="{x0 + (lo - 2) * w}" y="{y0 + (x - 1) * h}" '
                             f'width="{(hi - lo + 1) * w}" height="{h}" opacity="0.22"/>')
    parts.append(f'<rect class="f2" x="{x0 + (given - 2) * w}" y="{y0 + h}" width="{w}" height="{5 * h}" '
                 f'opacity="0.22"/>')
    grid = "".join(f"M{x0 + i * w},{y0}V{y0 + 6 * h}" for i in range(12))
    grid += "".join(f"M{x0},{y0 + j * h}H{right}" for j in range(7))
    parts.append(f'<path d="{grid}" style="stroke:var(--grid);fill:none"/>')
    parts.append(f'<path d="M{right + 12},{y0}V{y0 + 6 * h}M{right + 98},{y0}V{y0 + 6 * h}" class="lm"/>')
    # the condition S = 8: its column, outlined down to its marginal
    parts.append(f'<rect x="{x0 + (given - 2) * w}" y="{y0}" width="{w}" height="{6 * h + 26}" class="s2" '
                 f'style="fill:none;stroke-width:2"/>')
    yb = y0 + 6 * h + 19  # the row of P(S = s)
    # marginal of S as bars hanging below its numbers
    for s in range(2, 13):
        parts.append(f'<rect class="{"f2" if s == given else "f1"}" x="{col(s) - 12}" y="{yb + 8}" width="24" '
                     f'height="{p_s[s] * 36 * 7}"/>')
    # every label in the fg colour, 12 px, centred, unless it says otherwise
    labels = [t(x0 + 11 * w // 2, 22, "sum of the two dice, S", ' font-size="13"'),
              t(40, y0 + 3 * h, "first die, X", f' font-size="13" transform="rotate(-90 40 {y0 + 3 * h})"')]
    labels += [t(col(s), y0 - 8, s, ' font-size="13"' + (' class="f2" font-weight="bold"' if s == given else ""))
               for s in range(2, 13)]
    labels += [t(x0 - 12, row(x), x, ' font-size="13" text-anchor="end"') for x in range(1, 7)]
    labels += [t(col(s), row(x), frac(v), ' font-size="11"') for (x, s), v in sorted(joint.items())]
    labels.append(t(col(given), row(1), "0", ' class="m" font-size="11"'))
    labels += [t(cx_px, 30, "row sums", ' class="m" font-size="11"'), t(cx_px, y0 - 8, "P(X = x)"),
               t(cx_cond, 30, f"column {given} ÷ {frac(p_s[given], 36)}", ' class="m" font-size="11"'),
               t(cx_cond, y0 - 8, f"P(X = x | S = {given})", ' class="f2" font-weight="bold"')]
    for x in range(1, 7):
        labels.append(t(cx_px, row(x), frac(p_x[x])))
        labels.append(t(cx_cond, row(x), frac(cond[x]), ' class="f2"' if cond[x] else ' class="m"'))
    labels += [t(x0 - 12, yb, "P(S = s)", ' text-anchor="end"'),
               t(x0 - 12, yb + 16, "column sums", ' class="m" font-size="11" text-anchor="end"')]
    labels += [t(col(s), yb, frac(p_s[s], 36), ' font-size="11"' + (' class="f2"' if s == given else ""))
               for s in range(2, 13)]
    yn = yb + 8 + 42 + 30
    mid = (x0 - 60 + right + 200) // 2
    labels.append(t(mid, yn, f"Not independent: P(X = 1, S = {given}) = 0, but P(X = 1) · P(S = {given}) = "
                             f"{frac(p_x[1])} · {frac(p_s[given], 36)} ≠ 0, so the joint does not factorise.",
                    ' font-size="13"'))
    labels.append(t(mid, yn + 22, "The band rising to the right is the positive correlation of X and S, "
                                  "ρ = 1/√2 ≈ 0.71.", ' class="m"'))
    parts.append('<g class="t" font-size="12" text-anchor="middle">' + "".join(labels) + "</g>")
    figkit.svg(SLUG, "dice-joint", right + 204, yn + 32, "".join(parts),
               "Joint distribution of the first die and the sum of two dice, with both marginals and the "
               "conditional distribution of the first die given a sum of 8")


def main():
    pmf_pdf_cdf()
    dice_joint()
    beta_update()
    frequency_tree()
