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


def online_steps(order=(2, 1, 0)):
    """The online recurrence of the essay on the running example, one logit per block, read from z3 to z1."""
    m, s, steps = -np.inf, 0.0, []
    parts = np.zeros(len(Z))  # each logit's share of s, i.e. exp(z_i - m) for the logits seen so far
    for i in order:
        m_new = max(m, Z[i])
        factor = np.exp(m - m_new)
        steps.append(dict(i=i, m=m, m_new=m_new, s=s, rescaled=s * factor, new=np.exp(Z[i] - m_new)))
        parts = parts * factor
        parts[i] = np.exp(Z[i] - m_new)
        s = s * factor + np.exp(Z[i] - m_new)
        m = m_new
        steps[-1].update(s_new=s, parts=parts.copy())
    return steps, m, s


def online_softmax():
    """Hand-drawn: the running max m and running sum s after each block, the old sum rescaled when m grows."""
    steps, m, s = online_steps()
    assert np.allclose(np.exp(Z - m) / s, softmax(Z)) and np.isclose(m + np.log(s), np.log(np.exp(Z).sum()))
    sub = "₁₂₃"
    y0, unit, left0, col = 176, 70, 112, 150

    def num(v):
        return "−∞" if v == -np.inf else f"{v:.1f}".replace("-", "−")

    def fmt(v):
        return f"{v:.0f}" if np.isclose(v, round(v)) else f"{v:.3f}"

    def sup(text):
        return f'<tspan baseline-shift="super" font-size="9">{text}</tspan>'

    def text(x, y, body, cls="t", size=11, anchor=None):
        a = f' text-anchor="{anchor}"' if anchor else ""
        return f'<text x="{x:.1f}" y="{y:.1f}" class="{cls}" font-size="{size}"{a}>{body}</text>'

    def stack(x, w, parts, labels):
        """A bar of segments (bottom to top in z3, z2, z1 order) with a value label beside each."""
        out, y, last = [], y0, y0 + 14
        for i in (2, 1, 0):
            h = parts[i] * unit
            if h <= 0:
                continue
            out.append(f'<rect x="{x}" y="{y - h:.1f}" width="{w}" height="{h:.1f}" class="f{i + 1}"/>')
            ly = min(y - h / 2 + 4, last - 15)
            out.append(text(x + w + 5, ly, labels[i], "t", 10.5))
            y, last = y - h, ly
        return out, y

    b = []
    # row names
    for y, label in [(18, "block read"), (36, "running max m"), (y0 - 62, "running sum s"),
                     (y0 - 48, "(dashed: before)"), (y0 + 20, "rescale old s"), (y0 + 38, "add new term")]:
        b.append(text(left0 - 12, y, label, "m" if "(" in label else "t", 11, "end"))
    for k, st in enumerate(steps):
        L, i = left0 + k * col, st["i"]
        b.append(f'<rect x="{L}" y="8" width="10" height="10" class="f{i + 1}"/>')
        b.append(text(L + 15, 18, f"{k + 1}. z{sub[i]} = {Z[i]:.1f}", "t", 12))
        b.append(text(L, 36, f"{num(st['m'])} → {num(st['m_new'])}" + ("  (grows)" if k else ""), "t", 11))
        # the sum before the block (dashed), an arrow to its rescaled height, the new bar
        gh, gx, bx = st["s"] * unit, L + 6, L + 56
        if gh > 0:
            b.append(f'<rect x="{gx}" y="{y0 - gh:.1f}" width="24" height="{gh:.1f}" class="lm" '
                     f'stroke-dasharray="3 2"/>')
            b.append(f'<line x1="{gx + 26}" y1="{y0 - gh:.1f}" x2="{bx - 3}" y2="{y0 - st["rescaled"] * unit:.1f}" '
                     f'class="ln" marker-end="url(#arrow)"/>')
        b.append(f'<line x1="{L}" y1="{y0}" x2="{bx + 34}" y2="{y0}" class="lm"/>')
        b.append(text(gx + 12, y0 - gh - 5, fmt(st["s"]), "m", 10.5, "middle"))
        labels = [fmt(v) for v in st["parts"]]
        bars, top = stack(bx, 30, st["parts"], labels)
        b += bars
        b.append(text(bx + 15, top - 6, f"s = {fmt(st['s_new'])}", "t", 11, "middle"))
        shift = "−∞" if st["m"] == -np.inf else f"{num(st['m'])}−{num(st['m_new'])}"
        b.append(text(L, y0 + 20, f"{fmt(st['s'])} × e{sup(shift)} = {fmt(st['rescaled'])}", "t", 11))
        exponent = f"{num(Z[i])}−{num(st['m_new'])}"
        b.append(text(L, y0 + 38, f"+ e{sup(exponent)} = {st['new']:.0f}", "t", 11))
    # the end: divide by s
    L = left0 + 3 * col
    p = steps[-1]["parts"] / s
    b.append(text(L, 18, f"end: p = e{sup('z − m')} / s", "t", 12))
    b.append(text(L, 36, f"m = {m:.1f}, s = {s:.3f}", "t", 11))
    b.append(f'<line x1="{L}" y1="{y0}" x2="{L + 90}" y2="{y0}" class="lm"/>')
    bars, top = stack(L + 56, 30, p, [f"p{sub[i]} = {v:.3f}" for i, v in enumerate(p)])
    b += bars
    b.append(text(L + 71, top - 6, "sum 1", "t", 11, "middle"))
    b.append(text(L, y0 + 20, f"m + log s = {m + np.log(s):.3f}", "t", 11))
    b.append(text(L, y0 + 38, f"= log Z = log {np.exp(Z).sum():.2f}", "t", 11))
    b.append(text(left0 + 4 * col - 8, y0 + 62, f"the final s = {s:.3f} is the two-pass sum of e{sup('z − m')}, "
                  "so p and log Z come out the same", "m", 11, "end"))
    figkit.svg(SLUG, "online-softmax", 720, y0 + 70, "".join(b),
               "Online softmax on the logits 2.0, 1.0 and 0.1 read one per block from the last: the running "
               "maximum grows at every block, the running sum is rescaled by exp(m − m′) before the new term is "
               "added, and dividing by the final sum gives the two-pass softmax")


def main():
    temperature()
    smooth_max()
    float_range()
    online_softmax()


if __name__ == "__main__":
    main()
