#!/usr/bin/env python3
"""Prints the io.essays package dependency graph (imports and fully qualified names,
comments ignored, in src/main/java; the same rule as PackageDependenciesTest) and its strongly connected components (cycles)."""
import os, re, sys
root = sys.argv[1] if len(sys.argv) > 1 else "src/main/java/io/essays"
base = "io.essays"
edges = {}
ref = re.compile(r"\bio\.essays\.([a-z]+)\.[A-Za-z*]")
comments = re.compile(r"/\*.*?\*/|//[^\n]*", re.S)
for d, _, files in os.walk(root):
    for f in files:
        if not f.endswith(".java"): continue
        rel = os.path.relpath(d, root)
        pkg = "(root)" if rel == "." else rel.split(os.sep)[0]
        edges.setdefault(pkg, set())
        code = comments.sub(" ", open(os.path.join(d, f), encoding="utf-8").read())
        code = re.sub(r"package [^;]+;", "", code, count=1)
        for m in ref.finditer(code):
            if m.group(1) != pkg:
                edges[pkg].add(m.group(1))
for p in sorted(edges):
    print(f"{p:10} -> {', '.join(sorted(edges[p]))}")
# Tarjan SCC
idx, low, stack, on, sccs, c = {}, {}, [], set(), [], [0]
def strong(v):
    idx[v] = low[v] = c[0]; c[0] += 1; stack.append(v); on.add(v)
    for w in edges.get(v, ()):
        if w not in idx: strong(w); low[v] = min(low[v], low[w])
        elif w in on: low[v] = min(low[v], idx[w])
    if low[v] == idx[v]:
        comp = []
        while True:
            w = stack.pop(); on.discard(w); comp.append(w)
            if w == v: break
        if len(comp) > 1: sccs.append(sorted(comp))
for v in list(edges):
    if v not in idx: strong(v)
print("cycles (strongly connected packages):", sccs if sccs else "none")
sys.exit(1 if sccs else 0)
