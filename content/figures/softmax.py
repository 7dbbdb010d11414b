"""Figures for content/essays/softmax.md."""
import numpy as np

import figkit

SLUG = "softmax"
Z = np.array([2.0, 1.0, 0.1])  # the essay's running example


def softmax(z, t=1.0):
    z = np.asarray(z, dtype=np.float64) / t
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def temperature():
    fig, (left, right) = figkit.figure(7.2, 3.2, ncols=2, gridspec_kw={"width_ratios": [1, 1.35]})
    temps = [0.5, 1.0, 2.0]
    width = 0.26
    x = np.arange(len(Z))
    left.set_axisbelow(True)
    for k, t in enumerate(temps):
        p = softmax(Z, t)
        left.bar(x + (k - 1) * width, p, width, color=figkit.C[k], label=f"T = {t:g}")
    left.set_xticks(x, [f"$z_{i + 1}$ = {v:g}" for i, v in enumerate(Z)])
    left.set_ylabel("probability")
    left.set_ylim(0, 1)
    left.legend(fontsize=9, loc="upper right")
    left.grid(axis="x", visible=False)
    left.set_title("the running example at three temperatures", fontsize=10)

    ts = np.logspace(-1.5, 2, 160)
    ps = np.array([softmax(Z, t) for t in ts])
    for i in range(3):
        right.plot(ts, ps[:, i], color=figkit.C[i], label=f"$p_{i + 1}$")
    right.axhline(1 / 3, color=figkit.MUTED, lw=1, ls="--")
    right.text(ts[-1], 1 / 3 + 0.03, "uniform 1/3", ha="right", fontsize=9, color=figkit.MUTED)
    right.set_xscale("log")
    right.set_xlabel("temperature T (log scale)")
    right.set_ylim(0, 1.02)
    right.legend(fontsize=9, loc="upper right")
    right.set_title("T → 0: arg-max;  T → ∞: uniform", fontsize=10)
    fig.tight_layout()
    figkit.save(fig, SLUG, "temperature")


def smooth_max():
    fig, (left, right) = figkit.figure(7.2, 3.0, ncols=2)
    x = np.linspace(-6, 6, 121)
    lse = np.logaddexp(x, 0.0)
    left.fill_between(x, np.maximum(x, 0), np.maximum(x, 0) + np.log(2), color=figkit.C[5], alpha=0.25, lw=0,
                      label="bounds: max … max + log 2")
    left.plot(x, np.maximum(x, 0), color=figkit.FG, lw=1.4, label="max(x, 0)")
    left.plot(x, lse, color=figkit.C[0], label="LSE(x, 0)")
    left.set_xlabel("x")
    left.legend(fontsize=9, loc="upper left")
    left.set_title("log-sum-exp: a smooth max", fontsize=10)

    sig = softmax(np.stack([x, np.zeros_like(x)], axis=1))[:, 0]
    right.plot(x, (x > 0).astype(float), color=figkit.FG, lw=1.4, drawstyle="steps-mid", label="hard arg-max")
    right.plot(x, sig, color=figkit.C[1], label="softmax, T = 1")
    right.plot(x, softmax(np.stack([x, np.zeros_like(x)], axis=1), 0.3)[:, 0], color=figkit.C[2], ls="--",
               label="softmax, T = 0.3")
    right.set_xlabel("x")
    right.set_ylabel("weight on the first entry")
    right.legend(fontsize=9, loc="upper left")
    right.set_title("its gradient, softmax(x, 0): a smooth arg-max", fontsize=10)
    fig.tight_layout()
    figkit.save(fig, SLUG, "smooth-max")


def float32_thresholds():
    """Largest x with finite exp(x), and the smallest x with exp(x) > 0, found by bisection in float32."""
    f32 = np.float32

    def bisect(pred, lo, hi):
        for _ in range(200):
            mid = (lo + hi) / 2
            if pred(mid):
                lo = mid
            else:
                hi = mid
        return lo

    with np.errstate(over="ignore", under="ignore"):
        over = bisect(lambda v: np.isfinite(np.exp(f32(v))), 0.0, 200.0)
        under = -bisect(lambda v: np.exp(f32(-v)) > 0, 0.0, 200.0)
    normal = float(np.log(np.finfo(np.float32).tiny))
    return over, normal, under


