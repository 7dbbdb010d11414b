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


def well_energy(x):
    return (x ** 2 - 1) ** 2 + 0.25 * x  # two minima; the left one is deeper


def double_well():
    x = np.linspace(-2.0, 2.0, 201)
    E = well_energy(x)
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


X0, STEP, STRIDE = 0.967, 0.25, 8  # start: the shallower minimum; proposal width; every STRIDE-th state is drawn


def metropolis(rng, temps, runs=1, x0=X0, step=STEP):
    """Metropolis chains on well_energy, all started at the shallower minimum: Gaussian proposals of width step,
    rejected outside [-2, 2]; temps holds the temperature of each step. Returns the states, shape (steps, runs)."""
    x = np.full(runs, x0)
    xs = np.empty((len(temps), runs))
    for k, T in enumerate(temps):
        y = x + step * rng.standard_normal(runs)
        dE = well_energy(y) - well_energy(x)
        accept = (np.abs(y) <= 2) & (rng.random(runs) < np.exp(-np.maximum(dE, 0) / T))
        x = np.where(accept, y, x)
        xs[k] = x
    return xs


def metropolis_traces():
    n, cold, hot = 2000, 0.05, 2.0
    x = np.linspace(-2.0, 2.0, 201)  # the grid of double_well(), for the barrier the essay quotes
    E = well_energy(x)
    barrier = E[(x > -0.5) & (x < 0.5)].max() - E[x > 0].min()
    rng = np.random.default_rng(0)
    runs = {"cold": metropolis(rng, np.full(n, cold))[:, 0], "hot": metropolis(rng, np.full(n, hot))[:, 0]}
    schedule = hot * (cold / hot) ** (np.arange(n) / (n - 1))  # geometric cooling from T = 2 to T = 0.05
    annealed = metropolis(rng, schedule, runs=1000)
    runs["anneal"] = annealed[:, 0]  # the first of the 1,000 runs
    mantissa, exponent = f"{np.exp(-barrier / cold):.1e}".split("e")
    tiny = f"{mantissa}×10" + str(int(exponent)).translate(str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹"))
    titles = {
        "cold": f"T = {cold:g}: the climb of {barrier:.3f} to the barrier top is accepted with probability {tiny}",
        "hot": f"T = {hot:g}: the same climb is accepted with probability {np.exp(-barrier / hot):.2f}",
        "anneal": f"T lowered from {hot:g} to {cold:g}: {np.mean(annealed[-1] < 0):.0%} of 1,000 such runs "
                  "end in the deeper well",
    }
    colours = {"cold": figkit.C[0], "hot": figkit.C[1], "anneal": figkit.C[3]}
    i_left, i_right = np.argmin(np.where(x < 0, E, np.inf)), np.argmin(np.where(x > 0, E, np.inf))
    i_top = np.argmax(np.where(np.abs(x) < 0.5, E, -np.inf))
    fig, axes = figkit.figure(6.4, 4.4, nrows=3, sharex=True, sharey=True)
    steps = np.arange(0, n + 1, STRIDE)  # state 0 is X0; drawing every STRIDE-th keeps the file small
    for ax, key in zip(axes, titles):
        ax.plot(steps, np.concatenate([[X0], runs[key]])[steps], color=colours[key], lw=0.9)
        ax.set_title(titles[key], fontsize=9, loc="left")
        ax.grid(axis="x", visible=False)
        ax.tick_params(axis="y", labelsize=8.5)
    axes[0].set_ylim(-2, 2)
    axes[0].set_yticks([x[i_left], x[i_top], x[i_right]], ["deeper well", "barrier", "shallower well"])
    axes[1].set_ylabel("configuration x", fontsize=9.5)
    ticks = np.arange(0, n + 1, 500)
    temps = schedule[np.maximum(ticks - 1, 0)]  # the temperature of step k is schedule[k - 1]
    axes[-1].set_xticks(ticks, [f"{k:,}\nT = {T:.2g}" for k, T in zip(ticks, temps)], fontsize=8.5)
    axes[-1].set_xlim(0, n)
    axes[-1].set_xlabel("Metropolis step (and the temperature of the annealed run)", fontsize=9.5)
    fig.tight_layout()
    figkit.save(fig, SLUG, "metropolis-traces")


def main():
    level_populations()
    free_energy()
    double_well()
    metropolis_traces()


if __name__ == "__main__":
    main()
