"""Figures for content/essays/boltzmann-distribution.md."""
import numpy as np

import figkit

SLUG = "boltzmann-distribution"


def boltzmann(E, T):
    w = np.exp(-(np.asarray(E, dtype=np.float64) - np.min(E)) / T)
    return w / w.sum()


def level_populations():
    E = np.arange(5.0)
    temps = [0.3, 1.0, 5.0]
    fig, axes = figkit.figure(7.2, 3.0, ncols=3, sharey=True)
    for ax, T, c in zip(axes, temps, (figkit.C[0], figkit.C[2], figkit.C[1])):
        p = boltzmann(E, T)
        ax.set_axisbelow(True)
        ax.barh(E, p, height=0.55, color=c)
        for e, v in zip(E, p):
            ax.text(v + 0.02, e, f"{v:.3f}", va="center", fontsize=9)
        ax.set_xlim(0, 1.15)
        ax.set_title(f"T = {T:g}", fontsize=10)
        ax.set_xlabel("probability")
        ax.grid(axis="y", visible=False)
    axes[0].set_yticks(E, [f"E = {e:g}" for e in E])
    axes[0].set_ylabel("energy level (k_B = 1)")
    fig.tight_layout()
    figkit.save(fig, SLUG, "level-populations")


def thermodynamics(E, T):
    p = boltzmann(E, T)
    Z = np.exp(-np.asarray(E) / T).sum()
    U = (p * E).sum()
    S = -(p * np.log(np.maximum(p, 1e-300))).sum()
    F = -T * np.log(Z)
    return U, S, F


def free_energy():
    E = np.array([0.0, 1.0, 2.0])  # the essay's worked example
    ts = np.linspace(0.05, 4, 160)
    rows = np.array([thermodynamics(E, t) for t in ts])
    U, S, F = rows.T
    fig, ax = figkit.figure(6.4, 3.2)
    ax.plot(ts, U, color=figkit.C[1], label="mean energy U")
    ax.plot(ts, -ts * S, color=figkit.C[2], label="entropy term −TS")
    ax.plot(ts, F, color=figkit.C[0], label="free energy F = U − TS = −T ln Z")
    ax.axhline(E.min(), color=figkit.MUTED, lw=1, ls="--")
    ax.axhline(E.mean(), color=figkit.MUTED, lw=1, ls=":")
    ax.text(ts[-1], E.mean() + 0.12, "U → mean of the levels as T → ∞", ha="right", fontsize=9, color=figkit.MUTED)
    u1, s1, f1 = thermodynamics(E, 1.0)
    ax.plot([1, 1, 1], [u1, -s1, f1], "o", color=figkit.FG, ms=4)
    ax.annotate(f"at T = 1: U = {u1:.4f}, −TS = {-s1:.4f},\nF = {f1:.4f}", (1, f1), xytext=(1.9, -0.75),
                fontsize=9, arrowprops=dict(arrowstyle="->", color=figkit.MUTED, lw=1))
    ax.set_ylim(-4.6, 1.4)
    ax.set_xlabel("temperature T (energies 0, 1, 2; k_B = 1)")
    ax.set_ylabel("energy units")
    ax.legend(fontsize=9, loc="lower left")
    fig.tight_layout()
    figkit.save(fig, SLUG, "free-energy")


def double_well():
    x = np.linspace(-2.0, 2.0, 201)
    E = (x ** 2 - 1) ** 2 + 0.25 * x  # two minima; the left one is deeper
    dx = x[1] - x[0]
    fig, (top, bottom) = figkit.figure(6.4, 4.4, nrows=2, sharex=True, gridspec_kw={"height_ratios": [1, 1.2]})
    top.plot(x, E, color=figkit.FG, lw=1.8)
    top.set_ylabel("energy E(x)")
    top.set_ylim(-0.9, 2.0)
    i_left, i_right = np.argmin(np.where(x < 0, E, np.inf)), np.argmin(np.where(x > 0, E, np.inf))
    top.annotate("deeper minimum", (x[i_left], E[i_left]), xytext=(0, -22), textcoords="offset points",
                 ha="center", fontsize=9)
    top.annotate("shallower minimum", (x[i_right], E[i_right]), xytext=(0, -22), textcoords="offset points",
                 ha="center", fontsize=9)
    for T, c in ((0.05, figkit.C[0]), (0.25, figkit.C[2]), (2.0, figkit.C[1])):
        w = np.exp(-(E - E.min()) / T)
        p = w / (w.sum() * dx)
        share = w[x < 0].sum() / w.sum()
        bottom.plot(x, p, color=c, label=f"T = {T:g}: {share:.0%} of the mass in the left well")
    bottom.set_ylabel("density ∝ exp(−E/T)")
    bottom.set_xlabel("configuration x")
    bottom.legend(fontsize=9, loc="upper right")
    fig.tight_layout()
    figkit.save(fig, SLUG, "double-well")


def main():
    level_populations()
    free_energy()
    double_well()


if __name__ == "__main__":
    main()
