"""Figures for the neural-networks refresher: activations and their derivatives, the sawtooth construction, the
computational graph of the tiny network worked by hand, and optimiser paths on an ill-conditioned quadratic."""
import math

import numpy as np
from matplotlib.patches import Ellipse

import figkit

SLUG = "neural-networks-refresher"


def _phi(z):
    return np.exp(-z * z / 2) / math.sqrt(2 * math.pi)


def _Phi(z):
    return 0.5 * (1 + np.vectorize(math.erf)(z / math.sqrt(2)))


def activations():
    z = np.linspace(-4, 4, 161)
    sig = 1 / (1 + np.exp(-z))
    funcs = [
        ("sigmoid", sig, sig * (1 - sig)),
        ("tanh", np.tanh(z), 1 - np.tanh(z) ** 2),
        ("ReLU", np.maximum(0, z), np.where(z > 0, 1.0, 0.0)),
        ("GELU", z * _Phi(z), _Phi(z) + z * _phi(z)),
    ]
    fig, (ax1, ax2) = figkit.figure(8.2, 3.4, ncols=2)
    for i, (name, f, d) in enumerate(funcs):
        ax1.plot(z, f, color=figkit.C[i], label=name, linestyle="--" if name == "tanh" else "-")
        if name == "ReLU":  # the derivative jumps at 0: draw the two branches separately
            ax2.plot(z[z < 0], d[z < 0], color=figkit.C[i], label=name)
            ax2.plot(z[z > 0], d[z > 0], color=figkit.C[i])
        else:
            ax2.plot(z, d, color=figkit.C[i], label=name, linestyle="--" if name == "tanh" else "-")
    smax = float((sig * (1 - sig)).max())
    ax2.axhline(smax, color=figkit.MUTED, linewidth=0.8, linestyle=":")
    ax2.annotate(f"sigmoid' ≤ {smax:.2f}", (-4, smax), xytext=(-3.9, smax + 0.06), color=figkit.FG, fontsize=9)
    ax1.set_ylim(-1.2, 3.2)
    ax2.set_ylim(-0.15, 1.2)
    ax1.set_title("activation φ(z)", fontsize=11)
    ax2.set_title("derivative φ′(z)", fontsize=11)
    for ax in (ax1, ax2):
        ax.set_xlabel("z")
        ax.set_xlim(-4, 4)
    ax1.legend(loc="upper left", fontsize=9)
    fig.tight_layout()
    figkit.save(fig, SLUG, "activations")


def tent(x):
    """One tent map on [0, 1], written as two ReLUs: 2 relu(x) - 4 relu(x - 1/2)."""
    return 2 * np.maximum(0, x) - 4 * np.maximum(0, x - 0.5)


def sawtooth():
    x = np.linspace(0, 1, 1025)  # grid contains every breakpoint k/16, so the plot is exact
    fig, axes = figkit.figure(8.2, 2.6, ncols=4, sharey=True)
    y = x.copy()
    for k, ax in enumerate(axes, start=1):
        y = tent(y)
        pieces = int(np.sum(np.abs(np.diff(np.sign(np.diff(y)))) > 0)) + 1
        ax.plot(x, y, color=figkit.C[k - 1], linewidth=1.6)
        ax.set_title(f"{k} layer{'s' if k > 1 else ''}: {pieces} pieces", fontsize=10)
        ax.set_xlim(0, 1)
        ax.set_ylim(-0.02, 1.05)
        ax.set_xticks([0, 0.5, 1], ["0", "0.5", "1"])
        ax.set_xlabel("x")
    axes[0].set_ylabel("t∘…∘t (x)")
    fig.tight_layout()
    figkit.save(fig, SLUG, "sawtooth")


def _num(v, digits):
    """A signed number with a real minus sign."""
    return f"{v:+.{digits}f}".replace("-", "\u2212")


