"""Figures for after-the-transformer.md: compute-optimal scaling (Kaplan vs Chinchilla) and a timeline of families."""
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


def main():
    scaling()
    timeline()


if __name__ == "__main__":
    main()
