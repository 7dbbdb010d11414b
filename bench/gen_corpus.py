#!/usr/bin/env python3
"""Generate a synthetic essay corpus in the content format (series/*.yaml, essays/*.md).

    python3 bench/gen_corpus.py OUT_DIR --essays 10000 --seed 1

The corpus is valid for the importer: unique slugs and orders, known series, front matter with every required
key, cross-links to existing essays and to existing heading ids, closed math. It is deterministic for a given
seed and size, and varied enough to exercise search: a machine-learning vocabulary shared with the real corpus
(so the same benchmark queries find things in both), a long Zipf tail of invented words, headings at two levels,
inline and display TeX, fenced code with identifiers (torch.device, log_softmax), tables and cross-links.

OUT_DIR is replaced if it exists and holds a corpus (series/ and essays/ only); it is refused otherwise.
"""
import argparse
import datetime
import itertools
import os
import random
import shutil
import sys

TOPIC_WORDS = """
temperature softmax attention query key value gradient descent entropy cross probability distribution
normalization normalize normalized normalizing layer residual transformer decoder encoder token embedding
logit logits sampling greedy beam nucleus loss optimizer momentum adam learning rate batch epoch training
inference latency throughput memory bandwidth kernel matrix multiplication tensor vector scalar dimension
variance mean expectation likelihood posterior prior bayes estimator bias regularization dropout weight decay
boltzmann partition function energy equilibrium physics free heat capacity calibration classifier logistic
regression sigmoid activation relu gelu swiglu rotary position encoding context window cache head heads
multi grouped mixture experts router balance alignment reward preference policy reference divergence
kl maximum information surprise bits nats perplexity hypothesis test confidence interval sample population
bootstrap significance power effect size gpu cuda metal apple silicon precision quantization float half
fine tuning lora adapter rank pretraining corpus dataset scaling laws compute parameters flops chinchilla
""".split()

COMMON_WORDS = """
the a of and to in is that it as for with on by this be are from or at which an not but can when each one
all its their more so if we into than then these how what only also two same other most over such both
where about through because between under while after before every first new each any way use used makes
make gives give takes take shows show keeps keep turns turn comes come looks look works work holds hold
""".split()

CODE_SNIPPETS = [
    ('python', 'import torch\ndevice = torch.device("cuda" if torch.cuda.is_available() else "cpu")\n'
               'logp = torch.log_softmax(logits / temperature, dim=-1)'),
    ('python', 'import numpy as np\n\ndef softmax(z, axis=-1):\n    e = np.exp(z - z.max(axis=axis, keepdims=True))\n'
               '    return e / e.sum(axis=axis, keepdims=True)'),
    ('python', 'scores = q @ k.T / np.sqrt(d_k)\nweights = softmax(scores)\nout = weights @ v'),
    ('python', 'optimizer = torch.optim.AdamW(model.parameters(), lr=3e-4, weight_decay=0.1)\n'
               'loss = F.cross_entropy(logits.view(-1, vocab_size), targets.view(-1))\nloss.backward()'),
    ('swift', 'let device = MTLCreateSystemDefaultDevice()!\nlet queue = device.makeCommandQueue()!'),
    ('c', '__global__ void add(float *x, float *y, int n) {\n  int i = blockIdx.x * blockDim.x + threadIdx.x;\n'
          '  if (i < n) y[i] = x[i] + y[i];\n}'),
]

DISPLAY_MATH = [
    r'p_i = \frac{e^{z_i / T}}{\sum_{j=1}^{K} e^{z_j / T}}',
    r'\mathcal{L} = -\sum_{i} y_i \log p_i',
    r'\mathrm{Attention}(Q, K, V) = \mathrm{softmax}\!\left(\frac{Q K^\top}{\sqrt{d_k}}\right) V',
    r'Z = \sum_{i} e^{-E_i / k_B T}',
    r'\hat{\theta} = \arg\max_\theta \prod_{i=1}^{n} p(x_i \mid \theta)',
]

INLINE_MATH = [r'p_i', r'\sqrt{d_k}', r'e^{z_i}', r'\frac{1}{T}', r'\mathbb{E}[X]', r'\sigma(x)', r'\beta',
               r'O(n^2)', r'\nabla_\theta \mathcal{L}']

SYLLABLES = ("ka ri mo ten sul vra don pel ix or un ba fen tro lis gam nor quo zet wil ard ces pho lun"
             " mir tal ven oss ryn dal bek sor tiv").split()