def backprop_graph():
    """The 2-2-1 network of the worked example, forward values above each node and error signals below."""
    sig = lambda v: 1 / (1 + np.exp(-v))
    x = np.array([1.0, 0.5])
    W1, b1 = np.array([[0.5, -0.3], [0.2, 0.8]]), np.array([0.1, -0.1])
    w2, b2, y = np.array([0.7, -0.4]), 0.1, 1.0
    z1 = W1 @ x + b1
    h = sig(z1)
    yhat = w2 @ h + b2
    loss = 0.5 * (yhat - y) ** 2
    d2 = yhat - y
    d1 = d2 * w2 * h * (1 - h)

    W, H = 760, 370
    xs = [70, 330, 590]
    ins, hid = [110, 230], [110, 230]
    out_y = 170
    parts = []
    # edges with weights
    for i, yi in enumerate(ins):
        for j, yj in enumerate(hid):
            parts.append(f'<line class="lm" x1="{xs[0] + 39}" y1="{yi}" x2="{xs[1] - 42}" y2="{yj}" '
                         f'marker-end="url(#arrow)"/>')
    for i, yi in enumerate(ins):  # weight labels a quarter of the way along each edge, from its source
        for j, yj in enumerate(hid):
            x0, x1_ = xs[0] + 39, xs[1] - 42
            mx, my = x0 + 0.28 * (x1_ - x0), yi + 0.28 * (yj - yi) - 6
            parts.append(f'<text class="m" x="{mx:.0f}" y="{my:.0f}" font-size="12" text-anchor="middle">'
                         f'{_num(W1[j, i], 1)}</text>')
    for j, yj in enumerate(hid):
        parts.append(f'<line class="lm" x1="{xs[1] + 42}" y1="{yj}" x2="{xs[2] - 46}" y2="{out_y}" '
                     f'marker-end="url(#arrow)"/>')
        parts.append(f'<text class="m" x="{(xs[1] + xs[2]) / 2:.0f}" y="{(yj + out_y) / 2 - 8:.0f}" font-size="12" '
                     f'text-anchor="middle">w = {_num(w2[j], 1)}</text>')
    # nodes
    for i, yi in enumerate(ins):
        parts.append(f'<circle class="box" cx="{xs[0]}" cy="{yi}" r="37"/>')
        parts.append(f'<text class="t" x="{xs[0]}" y="{yi + 5}" font-size="14" text-anchor="middle">'
                     f'x{i + 1} = {x[i]:.1f}</text>')
    for j, yj in enumerate(hid):
        parts.append(f'<circle class="box" cx="{xs[1]}" cy="{yj}" r="40"/>')
        parts.append(f'<text class="t" x="{xs[1]}" y="{yj - 6}" font-size="12" text-anchor="middle">'
                     f'z = {z1[j]:.2f}</text>')
        parts.append(f'<text class="t" x="{xs[1]}" y="{yj + 12}" font-size="12" text-anchor="middle">'
                     f'h = {h[j]:.4f}</text>')
        parts.append(f'<text class="f2" x="{xs[1]}" y="{yj + 58}" font-size="12" text-anchor="middle">'
                     f'δ = {_num(d1[j], 4)}</text>')
    parts.append(f'<circle class="box" cx="{xs[2]}" cy="{out_y}" r="44"/>')
    parts.append(f'<text class="t" x="{xs[2]}" y="{out_y - 4}" font-size="13" text-anchor="middle">'
                 f'ŷ = {yhat:.4f}</text>')
    parts.append(f'<text class="f2" x="{xs[2]}" y="{out_y + 64}" font-size="12" text-anchor="middle">'
                 f'δ = ŷ − y = {_num(d2, 4)}</text>')
    parts.append(f'<text class="t" x="{xs[2] + 60}" y="{out_y - 40}" font-size="12">y = {y:.0f}</text>')
    parts.append(f'<text class="t" x="{xs[2] + 60}" y="{out_y - 22}" font-size="12">L = {loss:.4f}</text>')
    # direction legend
    parts.append(f'<line class="ln" x1="70" y1="322" x2="250" y2="322" marker-end="url(#arrow)"/>')
    parts.append('<text class="t" x="260" y="326" font-size="12">forward pass: values z, h, ŷ</text>')
    parts.append(f'<line class="ln s2" x1="690" y1="350" x2="510" y2="350" marker-end="url(#arrow)"/>')
    parts.append('<text class="f2" x="500" y="354" font-size="12" text-anchor="end">'
                 'backward pass: error signals δ = ∂L/∂z</text>')
    parts.append('<text class="m" x="70" y="30" font-size="12" text-anchor="middle">input</text>')
    parts.append('<text class="m" x="330" y="30" font-size="12" text-anchor="middle">hidden (sigmoid)</text>')
    parts.append('<text class="m" x="590" y="30" font-size="12" text-anchor="middle">output (linear)</text>')
    figkit.svg(SLUG, "backprop-graph", W, H, "".join(parts),
               "The 2-2-1 network of the worked example with forward values and backward error signals")


