"""Figures for gpt-decoder-only.md: sampling rules on one distribution, the KV cache, speculative decoding."""
import numpy as np

import figkit

SLUG = "gpt-decoder-only"
TOKENS = ["mat", "sofa", "floor", "roof", "moon"]
LOGITS = np.array([3.0, 2.0, 1.5, 0.5, -1.0])


def softmax(z):
    e = np.exp(z - z.max())
    return e / e.sum()


def keep_renormalise(p, keep):
    q = np.where(keep, p, 0.0)
    return q / q.sum()


def rules():
    p = softmax(LOGITS)
    order = np.argsort(-p)
    cum = np.cumsum(p[order])
    nucleus = np.zeros(len(p), dtype=bool)
    nucleus[order[:int(np.searchsorted(cum, 0.9)) + 1]] = True
    return [
        ("T = 1 (plain softmax)", p, np.ones(len(p), dtype=bool)),
        ("T = 0.5", softmax(LOGITS / 0.5), np.ones(len(p), dtype=bool)),
        ("T = 2", softmax(LOGITS / 2), np.ones(len(p), dtype=bool)),
        ("top-k, k = 2", keep_renormalise(p, p >= np.sort(p)[-2]), p >= np.sort(p)[-2]),
        ("top-p, p = 0.9", keep_renormalise(p, nucleus), nucleus),
        ("min-p, p_base = 0.1", keep_renormalise(p, p >= 0.1 * p.max()), p >= 0.1 * p.max()),
    ]


def sampling():
    fig, axes = figkit.figure(9.6, 4.6, nrows=2, ncols=3, sharey=True)
    p1 = softmax(LOGITS)
    for ax, (title, q, keep) in zip(axes.flat, rules()):
        x = np.arange(len(TOKENS))
        ax.bar(x, p1, color=figkit.GRID, width=0.75, label="T = 1")
        ax.bar(x[keep], q[keep], color=figkit.C[0], width=0.45, label="after the rule")
        for i in x:
            ax.text(i, max(q[i], p1[i]) + 0.03, f"{q[i]:.2f}" if keep[i] else "cut", ha="center", fontsize=8.5,
                    color=figkit.FG if keep[i] else figkit.C[1])
        ax.set_xticks(x, TOKENS, fontsize=9)
        ax.set_title(title, fontsize=10.5)
        ax.set_ylim(0, 1.0)
        ax.grid(axis="x", visible=False)
    axes[0, 0].set_ylabel("probability")
    axes[1, 0].set_ylabel("probability")
    axes[0, 0].legend(fontsize=8, loc="upper right")
    fig.tight_layout()
    figkit.save(fig, SLUG, "sampling-rules")
    for title, q, keep in rules():
        print(f"{title:22s}", np.round(q, 4))


def speculative():
    """Leviathan et al. (2023): with per-token acceptance rate a and gamma drafted tokens, one target pass yields
    on average (1 - a^(gamma+1)) / (1 - a) tokens; with draft cost c (relative to the target) the wall-clock
    speed-up is that number divided by (gamma * c + 1)."""
    a = np.linspace(0.0, 0.99, 100)
    fig, (ax, ax2) = figkit.figure(9.6, 3.6, ncols=2)
    for i, g in enumerate((1, 2, 4, 8)):
        ax.plot(a, (1 - a ** (g + 1)) / (1 - a), color=figkit.C[i], label=f"γ = {g} drafted tokens")
    ax.set_xlabel("acceptance rate α")
    ax.set_ylabel("tokens per target forward pass")
    ax.legend(fontsize=8.5, loc="upper left")
    gam = np.arange(1, 13)
    for i, al in enumerate((0.6, 0.8, 0.9)):
        speed = (1 - al ** (gam + 1)) / (1 - al) / (gam * 0.05 + 1)
        ax2.plot(gam, speed, "o-", ms=3.5, color=figkit.C[i], label=f"α = {al}")
    ax2.set_xlabel("drafted tokens γ (draft cost c = 0.05)")
    ax2.set_ylabel("speed-up over plain decoding")
    ax2.legend(fontsize=8.5, loc="upper left")
    fig.tight_layout()
    figkit.save(fig, SLUG, "speculative-decoding")
    for al in (0.6, 0.8, 0.9):
        sp = (1 - al ** (gam + 1)) / (1 - al) / (gam * 0.05 + 1)
        print(f"alpha={al}: best gamma={gam[np.argmax(sp)]}, speed-up={sp.max():.2f}; gamma=4 tokens/pass="
              f"{(1 - al ** 5) / (1 - al):.3f}, speed-up={sp[3]:.2f}")


