"""Figures for Statistics & Inference: the sampling distribution of a maximum-likelihood estimate, a double-descent
experiment with its bias-variance decomposition, a bootstrap distribution against Wald and Wilson intervals, the
exact coverage of those two intervals, and the power of the A/B test's two-proportion z-test."""
import numpy as np
from scipy import stats

import figkit

SLUG = "statistics-and-inference"
Z = stats.norm.ppf(0.975)


def wald(k, n):
    p = k / n
    h = Z * np.sqrt(p * (1 - p) / n)
    return p - h, p + h


def wilson(k, n):
    p = k / n
    centre = (p + Z * Z / (2 * n)) / (1 + Z * Z / n)
    h = Z / (1 + Z * Z / n) * np.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n))
    return centre - h, centre + h


def mle_normality():
    """MLE of an exponential rate (1 / sample mean) over many simulated samples, against its normal approximation."""
    rng = np.random.default_rng(1)
    lam = 2.0
    fig, axes = figkit.figure(8.2, 3.2, ncols=2)
    for ax, n, c in zip(axes, (10, 100), (figkit.C[1], figkit.C[0])):
        est = 1 / rng.exponential(1 / lam, size=(20_000, n)).mean(axis=1)
        se = lam / np.sqrt(n)  # 1 / sqrt(n I(lambda)), with I(lambda) = 1 / lambda^2
        lo, hi = lam - 4 * se, lam + 5 * se
        bins = np.linspace(lo, hi, 61)
        ax.hist(est, bins=bins, density=True, histtype="stepfilled", color=c, alpha=0.35, linewidth=0)
        x = np.linspace(lo, hi, 161)
        ax.plot(x, stats.norm.pdf(x, lam, se), color=figkit.FG, linewidth=1.4, label="normal approximation")
        ax.axvline(lam, color=figkit.MUTED, linewidth=0.8, linestyle=":")
        ax.set_title(f"n = {n}: mean of estimates {est.mean():.3f}, true λ = {lam:g}", fontsize=10)
        ax.set_xlabel("maximum-likelihood estimate of λ")
        ax.set_xlim(lo, hi)
        ax.set_yticks([])
    axes[0].legend(loc="upper right", fontsize=9)
    fig.tight_layout()
    figkit.save(fig, SLUG, "mle-normality")


def double_descent_data(ps, n=40, d=10, sigma=0.5, repeats=100, ridge=0.0, seed=0):
    """Random ReLU features regression: for each width p, fit `repeats` training sets of size n (fresh data and
    features each time) by minimum-norm least squares (or ridge), and return bias^2, variance and test error."""
    rng = np.random.default_rng(seed)
    beta = rng.standard_normal(d) / np.sqrt(d)
    target = lambda X: X @ beta + 0.5 * np.tanh(X[:, 0] * X[:, 1])
    Xt = rng.standard_normal((500, d))
    ft = target(Xt)
    rows = []
    for p in ps:
        preds = np.empty((repeats, len(Xt)))
        for r in range(repeats):
            X = rng.standard_normal((n, d))
            y = target(X) + sigma * rng.standard_normal(n)
            W = rng.standard_normal((d, p)) / np.sqrt(d)
            Phi, Phit = np.maximum(0, X @ W) / np.sqrt(p), np.maximum(0, Xt @ W) / np.sqrt(p)
            if ridge > 0:
                coef = np.linalg.solve(Phi.T @ Phi + ridge * np.eye(p), Phi.T @ y)
            else:
                coef = np.linalg.lstsq(Phi, y, rcond=None)[0]
            preds[r] = Phit @ coef
        bias2 = float(np.mean((preds.mean(axis=0) - ft) ** 2))
        var = float(np.mean(preds.var(axis=0)))
        # The squared error of the average of `repeats` fits overstates bias^2 by var / (repeats - 1) on average;
        # remove that, and leave a gap where the correction is as large as what it corrects (bias not measurable).
        noise = var / (repeats - 1)
        bias2_debiased = bias2 - noise if noise < bias2 / 2 else np.nan
        rows.append((p, bias2_debiased, var, bias2 + var + sigma ** 2))
    return np.array(rows)


