/** Creates an element with attributes and children; strings become text nodes, so nothing here parses HTML. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | undefined> = {},
  ...children: (Node | string | null | undefined | false)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined) {
      element.setAttribute(name, value);
    }
  }
  for (const child of children) {
    if (child !== null && child !== undefined && child !== false) {
      element.append(child);
    }
  }
  return element;
}

/**
 * HTML the API has already made safe (the essay fragment, sanitized at import; `<mark>` in escaped snippets and
 * contexts), parsed in an inert template so that nothing loads before root-relative API URLs are rewritten to the
 * API's origin: the reader runs on another origin than the API.
 */
export function trustedFragment(html: string, apiBase: string): DocumentFragment {
  const template = document.createElement("template");
  template.innerHTML = html;
  for (const img of template.content.querySelectorAll<HTMLImageElement>("img[src^='/']")) {
    img.setAttribute("src", new URL(img.getAttribute("src") ?? "", apiBase).toString());
  }
  for (const link of template.content.querySelectorAll<HTMLAnchorElement>("a[href^='/api/']")) {
    link.setAttribute("href", new URL(link.getAttribute("href") ?? "", apiBase).toString());
  }
  return template.content;
}

export function essayPath(slug: string, anchor?: string | null): string {
  return `/essays/${encodeURIComponent(slug)}${anchor ? `#${encodeURIComponent(anchor)}` : ""}`;
}
