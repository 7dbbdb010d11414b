import { type Preview } from "essays-api-client";
import { api } from "./api";
import { h, trustedFragment } from "./dom";
import { apiBase } from "./api";

const card = document.getElementById("preview") as HTMLDivElement;
const cache = new Map<string, Promise<Preview>>();
let current: HTMLAnchorElement | null = null;
let showTimer: number | undefined;
let hideTimer: number | undefined;

/** The essay and section a link in an essay points to: a cross-link (`data-essay`) or an in-essay `#anchor`. */
function targetOf(link: HTMLAnchorElement): { slug: string; anchor: string | undefined } | undefined {
  const href = link.getAttribute("href") ?? "";
  const essay = link.dataset["essay"];
  if (essay) {
    const hash = href.indexOf("#");
    return { slug: essay, anchor: hash >= 0 ? decodeURIComponent(href.slice(hash + 1)) : undefined };
  }
  const here = document.querySelector<HTMLElement>("article[data-slug]")?.dataset["slug"];
  if (href.startsWith("#") && href.length > 1 && here && !link.closest(".toc")) {
    return { slug: here, anchor: decodeURIComponent(href.slice(1)) };
  }
  return undefined;
}

function load(slug: string, anchor: string | undefined): Promise<Preview> {
  const key = `${slug}#${anchor ?? ""}`;
  let preview = cache.get(key);
  if (!preview) {
    preview = api.getEssayPreview(slug, anchor);
    preview.catch(() => cache.delete(key));
    cache.set(key, preview);
  }
  return preview;
}

function render(preview: Preview): void {
  const section = preview.section;
  card.replaceChildren(
    h(
      "p",
      { class: "preview-meta" },
      `${preview.series?.title ?? ""} · ${preview.readingMinutes ?? "?"} min read`,
    ),
    h("p", { class: "preview-title" }, preview.title ?? ""),
    section
      ? h("div", { class: "preview-section" }, h("p", { class: "preview-heading" }, `§ ${section.heading ?? ""}`), h("div", {}, trustedFragment(section.html ?? "", apiBase)))
      : h("p", {}, preview.summary ?? ""),
  );
}

function place(link: HTMLAnchorElement): void {
  const box = link.getBoundingClientRect();
  const width = Math.min(420, window.innerWidth - 16);
  const left = Math.max(8, Math.min(box.left + window.scrollX, window.scrollX + window.innerWidth - width - 8));
  card.style.width = `${width}px`;
  card.style.left = `${left}px`;
  card.style.top = `${box.bottom + window.scrollY + 6}px`;
}

async function show(link: HTMLAnchorElement): Promise<void> {
  const target = targetOf(link);
  if (!target) {
    return;
  }
  current = link;
  try {
    const preview = await load(target.slug, target.anchor);
    if (current !== link) {
      return;
    }
    render(preview);
    place(link);
    card.hidden = false;
    link.setAttribute("aria-describedby", "preview");
  } catch {
    // a missing preview is not worth an error: the link still works
  }
}

export function hidePreview(): void {
  window.clearTimeout(showTimer);
  current?.removeAttribute("aria-describedby");
  current = null;
  card.hidden = true;
}

function previewLink(event: Event): HTMLAnchorElement | null {
  const link = (event.target as Element | null)?.closest?.("a");
  return link && link.closest(".essay-html") ? (link as HTMLAnchorElement) : null;
}

/** Hover (after a short delay) or keyboard focus on a link in an essay shows its preview; Escape or leaving hides it. */
export function installPreviews(root: HTMLElement): void {
  root.addEventListener("mouseover", (event) => {
    const link = previewLink(event);
    if (link && link !== current) {
      window.clearTimeout(showTimer);
      window.clearTimeout(hideTimer);
      showTimer = window.setTimeout(() => void show(link), 200);
    }
  });
  root.addEventListener("mouseout", (event) => {
    if (previewLink(event)) {
      window.clearTimeout(showTimer);
      hideTimer = window.setTimeout(hidePreview, 300);
    }
  });
  card.addEventListener("mouseenter", () => window.clearTimeout(hideTimer));
  card.addEventListener("mouseleave", () => (hideTimer = window.setTimeout(hidePreview, 300)));
  root.addEventListener("focusin", (event) => {
    const link = previewLink(event);
    if (link) {
      void show(link);
    }
  });
  root.addEventListener("focusout", (event) => {
    if (previewLink(event)) {
      hidePreview();
    }
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !card.hidden) {
      hidePreview();
    }
  });
}
