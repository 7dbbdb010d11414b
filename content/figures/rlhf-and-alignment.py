"""Figures for content/essays/rlhf-and-alignment.md: the RLHF pipeline, PPO's clipped objective, one PPO step, and GRPO's
group-relative advantages."""
import re

import numpy as np

import figkit

SLUG = "rlhf-and-alignment"


def _box(x, y, w, h, title, sub=None, cls="box", extra=""):
    out = f'<rect class="{cls}" {extra} x="{x}" y="{y}" width="{w}" height="{h}" rx="6"/>'
    ty = y + h / 2 + (-5 if sub else 5)
    out += f'<text class="t" x="{x + w / 2}" y="{ty}" text-anchor="middle" font-size="14">{title}</text>'
    if sub:
        for k, line in enumerate(sub.split("|")):
            out += f'<text class="m" x="{x + w / 2}" y="{ty + 17 + 15 * k}" text-anchor="middle" font-size="11.5">{line}</text>'
    return out


def pipeline():
    b = []
    y, h = 60, 74
    boxes = [(10, 120, "Pre-trained LM", "next-token|prediction"),
             (160, 140, "1. SFT", "demonstrations,|cross-entropy"),
             (330, 150, "2. Reward model", "human comparisons,|Bradley–Terry loss"),
             (510, 150, "3. RL (PPO)", "max reward −|β·KL(π ‖ π_ref)"),
             (690, 100, "Policy", "the assistant")]
    for x, w, t, sub in boxes:
        b.append(_box(x, y, w, h, t, sub, extra='style="stroke-width:1.4"'))
    for (x1, w1, *_), (x2, *_) in zip(boxes, boxes[1:]):
        b.append(f'<path class="ln" d="M{x1 + w1},{y + h / 2}H{x2 - 2}" marker-end="url(#arrow)"/>')
    b.append('<text class="m" x="230" y="40" text-anchor="middle" font-size="12">SFT model = frozen reference π_ref</text>')
    b.append('<path class="lm" style="stroke-dasharray:4 3" d="M230,46V58"/>')
    b.append('<path class="lm" style="stroke-dasharray:4 3" d="M345,36H585V58" marker-end="url(#arrow)"/>')
    # DPO shortcut
    yd = 190
    b.append(f'<path class="ln s3" style="stroke-width:2" d="M230,{y + h}V{yd}H740V{y + h + 2}" marker-end="url(#arrow)"/>')
    b.append(_box(290, yd - 26, 240, 52, "DPO", "preference pairs, one supervised loss", cls="box s3", extra='style="stroke-width:2"'))
    # verifiable rewards
    yv = 270
    b.append(_box(330, yv - 30, 150, 60, "Verifier program", "answer check, unit tests", cls="box s2", extra='style="stroke-width:2"'))
    b.append(f'<path class="ln s2" style="stroke-width:2" d="M480,{yv}H585V{y + h + 2}" marker-end="url(#arrow)"/>')
    b.append(f'<text class="t" x="600" y="{yv - 6}" font-size="12.5">RLVR: the verifier replaces</text>')
    b.append(f'<text class="t" x="600" y="{yv + 10}" font-size="12.5">the reward model; GRPO</text>')
    b.append(f'<text class="t" x="600" y="{yv + 26}" font-size="12.5">replaces PPO</text>')
    figkit.svg(SLUG, "pipeline", 800, 310, "".join(b), "The RLHF pipeline and its two main variants")


def clipped_objective(rho, adv, eps=0.2):
    """PPO's per-token objective min(rho*A, clip(rho, 1-eps, 1+eps)*A)."""
    rho = np.asarray(rho, dtype=float)
    return np.minimum(rho * adv, np.clip(rho, 1 - eps, 1 + eps) * adv)


def ppo_clip():
    eps = 0.2
    fig, axes = figkit.figure(7.6, 2.9, ncols=2)
    rho = np.array([0, 1 - eps, 1 + eps, 2.0])  # the objective is linear between these breakpoints
    panels = [(axes[0], +1.0, figkit.C[2], "A > 0: the token did better than expected"),
              (axes[1], -1.0, figkit.C[1], "A < 0: the token did worse than expected")]
    for ax, adv, colour, title in panels:
        ax.axvspan(1 - eps, 1 + eps, color=figkit.GRID, alpha=0.6, lw=0)
        ax.plot(rho[[0, -1]], rho[[0, -1]] * adv, color=figkit.MUTED, lw=1.3, ls="--", label="unclipped ρA")
        ax.plot(rho, clipped_objective(rho, adv, eps), color=colour, lw=2.6, label="clipped objective")
        ax.axhline(0, color=figkit.MUTED, lw=1)
        ax.set_xlim(0, 2)
        ax.set_ylim(*((-0.35, 2.3) if adv > 0 else (-2.3, 0.35)))
        ax.set_yticks([0, 1, 2] if adv > 0 else [-2, -1, 0])
        ax.set_xticks([0, 0.5, 1 - eps, 1, 1 + eps, 1.5, 2], ["0", "0.5", "0.8", "1", "1.2", "1.5", "2"])
        ax.set_xlabel("probability ratio ρ, new policy / old policy")
        ax.set_title(title, fontsize=10)
        ax.text(1, 2.1 * adv, "1 ± ε", ha="center", va="center", fontsize=9, color=figkit.MUTED)
    axes[0].set_ylabel("objective, |A| = 1")
    axes[0].text(1.6, 1.05, "flat above 1 + ε:\nno gain, no gradient", ha="center", va="top", fontsize=9)
    axes[0].legend(loc="upper left", fontsize=8.5)
    axes[1].text(0.4, -1.0, "flat below 1 − ε:\nno gain, no gradient", ha="center", va="top", fontsize=9)
    axes[1].text(1.6, -0.45, "not clipped: the min\nkeeps the full ρA", ha="center", va="top", fontsize=9)
    fig.tight_layout()
    figkit.save(fig, SLUG, "ppo-clip")


