"""Figures for content/essays/rlhf-and-alignment.md: the RLHF pipeline and GRPO's group-relative advantages."""
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
    grpo()
