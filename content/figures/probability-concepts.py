"""Figures for Probability Concepts: PMF/PDF against CDF for three distributions, a Beta prior updated by coin flips,
and the disease test as a tree of natural frequencies."""
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


def main():
    pmf_pdf_cdf()
    beta_update()
    frequency_tree()
