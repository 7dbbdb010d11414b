"""Figures for content/essays/modern-transformer-anatomy.md: the modern block, GQA/MHA/MQA, LoRA, RoPE wavelengths, MLA,
MoE routing."""
import numpy as np

import figkit

SLUG = "modern-transformer-anatomy"


def _box(x, y, w, h, label, sub=None, cls="box"):
    out = f'<rect class="{cls}" x="{x}" y="{y}" width="{w}" height="{h}" rx="6"/>'
    cy = y + h / 2 + (-4 if sub else 5)
    out += f'<text class="t" x="{x + w / 2}" y="{cy}" text-anchor="middle" font-size="14">{label}</text>'
    if sub:
        out += f'<text class="m" x="{x + w / 2}" y="{cy + 18}" text-anchor="middle" font-size="12">{sub}</text>'
    return out


def _plus(x, y):
    return (f'<circle cx="{x}" cy="{y}" r="11" class="box"/>'
            f'<path class="ln" d="M{x - 6},{y}H{x + 6}M{x},{y - 6}V{y + 6}"/>')


def block():
    rx = 90  # the residual stream
    b = []
    b.append(f'<path class="ln" d="M{rx},455V{300 + 11}" marker-end="url(#arrow)"/>')
    b.append(f'<path class="ln" d="M{rx},{300 - 11}V{140 + 11}" marker-end="url(#arrow)"/>')
    b.append(f'<path class="ln" d="M{rx},{140 - 11}V40" marker-end="url(#arrow)"/>')
    b.append(f'<text class="t" x="{rx}" y="470" text-anchor="middle" font-size="14">x (residual stream)</text>')
    b.append(f'<text class="t" x="{rx}" y="28" text-anchor="middle" font-size="14">to the next block</text>')
    b.append(f'<text class="m" x="{rx - 12}" y="225" text-anchor="end" font-size="14">h</text>')
    for y_branch, y_join, title, sub1, sub2, cls in [
            (410, 300, "Grouped-query attention", "q_proj, k_proj, v_proj; RoPE rotates q and k", "causal softmax over keys, then o_proj", "s1"),
            (250, 140, "SwiGLU feed-forward", "down_proj( SiLU(gate_proj x) ⊙ up_proj x )", "or: router + a few of many experts", "s3")]:
        b.append(f'<path class="ln" d="M{rx},{y_branch}H150" marker-end="url(#arrow)"/>')
        b.append(_box(150, y_branch - 18, 100, 36, "RMSNorm"))
        b.append(f'<path class="ln" d="M250,{y_branch}H290" marker-end="url(#arrow)"/>')
        b.append(f'<rect class="box {cls}" style="stroke-width:2" x="290" y="{y_branch - 38}" width="300" height="76" rx="6"/>')
        b.append(f'<text class="t" x="440" y="{y_branch - 12}" text-anchor="middle" font-size="15">{title}</text>')
        b.append(f'<text class="m" x="440" y="{y_branch + 8}" text-anchor="middle" font-size="12">{sub1}</text>')
        b.append(f'<text class="m" x="440" y="{y_branch + 25}" text-anchor="middle" font-size="12">{sub2}</text>')
        b.append(f'<path class="ln" d="M440,{y_branch - 38}V{y_join}H{rx + 11}" marker-end="url(#arrow)"/>')
        b.append(_plus(rx, y_join))
    b.append('<text class="m" x="600" y="28" text-anchor="end" font-size="12">after the last block: RMSNorm, output projection, softmax</text>')
    figkit.svg(SLUG, "block", 620, 480, "".join(b), "A Llama-style pre-norm decoder block")


def gqa():
    b = []
    panels = [("Multi-head", 8), ("Grouped-query", 2), ("Multi-query", 1)]
    pw = 220
    for p, (name, n_kv) in enumerate(panels):
        x0 = 10 + p * pw
        b.append(f'<text class="t" x="{x0 + 100}" y="22" text-anchor="middle" font-size="15">{name}</text>')
        b.append(f'<text class="m" x="{x0 + 100}" y="40" text-anchor="middle" font-size="12">8 query heads, {n_kv} key/value head{"s" if n_kv > 1 else ""}</text>')
        qx = [x0 + 8 + i * 24 for i in range(8)]
        group = 8 // n_kv
        kv_w = 20 if n_kv == 8 else 40
        kvx = [np.mean(qx[g * group:(g + 1) * group]) + 8 - kv_w / 2 for g in range(n_kv)]
        for i, x in enumerate(qx):
            g = i // group
            b.append(f'<path class="lm" d="M{x + 8},{76}L{kvx[g] + kv_w / 2},{150}"/>')
        for x in qx:
            b.append(f'<rect class="f1" x="{x}" y="56" width="16" height="20" rx="3"/>')
        for x in kvx:
            b.append(f'<rect class="f2" x="{x}" y="150" width="{kv_w}" height="20" rx="3"/>')
        b.append(f'<text class="t" x="{x0 + 100}" y="196" text-anchor="middle" font-size="13">cache: {n_kv}/8 of multi-head</text>')
    b.append('<rect class="f1" x="150" y="214" width="14" height="14" rx="3"/>'
             '<text class="t" x="170" y="226" font-size="12">query head</text>'
             '<rect class="f2" x="290" y="214" width="14" height="14" rx="3"/>'
             '<text class="t" x="310" y="226" font-size="12">key/value head (cached)</text>')
    figkit.svg(SLUG, "gqa", 670, 240, "".join(b), "Multi-head, grouped-query and multi-query attention")


