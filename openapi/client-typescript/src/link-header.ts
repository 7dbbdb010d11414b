/** One target of an RFC 8288 `Link` header with its parameters (`rel`, `type`, ...). */
export interface LinkTarget {
  href: string;
  rel: string[];
  params: Record<string, string>;
}

/**
 * Parses an RFC 8288 `Link` header: `<uri>; rel="next", <uri>; rel="last"`. Commas inside `<...>` and inside quoted
 * parameter values do not split links; `rel` may hold several space-separated relation types.
 */
export function parseLinkHeader(header: string | null | undefined): LinkTarget[] {
  const links: LinkTarget[] = [];
  if (!header) {
    return links;
  }
  const pattern = /<([^>]*)>((?:\s*;\s*[^;,=\s]+(?:\s*=\s*(?:"(?:[^"\\]|\\.)*"|[^;,\s]*))?)*)/g;
  for (const match of header.matchAll(pattern)) {
    const params: Record<string, string> = {};
    const paramPattern = /;\s*([^;,=\s]+)(?:\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;,\s]*)))?/g;
    for (const param of (match[2] ?? "").matchAll(paramPattern)) {
      const name = (param[1] ?? "").toLowerCase();
      if (!(name in params)) {
        params[name] = param[2] !== undefined ? param[2].replace(/\\(.)/g, "$1") : (param[3] ?? "");
      }
    }
    const rel = (params["rel"] ?? "").toLowerCase().split(/\s+/).filter((r) => r.length > 0);
    links.push({ href: match[1] ?? "", rel, params });
  }
  return links;
}

/** The `rel="next"` target of a `Link` header, if any. */
export function nextLink(header: string | null | undefined): string | undefined {
  return parseLinkHeader(header).find((link) => link.rel.includes("next"))?.href;
}