def float_range():
    """Hand-drawn number line, to scale, with the float32 thresholds computed above."""
    over, normal, under = float32_thresholds()
    lo, hi, x0, x1 = -135.0, 115.0, 30.0, 690.0

    def X(v):
        return x0 + (v - lo) / (hi - lo) * (x1 - x0)

    y = 92
    parts = []
    segments = [(lo, under, 1, "exp(x) rounds to 0", f"x &lt; {under:.2f}"),
                (under, normal, 6, "subnormal", "precision lost"),
                (normal, over, 3, "exp(x) is a normal float32", f"{normal:.2f} ≤ x ≤ {over:.2f}"),
                (over, hi, 2, "exp(x) = inf", f"x &gt; {over:.2f}")]
    for a, b, c, label, sub in segments:
        parts.append(f'<rect x="{X(a):.1f}" y="{y - 12}" width="{X(b) - X(a):.1f}" height="24" class="f{c}" '
                     f'opacity="0.75"/>')
    # labels above, with leader lines for the two narrow segments on the left
    parts.append(f'<text x="{X(lo) + 2:.1f}" y="34" class="t" font-size="12">{segments[0][3]}</text>')
    parts.append(f'<text x="{X(lo) + 2:.1f}" y="50" class="m" font-size="11">{segments[0][4]}</text>')
    parts.append(f'<text x="{X(lo) + 2:.1f}" y="64" class="m" font-size="11">(masked scores)</text>')
    parts.append(f'<line x1="{(X(lo) + X(under)) / 2:.1f}" y1="69" x2="{(X(lo) + X(under)) / 2:.1f}" '
                 f'y2="{y - 13}" class="lm"/>')
    mid = (X(under) + X(normal)) / 2
    parts.append(f'<text x="{mid + 70:.1f}" y="34" class="t" font-size="12">subnormal</text>')
    parts.append(f'<text x="{mid + 70:.1f}" y="50" class="m" font-size="11">precision lost</text>')
    parts.append(f'<polyline points="{mid + 68:.1f},46 {mid:.1f},46 {mid:.1f},{y - 13}" class="lm"/>')
    m = (X(normal) + X(over)) / 2 + 40
    parts.append(f'<text x="{m:.1f}" y="34" class="t" font-size="12" text-anchor="middle">{segments[2][3]}</text>')
    parts.append(f'<text x="{m:.1f}" y="50" class="m" font-size="11" text-anchor="middle">{segments[2][4]}</text>')
    parts.append(f'<text x="{X(hi):.1f}" y="34" class="t" font-size="12" text-anchor="end">{segments[3][3]}</text>')
    parts.append(f'<text x="{X(hi):.1f}" y="50" class="m" font-size="11" text-anchor="end">{segments[3][4]}</text>')
    # axis ticks
    for v in range(-125, 115, 25):
        parts.append(f'<line x1="{X(v):.1f}" y1="{y + 12}" x2="{X(v):.1f}" y2="{y + 17}" class="ln"/>')
        parts.append(f'<text x="{X(v):.1f}" y="{y + 30}" class="t" font-size="11" text-anchor="middle">{v}</text>')
    parts.append(f'<text x="{X(hi):.1f}" y="{y + 46}" class="m" font-size="11" text-anchor="end">x (float32)</text>')
    # where things land
    ya = y + 66
    parts.append(f'<line x1="{X(0):.1f}" y1="{ya}" x2="{X(lo) + 3:.1f}" y2="{ya}" class="ln s3" '
                 f'stroke-width="2.5" marker-end="url(#arrow)"/>')
    parts.append(f'<line x1="{X(0):.1f}" y1="{y + 12}" x2="{X(0):.1f}" y2="{ya + 6}" class="ln s3" stroke-width="2"/>')
    parts.append(f'<text x="{X(0) + 8:.1f}" y="{ya + 4}" class="t" font-size="12">after subtracting the max, '
                 f'every exponent is ≤ 0;</text>')
    parts.append(f'<text x="{X(0) + 8:.1f}" y="{ya + 20}" class="t" font-size="12">the largest term is exp(0) = 1, '
                 f'so the sum is ≥ 1</text>')
    parts.append(f'<text x="{(X(lo) + X(0)) / 2:.1f}" y="{ya + 20}" class="m" font-size="11" '
                 f'text-anchor="middle">shifted scores: x − max ≤ 0</text>')
    body = "".join(parts)
    figkit.svg(SLUG, "float-range", 720, 190, body,
               "Number line of x showing where exp(x) in float32 rounds to zero, is subnormal, is a normal float, "
               "or overflows to infinity")


def main():
    temperature()
    smooth_max()
    float_range()


if __name__ == "__main__":
    main()