def lora():
    b = []
    # input and output
    b.append('<text class="t" x="250" y="330" text-anchor="middle" font-size="15">x  (d_in)</text>')
    b.append('<path class="ln" d="M250,315V300H140V270" marker-end="url(#arrow)"/>')
    b.append('<path class="ln" d="M250,300H420V280" marker-end="url(#arrow)"/>')
    # frozen W0
    b.append('<rect class="box" x="40" y="110" width="200" height="160" rx="6"/>')
    b.append('<text class="t" x="140" y="180" text-anchor="middle" font-size="16">W₀</text>')
    b.append('<text class="m" x="140" y="202" text-anchor="middle" font-size="12">d_out × d_in, frozen</text>')
    # A: trapezoid wide at bottom (d_in) narrowing to r
    b.append('<path class="f1" style="opacity:.85" d="M350,280H490L440,220H400Z"/>')
    b.append('<text class="t" x="505" y="255" font-size="13">A: r × d_in</text>')
    b.append('<text class="m" x="505" y="272" font-size="12">random at start</text>')
    # B: narrow at bottom (r) widening to d_out
    b.append('<path class="f3" style="opacity:.85" d="M400,200H440L490,140H350Z"/>')
    b.append('<text class="t" x="505" y="165" font-size="13">B: d_out × r</text>')
    b.append('<text class="m" x="505" y="182" font-size="12">zero at start</text>')
    b.append('<text class="m" x="420" y="214" text-anchor="middle" font-size="11">r</text>')
    b.append('<path class="ln" d="M420,140V95" marker-end="url(#arrow)"/>')
    b.append('<text class="t" x="430" y="118" font-size="14">× α/r</text>')
    b.append('<path class="ln" d="M140,110V80H268" marker-end="url(#arrow)"/>')
    b.append('<path class="ln" d="M420,95V80H292" marker-end="url(#arrow)"/>')
    b.append(_plus(280, 80))
    b.append('<path class="ln" d="M280,69V35" marker-end="url(#arrow)"/>')
    b.append('<text class="t" x="290" y="30" font-size="15">h = W₀x + (α/r)·BAx   (d_out)</text>')
    b.append('<text class="m" x="140" y="222" text-anchor="middle" font-size="12">no gradients</text>')
    b.append('<text class="m" x="420" y="340" text-anchor="middle" font-size="12">trained: r(d_in + d_out) numbers</text>')
    figkit.svg(SLUG, "lora", 640, 350, "".join(b), "A LoRA adapter beside a frozen weight matrix")


