import { ProblemError } from "essays-api-client";
import "./style.css";
import { h } from "./dom";
import { hidePreview, installPreviews } from "./preview";
import { installSearch, searchView } from "./search";
import { essayView, homeView, seriesView } from "./views";

const main = document.getElementById("main") as HTMLElement;
const status = document.getElementById("status") as HTMLElement;
let shownPath = "";
let renders = 0;

function problemView(error: unknown): HTMLElement {
  if (error instanceof ProblemError) {
    return h(
      "section",
      { class: "problem", role: "alert" },
      h("h1", {}, error.status === 404 ? "Not found" : error.title),
      h("p", {}, error.detail ?? error.title),
    );
  }
  return h("section", { class: "problem", role: "alert" }, h("h1", {}, "The API could not be reached"), h("p", {}, String(error)));
}

function scrollToHash(): void {
  const id = decodeURIComponent(location.hash.slice(1));
  const target = id ? document.getElementById(id) : null;
  if (target) {
    target.scrollIntoView();
  } else {
    window.scrollTo(0, 0);
  }
}

/** Renders the view for the current URL; a change of hash alone is left to the browser. */
async function route(force = false): Promise<void> {
  const path = location.pathname + location.search;
  if (path === shownPath && !force) {
    return;
  }
  shownPath = path;
  const render = ++renders;
  hidePreview();
  main.setAttribute("aria-busy", "true");
  const slugOf = (prefix: string) => decodeURIComponent(location.pathname.slice(prefix.length));
  try {
    if (location.pathname.startsWith("/essays/")) {
      await essayView(main, slugOf("/essays/"));
    } else if (location.pathname.startsWith("/series/")) {
      await seriesView(main, slugOf("/series/"));
    } else if (location.pathname === "/search") {
      await searchView(main, new URLSearchParams(location.search).get("q") ?? "");
    } else {
      await homeView(main);
    }
  } catch (error) {
    if (render === renders) {
      main.replaceChildren(problemView(error));
    }
  }
  if (render === renders) {
    main.removeAttribute("aria-busy");
    // announce the new page once, rather than making the whole of main a live region
    status.textContent = main.querySelector("h1")?.textContent ?? document.title;
    scrollToHash();
  }
}

function navigate(href: string): void {
  const url = new URL(href, location.href);
  if (url.pathname + url.search === location.pathname + location.search && url.hash) {
    location.hash = url.hash;
    return;
  }
  history.pushState(null, "", url);
  void route().then(() => {
    if (!url.hash) {
      main.focus({ preventScroll: true });
    }
  });
}

document.addEventListener("click", (event) => {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
    return;
  }
  const link = (event.target as Element | null)?.closest?.("a");
  const href = link?.getAttribute("href");
  if (!link || !href || href.startsWith("#") || link.target) {
    return;
  }
  const url = new URL(link.href, location.href);
  if (url.origin === location.origin) {
    event.preventDefault();
    navigate(url.toString());
  }
});
window.addEventListener("popstate", () => void route());
window.addEventListener("essays:search", () => void route(true));

installPreviews(main);
installSearch(navigate);
void route();