def weight_sharing():
    """Three ways to wire six inputs to six outputs: fully connected, a convolution of width 3, a recurrent cell."""
    n, k = 6, 3
    W, H = 790, 300
    pw, gap = 230, 30  # panel width and gap
    parts = []

    def node(cx, cy, label, cls="box"):
        parts.append(f'<circle class="{cls}" cx="{cx:.0f}" cy="{cy}" r="13"/>')
        parts.append(f'<text class="t" x="{cx:.0f}" y="{cy + 4}" font-size="11" text-anchor="middle">{label}</text>')

    def edge(x1, y1, x2, y2, cls, width=1.3):
        parts.append(f'<line class="{cls}" x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
                     f'stroke-width="{width}" fill="none"/>')

    y_in, y_out = 220, 95
    dense_params, conv_params = n * n, k
    rnn_params = 2  # one recurrent weight W and one input weight U (scalars here), reused at every step
    titles = [("fully connected", f"{dense_params} weights, none shared"),
              (f"convolution, width {k}", f"{conv_params} weights, reused at every position"),
              ("recurrent (unrolled in time)", "the same W and U at every step")]
    for panel, (title, sub) in enumerate(titles):
        x0 = 20 + panel * (pw + gap)
        xs = [x0 + 18 + i * (pw - 36) / (n - 1) for i in range(n)]
        parts.append(f'<text class="t" x="{x0 + pw / 2:.0f}" y="28" font-size="14" text-anchor="middle">{title}</text>')
        parts.append(f'<text class="m" x="{x0 + pw / 2:.0f}" y="46" font-size="12" text-anchor="middle">{sub}</text>')
        if panel == 0:
            for i in range(n):
                for j in range(n):
                    edge(xs[i], y_in - 13, xs[j], y_out + 13, "lm", 0.9)
        elif panel == 1:
            for j in range(n):
                for off, cls in zip((-1, 0, 1), ("s1", "s3", "s2")):
                    i = j + off
                    if 0 <= i < n:
                        edge(xs[i], y_in - 13, xs[j], y_out + 13, cls, 2)
        else:
            for i in range(n):
                edge(xs[i], y_in - 13, xs[i], y_out + 13, "s5", 2)
                if i + 1 < n:  # the state passed on: an arc over the top, from h_i to h_(i+1)
                    mid = (xs[i] + xs[i + 1]) / 2
                    parts.append(f'<path class="s4" d="M{xs[i] + 6:.1f},{y_out - 12} Q{mid:.1f},{y_out - 48} '
                                 f'{xs[i + 1] - 6:.1f},{y_out - 13}" stroke-width="1.4" fill="none" '
                                 f'marker-end="url(#arrow)"/>')
        for i in range(n):
            node(xs[i], y_in, f"x{i + 1}")
            node(xs[i], y_out, f"h{i + 1}" if panel == 2 else f"y{i + 1}")
    # legends under the convolution and recurrent panels
    x1 = 20 + (pw + gap)
    for m, (cls, label) in enumerate((("s1", "left weight"), ("s3", "centre weight"), ("s2", "right weight"))):
        edge(x1 + 10, 258 + 16 * m, x1 + 34, 258 + 16 * m, cls, 2.5)
        parts.append(f'<text class="m" x="{x1 + 40}" y="{262 + 16 * m}" font-size="11">{label}</text>')
    x2 = 20 + 2 * (pw + gap)
    for m, (cls, label) in enumerate((("s4", "W: state to next state"), ("s5", "U: input to state"))):
        edge(x2 + 10, 258 + 16 * m, x2 + 34, 258 + 16 * m, cls, 2.5)
        parts.append(f'<text class="m" x="{x2 + 40}" y="{262 + 16 * m}" font-size="11">{label}</text>')
    figkit.svg(SLUG, "weight-sharing", W, H, "".join(parts),
               "Six inputs wired to six outputs three ways: fully connected, a width-3 convolution, a recurrent cell")


