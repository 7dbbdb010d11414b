import {
  forceCenter,
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  type SimulationLinkDatum,
  type SimulationNodeDatum,
} from "d3-force";
import type { EssayGraph } from "essays-api-client";
import { essayPath } from "./dom";

const SVG = "http://www.w3.org/2000/svg";

interface Node extends SimulationNodeDatum {
  slug: string;
  title: string;
  distance: number;
}

type Edge = SimulationLinkDatum<Node> & { weight: number };

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) {
    element.setAttribute(name, String(value));
  }
  return element;
}

/**
 * The essay's link neighbourhood as SVG, laid out by d3-force. The simulation is run to rest before drawing (a fixed
 * number of ticks, no animation), so the picture is still and screen readers meet a list of links in a group.
 */
export function drawGraph(graph: EssayGraph, centre: string, label: string): SVGSVGElement {
  const nodes: Node[] = (graph.nodes ?? []).map((n) => ({
    slug: n.slug ?? "",
    title: n.title ?? n.slug ?? "",
    distance: n.distance ?? 0,
    ...(n.slug === centre ? { fx: 0, fy: 0 } : {}),
  }));
  const known = new Set(nodes.map((n) => n.slug));
  const edges: Edge[] = (graph.edges ?? [])
    .filter((e) => known.has(e.source ?? "") && known.has(e.target ?? ""))
    .map((e) => ({ source: e.source ?? "", target: e.target ?? "", weight: e.weight ?? 1 }));

  const simulation = forceSimulation<Node>(nodes)
    .force("link", forceLink<Node, Edge>(edges).id((n) => n.slug).distance(70))
    .force("charge", forceManyBody().strength(-260))
    .force("centre", forceCenter(0, 0))
    .force("collide", forceCollide(22))
    .stop();
  simulation.tick(300);

  const xs = nodes.map((n) => n.x ?? 0);
  const ys = nodes.map((n) => n.y ?? 0);
  const pad = 110;
  const minX = Math.min(0, ...xs) - pad;
  const minY = Math.min(0, ...ys) - 30;
  const width = Math.max(...xs, 0) - minX + pad;
  const height = Math.max(...ys, 0) - minY + 40;

  const root = svg("svg", {
    viewBox: `${minX.toFixed(1)} ${minY.toFixed(1)} ${width.toFixed(1)} ${height.toFixed(1)}`,
    role: "group",
    "aria-label": label,
    class: "graph",
  });
  const lines = svg("g", { class: "edges", "aria-hidden": "true" });
  for (const edge of edges) {
    const s = edge.source as Node;
    const t = edge.target as Node;
    lines.append(
      svg("line", {
        x1: (s.x ?? 0).toFixed(1),
        y1: (s.y ?? 0).toFixed(1),
        x2: (t.x ?? 0).toFixed(1),
        y2: (t.y ?? 0).toFixed(1),
        "stroke-width": Math.min(1 + edge.weight * 0.5, 4),
      }),
    );
  }
  root.append(lines);
  for (const node of nodes) {
    const link = svg("a", { href: essayPath(node.slug), class: node.slug === centre ? "node centre" : "node" });
    const title = svg("title", {});
    title.textContent = node.title;
    const circle = svg("circle", { cx: (node.x ?? 0).toFixed(1), cy: (node.y ?? 0).toFixed(1), r: node.slug === centre ? 9 : 6 });
    const text = svg("text", { x: (node.x ?? 0).toFixed(1), y: ((node.y ?? 0) + 20).toFixed(1), "text-anchor": "middle" });
    text.textContent = node.title.length > 24 ? `${node.title.slice(0, 23)}…` : node.title;
    link.append(title, circle, text);
    root.append(link);
  }
  return root;
}