def kv_cache():
    b = []
    t = lambda x, y, s, size=12, cls="t", anchor="middle": (
        f'<text x="{x}" y="{y}" text-anchor="{anchor}" font-size="{size}" class="{cls}">{s}</text>')
    words = ["The", "cat", "sat", "on", "the", "mat"]
    x0, cw, gap = 150, 62, 8
    b.append(t(20, 30, "decode step 6: the new token &#8220;mat&#8221; attends over everything cached in this layer",
               13, "t", "start"))
    for i, w in enumerate(words):
        x = x0 + i * (cw + gap)
        new = i == len(words) - 1
        cls = ' style="stroke-dasharray:4 3"' if new else ""
        b.append(f'<rect x="{x}" y="50" width="{cw}" height="28" rx="5" class="box"{cls}/>')
        b.append(t(x + cw / 2, 69, w, 12))
        for row, (name, col) in enumerate((("k", 1), ("v", 3))):
            y = 104 + row * 48
            op = "0.9" if new else "0.35"
            b.append(f'<rect x="{x + 6}" y="{y}" width="{cw - 12}" height="30" rx="4" class="f{col}" '
                     f'style="fill-opacity:{op}"/>')
            b.append(t(x + cw / 2, y + 20, f"{name}<tspan baseline-shift=\"sub\" font-size=\"9\">{i + 1}</tspan>",
                       12))
    b.append(t(x0 - 12, 124, "K cache", 12, "t", "end"))
    b.append(t(x0 - 12, 172, "V cache", 12, "t", "end"))
    xe = x0 + len(words) * (cw + gap) - gap
    b.append(f'<rect x="{x0 - 4}" y="98" width="{xe - x0 + 8 - cw - gap}" height="90" rx="6" class="lm" '
             f'style="stroke-dasharray:5 4"/>')
    b.append(t(x0 + (xe - x0 - cw) / 2, 206, "stored by earlier steps: read, never recomputed", 11, "m"))
    xn = xe - cw
    b.append(t(xn + cw / 2, 206, "appended now", 11, "m"))
    # The new token's query.
    qx = xe + 60
    b.append(f'<rect x="{qx}" y="104" width="50" height="30" rx="4" class="f2" style="fill-opacity:0.9"/>')
    b.append(t(qx + 25, 124, "q<tspan baseline-shift=\"sub\" font-size=\"9\">6</tspan>", 12))
    b.append(t(qx + 56, 123, "query", 11, "m", "start"))
    b.append(f'<path d="M{xn + cw / 2},78 C{xn + cw / 2},92 {qx + 25},80 {qx + 25},102" class="ln" '
             f'marker-end="url(#arrow)"/>')
    b.append(f'<line x1="{qx}" y1="119" x2="{xe + 4}" y2="119" class="ln" marker-end="url(#arrow)"/>')
    b.append(t(qx + 25, 160, "scores q·k over all 6,", 11, "m"))
    b.append(t(qx + 25, 174, "softmax, weighted", 11, "m"))
    b.append(t(qx + 25, 188, "sum of v → output", 11, "m"))
    # Footer: what the cache costs.
    b.append(t(20, 240, "per layer and per KV head, each step adds one key and one value of d_head numbers;", 12,
               "t", "start"))
    b.append(t(20, 258, "total bytes = 2 × layers × KV heads × d_head × tokens × bytes per number", 12, "t", "start"))
    figkit.svg(SLUG, "kv-cache", 720, 272, "".join(b),
               "KV cache at decode step 6: keys and values of the five earlier tokens are read from the cache, the "
               "new token's key and value are appended, and only its query is computed and used once.")


def main():
    sampling()
    speculative()
    kv_cache()


if __name__ == "__main__":
    main()
