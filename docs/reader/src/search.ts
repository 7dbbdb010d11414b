import type { SearchQuery, SearchResults, Suggestion } from "essays-api-client";
import { api, apiBase } from "./api";
import { essayPath, h, trustedFragment } from "./dom";

type Navigate = (href: string) => void;

const input = document.getElementById("search-input") as HTMLInputElement;
const form = document.getElementById("search-form") as HTMLFormElement;
const list = document.getElementById("search-suggestions") as HTMLUListElement;
let suggestions: Suggestion[] = [];
let active = -1;
let typed = 0;

const KIND_LABEL: Record<string, string> = { title: "essay", heading: "section", term: "word" };

function hrefOf(suggestion: Suggestion): string {
  if (suggestion.kind === "term" || !suggestion.slug) {
    return `/search?q=${encodeURIComponent(suggestion.text ?? "")}`;
  }
  return essayPath(suggestion.slug, suggestion.anchor);
}

function close(): void {
  list.hidden = true;
  list.replaceChildren();
  input.setAttribute("aria-expanded", "false");
  input.removeAttribute("aria-activedescendant");
  suggestions = [];
  active = -1;
}

function highlight(index: number): void {
  active = index;
  list.querySelectorAll("[role=option]").forEach((option, i) => option.setAttribute("aria-selected", String(i === index)));
  if (index >= 0) {
    input.setAttribute("aria-activedescendant", `suggestion-${index}`);
  } else {
    input.removeAttribute("aria-activedescendant");
  }
}

function open(found: Suggestion[], navigate: Navigate): void {
  suggestions = found;
  active = -1;
  if (found.length === 0) {
    close();
    return;
  }
  list.replaceChildren(
    ...found.map((suggestion, i) => {
      const option = h(
        "li",
        { role: "option", id: `suggestion-${i}`, "aria-selected": "false", "data-href": hrefOf(suggestion) },
        h("span", { class: "suggestion-text" }, suggestion.text ?? ""),
        h("span", { class: "suggestion-kind" }, KIND_LABEL[suggestion.kind ?? ""] ?? ""),
      );
      // mousedown, not click: the input's blur would close the list first
      option.addEventListener("mousedown", (event) => {
        event.preventDefault();
        pick(i, navigate);
      });
      return option;
    }),
  );
  list.hidden = false;
  input.setAttribute("aria-expanded", "true");
}

function pick(index: number, navigate: Navigate): void {
  const suggestion = suggestions[index];
  if (!suggestion) {
    return;
  }
  close();
  if (suggestion.kind === "term") {
    input.value = suggestion.text ?? "";
  }
  navigate(hrefOf(suggestion));
}

/** Renders one page of results into `container`, with a button for the next page when `Link` has one. */
export function renderResults(container: HTMLElement, results: SearchResults, next: SearchQuery | undefined): void {
  if (results.didYouMean) {
    container.append(h("p", { class: "did-you-mean" }, `Showing results for “${results.didYouMean}”.`));
  }
  const hits = results.items ?? [];
  if (hits.length === 0 && container.querySelector("ol.results") === null) {
    container.append(h("p", {}, "No essay matches."));
    return;
  }
  let ol = container.querySelector<HTMLOListElement>("ol.results");
  if (!ol) {
    ol = h("ol", { class: "results" });
    container.append(ol);
  }
  for (const hit of hits) {
    const section = hit.section;
    ol.append(
      h(
        "li",
        {},
        h("a", { href: essayPath(hit.slug ?? "") , class: "result-title" }, hit.title ?? ""),
        h(
          "p",
          { class: "meta" },
          hit.series?.title ?? "",
          section ? " · " : "",
          section ? h("a", { href: essayPath(hit.slug ?? "", section.id) }, section.heading ?? "") : "",
        ),
        ...(hit.snippets ?? []).map((snippet) => h("p", { class: "snippet" }, trustedFragment(snippet.html ?? "", apiBase))),
      ),
    );
  }
  container.querySelector("button.more")?.remove();
  if (next) {
    const more = h("button", { type: "button", class: "more" }, "More results");
    more.addEventListener("click", async () => {
      more.disabled = true;
      const page = await api.searchPage(next);
      renderResults(container, page.results, page.next);
    });
    container.append(more);
  }
}

/** The results page for `q`; typing while it is open refreshes it (search as you type). */
export async function searchView(main: HTMLElement, q: string): Promise<void> {
  input.value = q;
  const container = h("section", { class: "search-results", "aria-labelledby": "results-heading" });
  main.replaceChildren(h("h1", { id: "results-heading" }, q ? `Results for “${q}”` : "Search"), container);
  if (q.trim().length === 0) {
    return;
  }
  const { results, next } = await api.searchPage({ q });
  const heading = main.querySelector("h1");
  if (heading && results.page?.totalItems !== undefined) {
    heading.textContent = `${results.page.totalItems} result${results.page.totalItems === 1 ? "" : "s"} for “${q}”`;
  }
  renderResults(container, results, next);
}

/** The search box: suggestions as you type (arrows, Enter, Escape), Enter without a pick opens the results. */
export function installSearch(navigate: Navigate): void {
  input.addEventListener("input", () => {
    const q = input.value.trim();
    const request = ++typed;
    window.setTimeout(async () => {
      if (request !== typed) {
        return;
      }
      if (q.length < 2) {
        close();
        return;
      }
      try {
        const found = await api.suggest(q);
        if (request === typed && document.activeElement === input) {
          open(found, navigate);
        }
        if (request === typed && location.pathname === "/search") {
          history.replaceState(null, "", `/search?q=${encodeURIComponent(q)}`);
          window.dispatchEvent(new Event("essays:search"));
        }
      } catch {
        close();
      }
    }, 150);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" && suggestions.length > 0) {
      event.preventDefault();
      highlight((active + 1) % suggestions.length);
    } else if (event.key === "ArrowUp" && suggestions.length > 0) {
      event.preventDefault();
      highlight(active <= 0 ? suggestions.length - 1 : active - 1);
    } else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      pick(active, navigate);
    } else if (event.key === "Escape") {
      close();
    }
  });
  input.addEventListener("blur", () => window.setTimeout(close, 100));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    typed++;
    close();
    navigate(`/search?q=${encodeURIComponent(input.value.trim())}`);
  });
}