PS = [1, 2, 3, 5, 7, 10, 14, 20, 25, 30, 34, 37, 39, 40, 41, 43, 46, 50, 60, 80, 100, 140, 200, 300, 500, 1000]


def double_descent():
    n = 40
    rows = double_descent_data(PS, n=n)
    ridge = double_descent_data(PS, n=n, ridge=0.1, seed=0)
    fig, ax = figkit.figure(6.8, 3.8)
    ax.plot(rows[:, 0], rows[:, 3], color=figkit.C[0], label="test error (minimum-norm fit)", marker="o",
            markersize=3)
    ax.plot(rows[:, 0], rows[:, 1], color=figkit.C[2], label="bias² (gap: not measurable near p = n)", linestyle="--")
    ax.plot(rows[:, 0], rows[:, 2], color=figkit.C[1], label="variance", linestyle="-.")
    ax.plot(ridge[:, 0], ridge[:, 3], color=figkit.C[3], label="test error (ridge, λ = 0.1)")
    ax.axhline(0.25, color=figkit.MUTED, linewidth=0.8, linestyle=":")
    ax.text(110, 0.2, "noise floor σ² = 0.25", color=figkit.FG, fontsize=9)
    ax.axvline(n, color=figkit.MUTED, linewidth=0.8)
    ax.text(n * 1.25, 200, f"p = n = {n}\n(interpolation\nthreshold)", color=figkit.FG, fontsize=9, va="top")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_ylim(0.01, 300)
    ax.set_xlabel("number of random features p (model size)")
    ax.set_ylabel("mean squared error")
    ax.legend(loc="upper left", fontsize=8.5)
    fig.tight_layout()
    figkit.save(fig, SLUG, "double-descent")


def bootstrap_intervals():
    """46 correct answers out of 50: the bootstrap distribution of the accuracy, and three 95% intervals."""
    k, n = 46, 50
    rng = np.random.default_rng(0)
    sample = np.r_[np.ones(k), np.zeros(n - k)]
    boot = rng.choice(sample, size=(10_000, n), replace=True).mean(axis=1)
    values, counts = np.unique(boot, return_counts=True)
    fig, ax = figkit.figure(6.8, 3.6)
    ax.bar(values, counts / counts.sum(), width=0.014, color=figkit.C[5], label="bootstrap accuracies (10,000 resamples)")
    ymax = (counts / counts.sum()).max()
    intervals = [("Wald", wald(k, n), figkit.C[1]), ("Wilson", wilson(k, n), figkit.C[0]),
                 ("bootstrap percentile", tuple(np.percentile(boot, [2.5, 97.5])), figkit.C[2])]
    for i, (name, (lo, hi), c) in enumerate(intervals):
        y = -0.05 - 0.045 * i
        ax.plot([lo, hi], [y, y], color=c, linewidth=3, solid_capstyle="butt")
        ax.text(0.70, y, f"{name}: [{lo:.3f}, {hi:.3f}]", color=figkit.FG, fontsize=9, va="center")
    ax.axvline(1.0, color=figkit.MUTED, linewidth=0.8, linestyle=":")
    ax.axvline(k / n, color=figkit.FG, linewidth=0.8)
    ax.set_xlim(0.69, 1.02)
    ax.set_ylim(-0.05 - 0.045 * 3, ymax * 1.25)
    ax.set_yticks([t for t in ax.get_yticks() if t >= 0])
    ax.set_xlabel(f"accuracy (observed {k}/{n} = {k / n:.2f})")
    ax.set_ylabel("share of resamples")
    ax.legend(loc="upper left", fontsize=9)
    fig.tight_layout()
    figkit.save(fig, SLUG, "bootstrap-intervals")