def rope_wavelengths():
    d = 128
    i = np.arange(d // 2)
    fig, ax = figkit.figure(6.4, 3.6)
    for base, color in [(10_000, figkit.C[0]), (500_000, figkit.C[1])]:
        wavelength = 2 * np.pi / base ** (-2 * i / d)
        ax.plot(i, wavelength, color=color, label=f"base {base:,}")
        ax.annotate(f"{wavelength[-1]:,.0f}", (i[-1], wavelength[-1]), textcoords="offset points",
                    xytext=(-4, 6), ha="right", color=color, fontsize=10)
    ax.annotate(f"pair 0: {2 * np.pi:.1f} tokens for both", (0, 2 * np.pi), textcoords="offset points",
                xytext=(8, -4), fontsize=10, color=figkit.FG)
    ax.axhline(8192, color=figkit.MUTED, linestyle="--", linewidth=1.2)
    ax.text(1, 8192 * 1.4, "8,192-token context", color=figkit.MUTED, fontsize=10)
    ax.set_yscale("log")
    ax.set_xlabel("frequency pair i (head dimension 128)")
    ax.set_ylabel("tokens per full turn")
    ax.legend(loc="upper left", bbox_to_anchor=(0.0, 0.9))
    figkit.save(fig, SLUG, "rope-wavelengths")


def _sub(name, sup):
    return f'{name}<tspan font-size="10" dy="-6">{sup}</tspan>'


def mla():
    d_model, d_c, d_rope, heads, d_head, layers = 7168, 512, 64, 128, 128, 61  # DeepSeek-V3
    cached, mha = d_c + d_rope, 2 * heads * d_head
    b = []
    b.append(_box(10, 112, 120, 64, "hidden state h", f"d = {d_model:,}"))
    # the two cached vectors, outlined in the "cached" colour of the GQA figure
    for y, label, sub in [(62, f"latent c ({d_c})", "keys and values"), (196, f"rotary key ({d_rope})", "shared by all heads")]:
        b.append(f'<rect class="box s2" style="stroke-width:2.5" x="250" y="{y}" width="150" height="56" rx="6"/>')
        b.append(f'<text class="t" x="325" y="{y + 24}" text-anchor="middle" font-size="14">{label}</text>')
        b.append(f'<text class="m" x="325" y="{y + 42}" text-anchor="middle" font-size="12">{sub}</text>')
    b.append('<path class="ln" d="M130,132H190V90H248" marker-end="url(#arrow)"/>')
    b.append(f'<text class="t" x="196" y="82" font-size="13">{_sub("W", "DKV")}</text>')
    b.append('<path class="ln" d="M130,156H190V224H248" marker-end="url(#arrow)"/>')
    b.append(f'<text class="t" x="120" y="258" font-size="13">{_sub("W", "KR")}, then RoPE</text>')
    # up-projections to per-head values and keys
    for y, w_name, label, sub in [(18, "UV", f"values: {heads} heads × {d_head}", "folded into o_proj at inference"),
                                  (110, "UK", f"keys: {heads} heads × ({d_head} + {d_rope})", "folded into the queries at inference")]:
        b.append(_box(500, y, 230, 56, label, sub))
        b.append(f'<path class="ln" d="M400,90H440V{y + 28}H498" marker-end="url(#arrow)"/>')
        b.append(f'<text class="t" x="446" y="{y + 22}" font-size="13">{_sub("W", w_name)}</text>')
    b.append('<path class="ln" d="M400,224H615V168" marker-end="url(#arrow)"/>')
    b.append('<text class="m" x="625" y="200" font-size="12">appended to every head</text>')
    b.append(f'<text class="t" x="20" y="290" font-size="13">cached per token and layer: {d_c} + {d_rope} = {cached} numbers,'
             f' against {mha:,} for multi-head attention ({mha / cached:.0f}× fewer)</text>')
    b.append('<rect class="box s2" style="stroke-width:2.5" x="20" y="22" width="22" height="14" rx="3"/>'
             '<text class="m" x="50" y="34" font-size="12">cached</text>')
    figkit.svg(SLUG, "mla", 800, 305, "".join(b), "Multi-head latent attention: what is cached and what is rebuilt")


def moe_routing():
    d, n_routed, n_shared, k, d_ff = 7168, 256, 1, 8, 2048  # DeepSeek-V3
    weights = 3 * d * d_ff
    scores = np.random.default_rng(19).normal(size=n_routed)  # illustrative router scores
    chosen = sorted(np.argsort(scores)[-k:])
    x0, pitch, base = 290, 1.75, 140  # bars and expert slots share x positions
    heights = np.rint(10 + 74 * (scores - scores.min()) / np.ptp(scores)).astype(int)
    xs = [x0 + pitch * i + pitch / 2 for i in range(n_routed)]
    b = ['<text class="t" x="10" y="22" font-size="15">DeepSeek-V3:</text>'
         '<text class="t" x="10" y="42" font-size="15">one token, one MoE layer</text>']
    # residual stream along the bottom, branch up through RMSNorm
    b.append('<path class="ln" d="M20,392H699" marker-end="url(#arrow)"/><path class="ln" d="M721,392H805" marker-end="url(#arrow)"/>')
    b.append(f'<text class="t" x="20" y="413" font-size="13">h (residual stream, d = {d:,})</text>')
    b.append('<text class="t" x="805" y="413" text-anchor="end" font-size="13">to the next layer</text>')
    b.append('<path class="ln" d="M60,392V224" marker-end="url(#arrow)"/>')
    b.append(_box(10, 186, 100, 36, "RMSNorm"))
    b.append('<text class="m" x="124" y="194" font-size="13">u</text>')
    # router and its scores
    b.append('<path class="ln" d="M60,186V100H148" marker-end="url(#arrow)"/>')
    b.append(_box(150, 77, 110, 46, "router W<tspan font-size=\'10\' dy=\'4\'>g</tspan>", f"{d:,} × {n_routed}"))
    b.append('<path class="ln" d="M260,100H286" marker-end="url(#arrow)"/>')
    b.append(f'<text class="t" x="{x0}" y="22" font-size="13">s = uW<tspan font-size="10" dy="4">g</tspan>'
             f'<tspan dy="-4">: one score sᵢ per routed expert ({n_routed}, illustrative)</tspan></text>')
    b.append(f'<text class="m" x="{x0}" y="40" font-size="12">the {k} highest are chosen (ranked on sᵢ + bias bᵢ);'
             ' their weights gᵢ use sᵢ alone</text>')
    bars = "".join(f"M{xs[i]:g},{base}v-{heights[i]}" for i in range(n_routed) if i not in chosen)
    b.append(f'<path style="stroke:var(--muted);stroke-width:1.2" d="{bars}"/>')
    top = "".join(f"M{xs[i]:g},{base}v-{heights[i]}" for i in chosen)
    b.append(f'<path class="s1" style="stroke-width:2.6" d="{top}"/>')
    b.append(f'<text class="t" x="746" y="96" font-size="12">top {k}</text>')
    # routed experts: one slot per score, the skipped ones faint
    b.append(f'<path style="stroke:var(--grid);stroke-width:36;stroke-dasharray:1.2 {pitch - 1.2:g}" '
             f'd="M{x0 + (pitch - 1.2) / 2:g},200h{pitch * n_routed:g}"/>')
    b.append('<path class="ln" d="M110,200H286" marker-end="url(#arrow)"/>')
    links = "".join(f"M{xs[i]:g},{base + 2}V182" for i in chosen)
    b.append(f'<path class="lm" style="stroke-dasharray:3 2" d="{links}"/>')
    b.append(f'<path class="s1" style="stroke-width:3.2" d="{"".join(f"M{xs[i]:g},182v36" for i in chosen)}"/>')
    b.append(f'<text class="t" x="746" y="192" font-size="12">{n_routed} routed</text>'
             '<text class="t" x="746" y="206" font-size="12">experts,</text>'
             f'<text class="m" x="746" y="220" font-size="12">{k} run</text>')
    # the chosen outputs gathered into a weighted sum; the shared expert beside it
    bx, bw, cx = 350, 320, 510
    b.append(f'<path class="lm" d="{"".join(f"M{xs[i]:g},219L{cx},256" for i in chosen)}"/>')
    b.append(f'<text class="m" x="398" y="250" text-anchor="end" font-size="12">each output × its gᵢ</text>')
    b.append(f'<rect class="box s1" style="stroke-width:2" x="{bx}" y="258" width="{bw}" height="46" rx="6"/>')
    b.append(f'<text class="t" x="{cx}" y="277" text-anchor="middle" font-size="14">Σ gᵢ · Expertᵢ(u) over the top {k}</text>')
    b.append(f'<text class="m" x="{cx}" y="295" text-anchor="middle" font-size="12">'
             f'each SwiGLU, hidden size {d_ff:,}, ≈{weights / 1e6:.0f}M weights</text>')
    b.append(f'<path class="ln" d="M110,212H200V345H{bx - 2}" marker-end="url(#arrow)"/>')
    b.append(f'<rect class="box s3" style="stroke-width:2" x="{bx}" y="322" width="{bw}" height="46" rx="6"/>')
    b.append(f'<text class="t" x="{cx}" y="341" text-anchor="middle" font-size="14">{n_shared} shared expert(u)</text>')
    b.append(f'<text class="m" x="{cx}" y="359" text-anchor="middle" font-size="12">always runs; same size as a routed expert</text>')
    # the layer output, then the residual add
    b.append(f'<path class="ln" d="M{bx + bw},281H710V334" marker-end="url(#arrow)"/>')
    b.append(f'<path class="ln" d="M{bx + bw},345H697" marker-end="url(#arrow)"/>')
    b.append(_plus(710, 345))
    b.append('<path class="ln" d="M710,356V379" marker-end="url(#arrow)"/>')
    b.append(_plus(710, 392))
    b.append('<text class="m" x="728" y="349" font-size="12">layer output</text>')
    figkit.svg(SLUG, "moe-routing", 820, 420, "".join(b),
               "Mixture-of-experts routing in DeepSeek-V3: 8 of 256 routed experts plus 1 shared expert")


def main():
    block()
    gqa()
    lora()
    rope_wavelengths()
    mla()
    moe_routing()