def _math(text, size):
    """Text with _x or _{xy} as lowered, smaller tspans; the text after each is raised back (SVG has no subscripts)."""
    small, shift = round(size * 0.72, 1), round(size * 0.3, 1)
    parts = re.split(r"_(\{[^}]*\}|.)", text)
    out = parts[0]
    for sub, rest in zip(parts[1::2], parts[2::2]):
        out += f'<tspan dy="{shift}" font-size="{small}">{sub.strip("{}")}</tspan>'
        out += f'<tspan dy="-{shift}">{rest}</tspan>' if rest else ""
    return out


def _node(x, y, w, h, title, lines=(), cls="box", style="", tag=None):
    """A box with a title, muted lines and an optional coloured tag line (trained / frozen)."""
    rows = [(title, "t", 14)] + [(line, "m", 11.5) for line in lines] + ([tag] if tag else [])
    out = f'<rect class="{cls}" style="{style}" x="{x}" y="{y}" width="{w}" height="{h}" rx="6"/>'
    top = y + h / 2 - 8 * (len(rows) - 1) + 5
    for k, (text, c, size) in enumerate(rows):
        out += (f'<text class="{c}" x="{x + w / 2}" y="{top + 16 * k}" text-anchor="middle" '
                f'font-size="{size}">{_math(text, size)}</text>')
    return out


def ppo_loop():
    trained = "stroke:var(--c1);stroke-width:2.4"
    frozen = "stroke-dasharray:5 3"
    calc = "stroke:var(--muted);stroke-width:1"
    upd = 'class="ln s1" style="stroke-width:2" marker-end="url(#arrow-c1)"'
    t_tag = ('trained', 'f1', 11.5)
    f_tag = ('frozen', 'm', 11.5)
    b = ['<defs><marker id="arrow-c1" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
         'orient="auto"><path d="M0,0L10,5L0,10z" style="fill:var(--c1)"/></marker></defs>']
    # the policy samples a response
    b.append(_node(10, 15, 150, 50, "Prompt x", ["from the prompt set"], style=calc))
    b.append('<path class="ln" d="M85,65V108" marker-end="url(#arrow)"/>')
    b.append(_node(10, 110, 150, 100, "Policy π_θ", ["samples a response", "y = a_1 … a_T"], style=trained, tag=t_tag))
    # three models look at (x, y)
    b.append('<path class="ln" d="M160,160H190M190,55V250"/>')
    b.append('<text class="m" x="175" y="153" text-anchor="middle" font-size="11">x, y</text>')
    col2 = [(20, "Reference π_{ref}", ["the SFT model"], frozen, f_tag),
            (100, "Reward model r_φ", ["one score per response"], frozen, f_tag),
            (215, "Value model V", ["V(s_t) at every prefix"], trained, t_tag)]
    for y, title, lines, style, tag in col2:
        b.append(_node(215, y, 190, 70, title, lines, style=style, tag=tag))
        b.append(f'<path class="ln" d="M190,{y + 35}H213" marker-end="url(#arrow)"/>')
    # per-token reward: the KL penalty on every token, the reward-model score on the last
    b.append(f'<rect class="box" style="{calc}" x="460" y="15" width="330" height="155" rx="6"/>')
    b.append(f'<text class="t" x="625" y="36" text-anchor="middle" font-size="14">{_math("Per-token reward r_t", 14)}</text>')
    b.append(f'<text class="m" x="625" y="59" text-anchor="middle" font-size="11.5">'
             f'{_math("−β log π_θ(a_t | s_t) / π_{ref}(a_t | s_t) on every token", 11.5)}</text>')
    for k, tok in enumerate(["a_1", "a_2", "a_3", "…", "a_T"]):
        x = 505 + 50 * k
        if tok != "…":
            b.append(f'<rect class="box" style="{calc}" x="{x}" y="84" width="40" height="24" rx="3"/>')
            b.append(f'<path class="lm" d="M{x + 20},66V82" marker-end="url(#arrow)"/>')
        b.append(f'<text class="t" x="{x + 20}" y="100" text-anchor="middle" font-size="12">{_math(tok, 12)}</text>')
    b.append('<path class="lm" d="M725,127V110" marker-end="url(#arrow)"/>')
    b.append(f'<text class="m" x="625" y="143" text-anchor="middle" font-size="11.5">'
             f'{_math("+ r_φ(x, y) on the last token only, t = T", 11.5)}</text>')
    b.append('<path class="ln" d="M405,55H458" marker-end="url(#arrow)"/>')
    b.append('<path class="ln" d="M405,135H458" marker-end="url(#arrow)"/>')
    b.append(_node(460, 205, 330, 80, "Advantages Â_t (GAE)",
                   ["δ_t = r_t + γV(s_{t+1}) − V(s_t)", "Â_t = δ_t + γλÂ_{t+1},  γ = 1, λ ≈ 0.95"], style=calc))
    b.append('<path class="ln" d="M625,170V203" marker-end="url(#arrow)"/>')
    b.append('<path class="ln" d="M405,250H458" marker-end="url(#arrow)"/>')
    # the two losses and the updates they make
    b.append(_node(460, 320, 140, 65, "Value loss", ["regress V(s_t) onto", "Â_t + V(s_t)"], style=calc))
    b.append(_node(615, 320, 175, 65, "Clipped objective",
                   ["min(ρ_tÂ_t, clip(ρ_t, 1±ε)Â_t)", "ρ_t = π_θ / π_{θ old},  ε ≈ 0.2"], style=calc))
    b.append('<path class="ln" d="M530,285V318" marker-end="url(#arrow)"/>')
    b.append('<path class="ln" d="M702,285V318" marker-end="url(#arrow)"/>')
    b.append(f'<path {upd} d="M460,352H310V287"/>')
    b.append('<text class="f1" x="318" y="345" font-size="12">update V</text>')
    b.append(f'<path {upd} d="M702,385V410H135V212"/>')
    b.append('<text class="f1" x="400" y="404" text-anchor="middle" font-size="12">'
             f'{_math("update θ for a few epochs, then sample again", 12)}</text>')
    # legend
    b.append(f'<rect class="box" style="{trained}" x="14" y="262" width="26" height="14" rx="3"/>'
             '<text class="t" x="48" y="274" font-size="12">trained</text>')
    b.append(f'<rect class="box" style="{frozen}" x="14" y="286" width="26" height="14" rx="3"/>'
             '<text class="t" x="48" y="298" font-size="12">frozen</text>')
    b.append(f'<rect class="box" style="{calc}" x="14" y="310" width="26" height="14" rx="3"/>'
             '<text class="t" x="48" y="322" font-size="12">computed</text>')
    figkit.svg(SLUG, "ppo-loop", 800, 425, "".join(b),
               "One PPO step of RLHF: sample, score, shape the reward, estimate advantages, update")