def invented_words(rng, count):
    words = set()
    while len(words) < count:
        words.add(''.join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


class Vocabulary:
    """Draws words with Zipf-like frequencies: common words most, topic words often, invented words as a long tail."""

    def __init__(self, rng, invented):
        self.rng = rng
        self.pool = COMMON_WORDS + TOPIC_WORDS + invented
        self.cumulative = list(itertools.accumulate(1.0 / (rank + 10) for rank in range(len(self.pool))))
        self.topic = TOPIC_WORDS

    def words(self, n):
        return self.rng.choices(self.pool, cum_weights=self.cumulative, k=n)

    def topic_words(self, n):
        return [self.rng.choice(self.topic) for _ in range(n)]


def sentence(rng, vocab, focus):
    words = vocab.words(rng.randint(8, 22))
    for _ in range(rng.randint(0, 2)):
        words.insert(rng.randrange(len(words) + 1), rng.choice(focus))
    text = ' '.join(words)
    return text[0].upper() + text[1:] + rng.choice(['.', '.', '.', '?'])


def paragraph(rng, vocab, focus, essays, headings_of, self_slug):
    parts = []
    for _ in range(rng.randint(2, 5)):
        s = sentence(rng, vocab, focus)
        roll = rng.random()
        if roll < 0.15:
            s = s[:-1] + ' with $' + rng.choice(INLINE_MATH) + '$.'
        elif roll < 0.25:
            s = s[:-1] + ' using `' + rng.choice(['torch.device', 'log_softmax', 'np.exp', 'F.cross_entropy',
                                                  'model.eval()', 'mx.array']) + '`.'
        elif roll < 0.33 and len(essays) > 1:
            target = rng.choice(essays)
            if target['slug'] != self_slug:
                anchor = ''
                if rng.random() < 0.5 and headings_of[target['slug']]:
                    anchor = '#' + rng.choice(headings_of[target['slug']])[1]
                s = s[:-1] + ' (see [' + target['title'] + '](' + target['slug'] + '.md' + anchor + ')).'
        parts.append(s)
    return ' '.join(parts)


def heading_texts(rng, vocab, count, focus):
    seen = set()
    result = []
    while len(result) < count:
        words = [rng.choice(focus)] + vocab.topic_words(rng.randint(1, 3))
        text = ' '.join(words)
        if text not in seen:
            seen.add(text)
            result.append(text)
    return result


def generate(out, essays_count, seed, series_count, words_per_section):
    rng = random.Random(seed)
    vocab = Vocabulary(rng, invented_words(rng, 20000))
    series_count = max(1, min(series_count, essays_count))
    series = []
    for s in range(series_count):
        name = ' '.join(w.capitalize() for w in vocab.topic_words(2))
        series.append({'slug': f'series-{s + 1}', 'title': f'{name} {s + 1}', 'order': s + 1})

    essays = []
    headings_of = {}
    per_series = {}
    start = datetime.date(2020, 1, 1)
    for i in range(essays_count):
        s = series[i % series_count]
        per_series[s['slug']] = per_series.get(s['slug'], 0) + 1
        focus = vocab.topic_words(3)
        title_words = focus[:2] + vocab.topic_words(rng.randint(0, 2))
        title = ' '.join(w.capitalize() for w in title_words)
        slug = '-'.join(title_words[:3]) + f'-{i + 1}'
        n_sections = rng.randint(3, 7)
        texts = heading_texts(rng, vocab, n_sections * 2, focus)
        headings = []
        for h in range(n_sections):
            headings.append((2, texts[h]))
            if rng.random() < 0.4:
                headings.append((3, texts[n_sections + h]))
        headings_of[slug] = [(level, text.replace(' ', '-')) for level, text in headings]
        essays.append({
            'slug': slug, 'title': title, 'series': s['slug'], 'order': per_series[s['slug']],
            'focus': focus, 'headings': headings,
            'published': start + datetime.timedelta(days=i % 2500),
            'tags': sorted(set(vocab.topic_words(rng.randint(1, 4)))),
        })

    if os.path.exists(out):
        entries = set(os.listdir(out))
        if not entries <= {'series', 'essays'}:
            sys.exit(f'{out} exists and is not a corpus directory; refusing to replace it')
        shutil.rmtree(out)
    os.makedirs(os.path.join(out, 'series'))
    os.makedirs(os.path.join(out, 'essays'))

    for s in series:
        with open(os.path.join(out, 'series', s['slug'] + '.yaml'), 'w', encoding='utf-8') as f:
            f.write(f"title: {s['title']}\norder: {s['order']}\n"
                    f"description: Synthetic series {s['order']} for benchmarks.\n")

    for e in essays:
        rng_e = random.Random(f"{seed}:{e['slug']}")
        focus = e['focus']
        summary = sentence(rng_e, vocab, focus).replace(':', ' ')
        lines = ['---', f"title: {e['title']}", f"series: {e['series']}", f"order: {e['order']}",
                 f"summary: {summary}", f"tags: [{', '.join(e['tags'])}]"]
        if rng_e.random() < 0.3:
            lines.append(f"aliases: [{' '.join(vocab.topic_words(2))}]")
        lines += [f"published: {e['published'].isoformat()}", '---', '']
        lines += [paragraph(rng_e, vocab, focus, essays, headings_of, e['slug']), '']
        for level, text in e['headings']:
            lines += ['#' * level + ' ' + text[0].upper() + text[1:], '']
            written = 0
            while written < words_per_section:
                p = paragraph(rng_e, vocab, focus, essays, headings_of, e['slug'])
                lines += [p, '']
                written += len(p.split())
            roll = rng_e.random()
            if roll < 0.2:
                lang, code = rng_e.choice(CODE_SNIPPETS)
                lines += ['```' + lang, code, '```', '']
            elif roll < 0.35:
                lines += ['$$', rng_e.choice(DISPLAY_MATH), '$$', '']
            elif roll < 0.42:
                a, b = vocab.topic_words(2)
                lines += [f'| {a} | {b} |', '|---|---|', f'| ${rng_e.choice(INLINE_MATH)}$ | {rng_e.randint(1, 99)} |', '']
        with open(os.path.join(out, 'essays', e['slug'] + '.md'), 'w', encoding='utf-8') as f:
            f.write('\n'.join(lines))
    return len(series), len(essays)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('out', metavar='OUT_DIR')
    parser.add_argument('--essays', type=int, default=10000)
    parser.add_argument('--seed', type=int, default=1)
    parser.add_argument('--series', type=int, default=40, help='number of series (default 40)')
    parser.add_argument('--words', type=int, default=80,
                        help='approximate words of prose per section (default 80, about 900 words an essay)')
    args = parser.parse_args()
    if args.essays < 1:
        parser.error('--essays must be at least 1')
    n_series, n_essays = generate(args.out, args.essays, args.seed, args.series, args.words)
    print(f'{args.out}: {n_series} series, {n_essays} essays (seed {args.seed})')


if __name__ == '__main__':
    main()
