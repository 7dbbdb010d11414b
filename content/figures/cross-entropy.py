"""Figures for content/essays/cross-entropy.md."""
import numpy as np

import figkit

SLUG = "cross-entropy"


def h2(p):
    """Binary entropy in bits."""
    p = np.clip(p, 1e-12, 1 - 1e-12)
    return -(p * np.log2(p) + (1 - p) * np.log2(1 - p))


def entropy_ce_kl():
    fig, (left, right) = figkit.figure(7.2, 3.1, ncols=2)
    p = np.linspace(0.001, 0.999, 161)
    left.plot(p, h2(p), color=figkit.C[0])
    for x in (0.1, 0.5):
        left.plot([x], [h2(x)], "o", color=figkit.C[0], ms=5)
        left.annotate(f"H({x:g}) = {h2(x):.3f}", (x, h2(x)), xytext=(8, -14 if x == 0.5 else 4),
                      textcoords="offset points", fontsize=9)
    left.set_xlabel("p = P(heads)")
    left.set_ylabel("bits")
    left.set_ylim(0, 1.1)
    left.set_title("entropy of a coin, H(p)", fontsize=10)

    p0 = 0.3
    q = np.linspace(0.01, 0.99, 161)
    ce = -(p0 * np.log2(q) + (1 - p0) * np.log2(1 - q))
    right.fill_between(q, h2(p0), ce, color=figkit.C[1], alpha=0.18, lw=0, label="KL(p ‖ q): the excess")
    right.plot(q, ce, color=figkit.C[1], label="cross-entropy H(p, q)")
    right.axhline(h2(p0), color=figkit.C[0], lw=1.6, ls="--", label=f"entropy H(p) = {h2(p0):.3f}")
    right.axvline(p0, color=figkit.MUTED, lw=1)
    right.text(p0 + 0.02, 0.25, f"q = p = {p0:g}", fontsize=9, color=figkit.MUTED)
    right.set_ylim(0, 3.6)
    right.set_xlabel("model's q = P(heads)")
    right.set_title(f"true p = {p0:g}: cross-entropy = entropy + KL", fontsize=10)
    right.legend(fontsize=9, loc="upper center")
    fig.tight_layout()
    figkit.save(fig, SLUG, "entropy-ce-kl")


def gauss(x, mu, sigma):
    return np.exp(-0.5 * ((x - mu) / sigma) ** 2) / (sigma * np.sqrt(2 * np.pi))


def bimodal_fit():
    """Fits one Gaussian to a two-component mixture by forward KL (moment matching, exact for a Gaussian q)
    and by reverse KL (brute-force grid over mean and standard deviation), numerically on a grid of x."""
    x = np.linspace(-8, 8, 801)
    dx = x[1] - x[0]
    p = 0.5 * gauss(x, -2.5, 0.8) + 0.5 * gauss(x, 2.5, 0.8)
    mean = np.sum(x * p) * dx
    fwd = (mean, np.sqrt(np.sum((x - mean) ** 2 * p) * dx))
    logp = np.log(np.maximum(p, 1e-300))
    best = (np.inf, None)
    for mu in np.arange(0.0, 4.0001, 0.01):  # the mirror image on the left fits equally well
        sig = np.arange(0.3, 3.0001, 0.01)[:, None]
        q = gauss(x[None, :], mu, sig)
        kl = np.sum(q * (np.log(np.maximum(q, 1e-300)) - logp[None, :]), axis=1) * dx
        i = int(np.argmin(kl))
        if kl[i] < best[0] - 1e-12:
            best = (kl[i], (mu, float(sig[i, 0])))
    rev = best[1]
    return x, p, gauss(x, *fwd), gauss(x, *rev), fwd, rev


def forward_reverse_kl():
    x, p, qf, qr, fwd, rev = bimodal_fit()
    fig, (left, right) = figkit.figure(7.2, 2.9, ncols=2, sharey=True)
    keep = slice(None, None, 4)
    for ax, q, theta, c, title in ((left, qf, fwd, figkit.C[1], "minimise KL(p ‖ q): covers both modes"),
                                   (right, qr, rev, figkit.C[2], "minimise KL(q ‖ p): picks one mode")):
        ax.fill_between(x[keep], 0, p[keep], color=figkit.C[0], alpha=0.25, lw=0, label="target p")
        ax.plot(x[keep], q[keep], color=c, label=f"best Gaussian q\nμ = {round(theta[0], 2) + 0.0:.2f}, σ = {theta[1]:.2f}")
        ax.set_title(title, fontsize=10)
        ax.set_xlabel("x")
        ax.legend(fontsize=8.5, loc="upper left")
    left.set_ylim(0, 0.62)
    left.set_ylabel("density")
    fig.tight_layout()
    figkit.save(fig, SLUG, "forward-reverse-kl")