def coverage():
    """Exact coverage of nominal 95% Wald and Wilson intervals for n = 50, as the true proportion varies."""
    n = 50
    k = np.arange(n + 1)
    ps = np.linspace(0.5, 0.995, 397)
    cov = {"Wald": [], "Wilson": []}
    for p in ps:
        pmf = stats.binom.pmf(k, n, p)
        for name, f in (("Wald", wald), ("Wilson", wilson)):
            lo, hi = f(k, n)
            cov[name].append(pmf[(lo <= p) & (p <= hi)].sum())
    fig, ax = figkit.figure(6.8, 3.4)
    ax.plot(ps, cov["Wald"], color=figkit.C[1], label="Wald", linewidth=1.3)
    ax.plot(ps, cov["Wilson"], color=figkit.C[0], label="Wilson", linewidth=1.3)
    ax.axhline(0.95, color=figkit.FG, linewidth=0.8, linestyle="--")
    ax.text(0.505, 0.955, "nominal 95%", color=figkit.FG, fontsize=9, va="bottom")
    ax.set_xlim(0.5, 1.0)
    ax.set_ylim(0.3, 1.0)
    ax.set_xlabel(f"true proportion p (n = {n})")
    ax.set_ylabel("actual coverage")
    ax.legend(loc="lower left", fontsize=9)
    fig.tight_layout()
    figkit.save(fig, SLUG, "coverage")


def ab_power(lift, n, p1=0.05):
    """Power of the two-sided two-proportion z-test at alpha = 0.05 against a true lift (control rate p1, n users per
    arm), by the normal approximation behind the essay's sample-size formula."""
    p2 = p1 + lift
    se = np.sqrt((p1 * (1 - p1) + p2 * (1 - p2)) / n)
    return stats.norm.cdf(lift / se - Z) + stats.norm.cdf(-lift / se - Z)


def power_curve():
    """Power against the true lift over a 5.0% control rate, for the 10,000 users per arm of the A/B test and for the
    31,200 per arm that the sample-size formula asks for a 0.5-point lift."""
    lifts = np.linspace(0, 0.015, 151)
    fig, ax = figkit.figure(6.8, 3.6)
    ax.axhline(0.8, color=figkit.MUTED, linewidth=0.8, linestyle="--")
    ax.text(1.5, 0.815, "80% power", color=figkit.FG, fontsize=9, ha="right", va="bottom")
    ax.axhline(0.05, color=figkit.MUTED, linewidth=0.8, linestyle=":")
    ax.text(1.5, 0.065, "α = 0.05: at zero lift every rejection is a false positive", color=figkit.FG, fontsize=9,
            ha="right", va="bottom")
    points = [(10_000, 0.006, figkit.C[0], "10,000 users per arm (the test as run)", (0.64, 0.44), "left"),
              (31_200, 0.005, figkit.C[2], "31,200 users per arm", (0.46, 0.85), "right")]
    for n, lift, c, label, (tx, ty), ha in points:
        ax.plot(lifts * 100, ab_power(lifts, n), color=c, label=label)
        power = ab_power(lift, n)
        ax.plot([lift * 100], [power], "o", color=c, markersize=6)
        ax.text(tx, ty, f"{power:.0%} at a {lift * 100:.1f}-point lift", color=figkit.FG, fontsize=9, ha=ha,
                va="center")
    ax.set_xlim(0, 1.5)
    ax.set_ylim(0, 1.0)
    ax.set_xlabel("true lift in conversion rate (percentage points over 5.0%)")
    ax.set_ylabel("power (probability that p < 0.05)")
    ax.legend(loc="lower right", fontsize=9, bbox_to_anchor=(1.0, 0.12))
    fig.tight_layout()
    figkit.save(fig, SLUG, "ab-power")


def main():
    mle_normality()
    double_descent()
    bootstrap_intervals()
    coverage()
    power_curve()