def group_advantages(rewards):
    rewards = np.asarray(rewards, dtype=float)
    return (rewards - rewards.mean()) / (rewards.std() + 1e-6)


def grpo():
    fig, (ax1, ax2) = figkit.figure(7.6, 3.4, ncols=2, gridspec_kw={"width_ratios": [1.1, 1]})
    rewards = np.array([1, 0, 0, 1, 0, 0, 1, 0], dtype=float)
    adv = group_advantages(rewards)
    idx = np.arange(len(rewards))
    ax1.bar(idx - 0.2, rewards, width=0.4, color=figkit.C[5], label="reward")
    ax1.bar(idx + 0.2, adv, width=0.4, color=[figkit.C[2] if a > 0 else figkit.C[1] for a in adv], label="advantage")
    for i, a in zip(idx, adv):
        ax1.text(i + 0.2, a + (0.06 if a > 0 else -0.22), f"{a:+.2f}", ha="center", fontsize=8.5, color=figkit.FG)
    ax1.axhline(0, color=figkit.MUTED, linewidth=1)
    ax1.set_xticks(idx, [f"{i + 1}" for i in idx])
    ax1.set_xlabel("sampled answer (3 of 8 correct)")
    ax1.set_ylim(-1.15, 2.0)
    ax1.legend(loc="upper center", fontsize=9, ncol=2)
    k = np.arange(0, 9)
    right, wrong = [], []
    for n in k:
        a = group_advantages([1] * n + [0] * (8 - n))
        right.append(a[0] if n > 0 else np.nan)
        wrong.append(a[-1] if n < 8 else np.nan)
    ax2.plot(k, right, "o-", color=figkit.C[2], label="a correct answer")
    ax2.plot(k, wrong, "s-", color=figkit.C[1], label="a wrong answer")
    ax2.plot([0, 8], [0, 0], "D", color=figkit.FG, markersize=5, label="all same: no signal")
    ax2.axhline(0, color=figkit.MUTED, linewidth=1)
    ax2.set_xlabel("correct answers in the group of 8")
    ax2.set_ylabel("advantage")
    ax2.set_xticks(k)
    ax2.legend(loc="upper right", fontsize=8.5)
    fig.tight_layout()
    figkit.save(fig, SLUG, "grpo-advantages")


def main():
    pipeline()
    ppo_clip()
    ppo_loop()
    grpo()