def label_smoothing():
    k, eps = 10, 0.1
    fig, (left, right) = figkit.figure(7.2, 3.0, ncols=2, gridspec_kw={"width_ratios": [1, 1.3]})
    idx = np.arange(k)
    hard = np.eye(k)[0]
    smooth = (1 - eps) * hard + eps / k
    left.set_axisbelow(True)
    left.bar(idx - 0.2, hard, 0.4, color=figkit.C[0], label="one-hot")
    left.bar(idx + 0.2, smooth, 0.4, color=figkit.C[1], label=f"smoothed, ε = {eps:g}")
    left.set_xticks(idx)
    left.set_xlabel(f"class (K = {k}, true class 0)")
    left.set_ylabel("target probability")
    left.grid(axis="x", visible=False)
    left.legend(fontsize=9, loc="upper right")
    left.set_title("targets", fontsize=10)

    margin = np.linspace(0, 14, 141)  # correct logit minus every other (equal) logit
    logq_c = -np.log1p((k - 1) * np.exp(-margin))
    logq_o = logq_c - margin
    right.plot(margin, -logq_c, color=figkit.C[0], label="one-hot target")
    for e, c in ((0.1, figkit.C[1]), (0.3, figkit.C[3])):
        loss = -((1 - e + e / k) * logq_c + (k - 1) * (e / k) * logq_o)
        best = np.log((1 - e + e / k) / (e / k))
        right.plot(margin, loss, color=c, label=f"ε = {e:g}")
        at = np.argmin(np.abs(margin - best))
        lq = -np.log1p((k - 1) * np.exp(-best))
        lbest = -((1 - e + e / k) * lq + (k - 1) * (e / k) * (lq - best))
        right.plot([best], [lbest], "o", color=c, ms=5)
        right.annotate(f"minimum at {best:.2f}", (best, lbest), xytext=(6, -15), textcoords="offset points",
                       fontsize=8.5, color=c)
        assert abs(loss[at] - lbest) < 0.01
    right.set_ylim(0, 2.6)
    right.set_xlabel("margin: correct logit − each other logit")
    right.set_ylabel("loss (nats)")
    right.legend(fontsize=9, loc="upper right")
    right.set_title("the loss stops rewarding larger margins", fontsize=10)
    fig.tight_layout()
    figkit.save(fig, SLUG, "label-smoothing")


def gradient_vs_confidence():
    """Gradient on the true class's logit against the probability the model gives it (K = 3, the others tied)."""
    q = np.linspace(0.0005, 0.9995, 200)
    k = 3
    # logits (m, 0, 0) with the true class first: q = e^m / (e^m + 2); squared error on all K outputs
    other = (1 - q) / (k - 1)
    ce = q - 1
    # dL/dz_c for L = sum_i (p_i - y_i)^2 is sum_i 2 (p_i - y_i) p_i (delta_ic - p_c)
    se = 2 * (q - 1) * q * (1 - q) + (k - 1) * 2 * other * other * (-q)
    fig, ax = figkit.figure(6.4, 3.0)
    ax.plot(q, np.abs(ce), color=figkit.C[0], label="cross-entropy: |q − 1|")
    ax.plot(q, np.abs(se), color=figkit.C[1], label="squared error on the probabilities")
    ax.set_xscale("log")
    ax.set_xlabel("probability q the model gives the true class (log scale)")
    ax.set_ylabel("|gradient| on its logit")
    ax.set_ylim(0, 1.05)
    ax.legend(fontsize=9, loc="center left")
    ax.set_title("confidently wrong (left): cross-entropy pushes hardest, squared error barely moves", fontsize=10)
    fig.tight_layout()
    figkit.save(fig, SLUG, "gradient-vs-confidence")


def main():
    entropy_ce_kl()
    forward_reverse_kl()
    label_smoothing()
    gradient_vs_confidence()


if __name__ == "__main__":
    main()
