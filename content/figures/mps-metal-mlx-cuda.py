"""Figures for content/essays/mps-metal-mlx-cuda.md: roofline, GPU memory hierarchy, memory needed versus model size."""
import numpy as np

import figkit

SLUG = "mps-metal-mlx-cuda"

# Vendor data-sheet peaks: dense BF16 Tensor Core TFLOP/s and memory bandwidth in TB/s.
DEVICES = [("A100 80GB", 312, 2.039), ("H100 SXM", 989, 3.35), ("H200", 989, 4.8)]


def roofline():
    fig, ax = figkit.figure(6.4, 3.8)
    intensity = np.logspace(-1, 3.5, 160)
    for (name, peak, bw), color in zip(DEVICES, figkit.C):
        attainable = np.minimum(peak, intensity * bw)      # TFLOP/s = FLOP/byte * TB/s
        ridge = peak / bw
        ax.plot(intensity, attainable, color=color, label=f"{name} (ridge {ridge:.0f} FLOP/B)")
        ax.plot([ridge], [peak], "o", color=color, markersize=4)
    # a 4096 x 4096 fp16 weight: one token versus a 512-token prompt
    for m, label in [(1, "decode, 1 token"), (512, "prefill, 512 tokens")]:
        k = n = 4096
        i = 2 * m * k * n / (2 * (m * k + k * n + m * n))
        ax.axvline(i, color=figkit.MUTED, linestyle="--", linewidth=1.2)
        ax.text(i * 1.12, 0.25, f"{label}\nI ≈ {i:.0f}", color=figkit.MUTED, fontsize=10)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_ylim(0.15, 2500)
    ax.set_xlabel("arithmetic intensity (FLOP per byte)")
    ax.set_ylabel("attainable TFLOP/s (dense BF16)")
    ax.legend(loc="upper left", fontsize=10, frameon=True, facecolor=figkit.PANEL, edgecolor=figkit.GRID, framealpha=1)
    figkit.save(fig, SLUG, "roofline")


def memory_hierarchy():
    levels = [
        ("Registers", "256 KB per SM (132 SMs)", "per thread, fastest"),
        ("Shared memory / L1", "256 KB per SM, up to 228 KB shared", "per block: the tiles of a matmul"),
        ("L2 cache", "50 MB", "shared by all SMs"),
        ("HBM3", "80 GB at 3.35 TB/s", "weights, KV cache, activations"),
        ("Off the card", "host RAM over PCIe 5.0 (≈64 GB/s each way)", "other GPUs over NVLink (900 GB/s, both ways together)"),
    ]
    b = []
    x_mid, top, h, gap = 385, 20, 56, 10
    for k, (name, size, note) in enumerate(levels):
        width = 400 + k * 55
        x = x_mid - width / 2
        y = top + k * (h + gap)
        cls = f"f{k + 1}" if k < 4 else "box"
        b.append(f'<rect class="{cls}" style="opacity:{0.28 if k < 4 else 1}" x="{x}" y="{y}" width="{width}" height="{h}" rx="6"/>')
        b.append(f'<rect class="box" style="fill:none" x="{x}" y="{y}" width="{width}" height="{h}" rx="6"/>')
        b.append(f'<text class="t" x="{x_mid}" y="{y + 22}" text-anchor="middle" font-size="15">{name}: {size}</text>')
        b.append(f'<text class="m" x="{x_mid}" y="{y + 42}" text-anchor="middle" font-size="12">{note}</text>')
    bottom = top + 5 * (h + gap) - gap
    b.append(f'<path class="ln" d="M22,{bottom - 6}V{top + 6}" marker-end="url(#arrow)"/>')
    b.append(f'<text class="m" x="34" y="{top + 14}" font-size="12">faster</text>')
    b.append(f'<text class="m" x="34" y="{bottom - 4}" font-size="12">larger</text>')
    figkit.svg(SLUG, "memory-hierarchy", 700, bottom + 12, "".join(b), "The memory hierarchy of an NVIDIA H100 SXM")


def memory_vs_size():
    fig, ax = figkit.figure(6.4, 4.0)
    params = np.logspace(9, 12, 60)
    for bits, color in [(16, figkit.C[0]), (8.5, figkit.C[2]), (4.5, figkit.C[1])]:
        ax.plot(params / 1e9, params * bits / 8 / 1e9, color=color, label=f"{bits:g} bits per weight")
    for cap, name in [(24, "24 GB: RTX 4090"), (32, "32 GB: RTX 5090"), (80, "80 GB: H100"),
                      (128, "128 GB: M5 Max, DGX Spark, Strix Halo"), (512, "512 GB: M3 Ultra")]:
        ax.axhline(cap, color=figkit.MUTED, linewidth=1, linestyle=":")
        ax.text(1.05, cap * 1.06, name, color=figkit.MUTED, fontsize=9)
    models = [("Llama 3 8B", 8.03e9, (6, -22)), ("Mixtral 8x7B", 46.7e9, (-96, -6)),
              ("Llama 3 70B", 70.55e9, (8, -24)), ("DeepSeek-V3", 671e9, (-84, 4))]
    for name, p, offset in models:
        gb = p * 4.5 / 8 / 1e9
        ax.plot([p / 1e9], [gb], "o", color=figkit.FG, markersize=4)
        ax.annotate(f"{name}\n{gb:.1f} GB", (p / 1e9, gb), textcoords="offset points", xytext=offset,
                    fontsize=9, color=figkit.FG)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlim(1, 1000)
    ax.set_ylim(0.4, 2500)
    ax.set_xlabel("parameters (billions)")
    ax.set_ylabel("weights (GB)")
    ax.legend(loc="lower right", fontsize=10)
    figkit.save(fig, SLUG, "memory-vs-size")


def main():
    roofline()
    memory_hierarchy()
    memory_vs_size()