def optimiser_paths():
    """Gradient descent, momentum and Adam, 40 steps each from one start, on L = (θ1² + 50 θ2²) / 2."""
    lam = np.array([1.0, 50.0])  # curvatures: a long shallow valley along θ1, steep walls along θ2
    start, steps = np.array([-9.0, 1.5]), 40
    eta_gd, eta_mom, mu = 0.036, 0.009, 0.9  # 0.036 is 90% of the limit 2/λ = 0.04; momentum gets a quarter of it
    alpha, beta1, beta2, eps = 0.5, 0.9, 0.999, 1e-8

    def run(update):
        theta, state, path = start.copy(), {}, [start.copy()]
        for t in range(1, steps + 1):
            theta = update(theta, lam * theta, t, state)
            path.append(theta.copy())
        return np.array(path)

    def gd(theta, g, t, s):
        return theta - eta_gd * g

    def momentum(theta, g, t, s):
        s["v"] = mu * s.get("v", 0) + g
        return theta - eta_mom * s["v"]

    def adam(theta, g, t, s):
        s["m"] = beta1 * s.get("m", 0) + (1 - beta1) * g
        s["v"] = beta2 * s.get("v", 0) + (1 - beta2) * g * g
        m_hat, v_hat = s["m"] / (1 - beta1 ** t), s["v"] / (1 - beta2 ** t)
        return theta - alpha * m_hat / (np.sqrt(v_hat) + eps)

    fig, ax = figkit.figure(8.2, 3.3)
    ax.grid(False)
    for a in range(2, 16, 2):  # contours L = a²/2: semi-axes a along θ1 and a/√50 along θ2
        ax.add_patch(Ellipse((0, 0), 2 * a, 2 * a * math.sqrt(lam[0] / lam[1]), fill=False, edgecolor=figkit.GRID,
                             linewidth=1))
    runs = [(gd, f"gradient descent, η = {eta_gd}"),
            (momentum, f"momentum, η = {eta_mom}, μ = {mu}"),
            (adam, f"Adam, α = {alpha}, β₁ = {beta1}, β₂ = {beta2}")]
    for i, (update, label) in enumerate(runs):
        path = run(update)
        ax.plot(path[:, 0], path[:, 1], color=figkit.C[i], linewidth=1.4, label=label)
        # a dot at every step, as round-capped stubs in one path (markers would add a <use> element per point)
        stubs = np.full((3 * len(path), 2), np.nan)
        stubs[0::3], stubs[1::3] = path, path + [1e-3, 0]
        ax.plot(stubs[:, 0], stubs[:, 1], color=figkit.C[i], linewidth=3.6, solid_capstyle="round")
    ax.plot([0], [0], marker="+", markersize=10, color=figkit.FG, linestyle="none")
    ax.annotate("minimum", (0, -0.12), xytext=(0, -34), textcoords="offset points", fontsize=9, color=figkit.FG,
                ha="center", arrowprops=dict(arrowstyle="-", color=figkit.FG, linewidth=0.8, shrinkA=0, shrinkB=0))
    ax.text(-10.3, -1.95, "contours of L = (θ₁² + 50θ₂²)/2", fontsize=9, color=figkit.MUTED)
    ax.annotate("start", tuple(start), xytext=(-8, 4), textcoords="offset points", fontsize=9, color=figkit.FG,
                ha="right")
    ax.set_xlim(-10.5, 2.5)
    ax.set_ylim(-2.1, 2.1)
    ax.set_aspect("equal")
    ax.set_xlabel("θ₁ (curvature λ = 1)")
    ax.set_ylabel("θ₂ (λ = 50)")
    ax.legend(fontsize=9, loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=3, handlelength=1.6,
              columnspacing=1.4)
    fig.tight_layout()
    figkit.save(fig, SLUG, "optimiser-paths")


def main():
    activations()
    sawtooth()
    backprop_graph()
    weight_sharing()
    optimiser_paths()
