// End-to-end tests of the reader in the system's headless Chromium (puppeteer-core, never a downloaded browser),
// against the service at ESSAYS_API_URL, with the reader built for it (run by openapi/client-typescript/run-e2e.sh).
// Screenshots go to build/screenshots/ (git-ignored).
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import puppeteer from "puppeteer-core";
import { preview } from "vite";

const readerDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const api = (process.env.ESSAYS_API_URL ?? "http://localhost:8080").replace(/\/+$/, "");
const chromium = process.env.CHROMIUM ?? "/usr/bin/chromium";
const shots = join(readerDir, "build", "screenshots");

let server;
let browser;
let page;
let origin;
let userDataDir;
const problems = [];

async function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function apiJson(path) {
  const response = await fetch(api + path);
  assert.equal(response.status, 200, path);
  return response.json();
}

async function shot(name) {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: false });
}

async function open(path) {
  await page.goto(origin + path, { waitUntil: "networkidle0" });
  await page.waitForSelector("main:not([aria-busy])");
}

function visiblePreview() {
  return page.waitForSelector("#preview:not([hidden]) .preview-title", { timeout: 5000 });
}

async function relativeLuminance(color) {
  return page.evaluate((c) => {
    const probe = document.createElement("div");
    probe.style.color = c;
    document.body.append(probe);
    const [r, g, b] = getComputedStyle(probe).color.match(/[\d.]+/g).map(Number);
    probe.remove();
    const lin = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  }, color);
}

async function contrast(foreground, background) {
  const [a, b] = [await relativeLuminance(foreground), await relativeLuminance(background)];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

describe("reader in headless Chromium", () => {
  before(async () => {
    mkdirSync(shots, { recursive: true });
    const port = await freePort();
    server = await preview({
      root: readerDir,
      logLevel: "warn",
      preview: { host: "127.0.0.1", port, strictPort: true, open: false },
    });
    origin = `http://127.0.0.1:${port}`;
    userDataDir = mkdtempSync(join(tmpdir(), "essays-reader-chromium-"));
    browser = await puppeteer.launch({
      executablePath: chromium,
      userDataDir,
      headless: true,
      args: [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    });
    page = await browser.newPage();
    await page.setViewport({ width: 1400, height: 900 });
    page.on("console", (message) => {
      if (message.type() === "error") {
        problems.push(`console: ${message.text()}`);
      }
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("requestfailed", (request) => {
      const reason = request.failure()?.errorText ?? "";
      if (reason !== "net::ERR_ABORTED") {
        problems.push(`request failed: ${request.url()} ${reason}`);
      }
    });
    page.on("response", (response) => {
      if (response.status() >= 400) {
        problems.push(`HTTP ${response.status()}: ${response.url()}`);
      }
    });
  });

  after(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.httpServer.close(resolve) : resolve()));
    if (userDataDir) {
      rmSync(userDataDir, { recursive: true, force: true });
    }
  });

  test("the home page lists every series with its essays in reading order", async () => {
    await open("/");
    const series = await apiJson("/api/v1/series");
    const headings = await page.$$eval("section.series h2", (hs) => hs.map((h) => h.textContent));
    assert.deepEqual(headings, series.map((s) => s.title));
    const first = await apiJson(`/api/v1/series/${series[0].slug}`);
    const titles = await page.$$eval("section.series:first-of-type ol.essays > li > a", (as) => as.map((a) => a.textContent));
    assert.deepEqual(titles, first.essays.map((e) => e.title));
    await shot("home");
  });

  test("an essay renders its math and figures, TOC, previous/next and local graph", async () => {
    await open("/essays/softmax");
    const essay = await apiJson("/api/v1/essays/softmax?fields=title,toc,previous,next,assets");
    assert.equal(await page.$eval("h1#essay-title", (h) => h.textContent), essay.title);
    assert.equal(await page.title(), `${essay.title} — Essays`);
    assert.equal(await page.$eval("#status[role=status]", (s) => s.textContent), essay.title);

    const math = await page.$$eval(".essay-html math", (ms) =>
      ms.map((m) => {
        const box = m.getBoundingClientRect();
        return { width: box.width, height: box.height, display: m.getAttribute("display") };
      }),
    );
    assert.ok(math.length > 10, `expected math, found ${math.length}`);
    assert.ok(math.some((m) => m.display === "block"));
    for (const box of math) {
      assert.ok(box.width > 0 && box.height > 0, `a <math> element laid out at ${box.width}x${box.height}`);
    }

    const images = await page.$$eval(".essay-html img", async (imgs) => {
      for (const img of imgs) {
        img.loading = "eager";
      }
      await Promise.all(imgs.map((img) => img.decode()));
      return imgs.map((img) => ({ src: img.currentSrc, naturalWidth: img.naturalWidth, width: img.getAttribute("width") }));
    });
    assert.equal(images.length, essay.assets.length);
    for (const image of images) {
      assert.ok(image.src.startsWith(`${api}/api/v1/assets/`), image.src);
      assert.ok(image.naturalWidth > 0, `${image.src} did not load`);
    }

    const toc = await page.$$eval(".toc a", (as) => as.map((a) => a.getAttribute("href")));
    assert.deepEqual(toc, essay.toc.map((t) => `#${t.id}`));
    const prevNext = await page.$$eval(".prev-next a", (as) => as.map((a) => [a.rel, a.getAttribute("href")]));
    const expected = [];
    if (essay.previous) expected.push(["prev", `/essays/${essay.previous.slug}`]);
    if (essay.next) expected.push(["next", `/essays/${essay.next.slug}`]);
    assert.deepEqual(prevNext, expected);

    const graph = await apiJson("/api/v1/essays/softmax/graph?depth=1");
    const nodes = await page.$$eval("svg.graph a.node circle", (cs) => cs.map((c) => [Number(c.getAttribute("cx")), Number(c.getAttribute("cy"))]));
    assert.equal(nodes.length, graph.nodes.length);
    assert.ok(nodes.every(([x, y]) => Number.isFinite(x) && Number.isFinite(y)));
    assert.equal(await page.$$eval("svg.graph line", (ls) => ls.length), graph.edges.length);
    const related = await page.$$eval(".related > ul > li", (lis) => lis.map((li) => li.querySelectorAll(".reasons li").length));
    assert.ok(related.length > 0 && related.every((reasons) => reasons > 0));
    await shot("essay-softmax");
  });

  test("hovering a cross-link shows its preview; an #anchor link previews the section", async () => {
    const target = await apiJson("/api/v1/essays/boltzmann-distribution/preview");
    await page.hover('.essay-html a[data-essay="boltzmann-distribution"]');
    const card = await visiblePreview();
    assert.equal(await card.evaluate((t) => t.textContent), target.title);
    assert.ok((await page.$eval("#preview", (p) => p.textContent)).includes(target.summary.slice(0, 40)));
    await shot("preview-hover");

    const section = await apiJson("/api/v1/essays/boltzmann-distribution/preview?anchor=maximum-entropy");
    await page.mouse.move(5, 5);
    await page.waitForSelector("#preview", { hidden: true });
    await page.hover('.essay-html a[data-essay="boltzmann-distribution"][href$="#maximum-entropy"]');
    await page.waitForSelector("#preview:not([hidden]) .preview-heading");
    assert.equal(await page.$eval("#preview .preview-heading", (p) => p.textContent), `§ ${section.section.heading}`);
    await shot("preview-section");
  });

  test("keyboard focus on a cross-link shows the preview and Escape hides it", async () => {
    await page.mouse.move(5, 5);
    await page.waitForSelector("#preview", { hidden: true });
    await page.focus('.essay-html a[data-essay="boltzmann-distribution"]');
    await visiblePreview();
    assert.equal(
      await page.$eval('.essay-html a[data-essay="boltzmann-distribution"]', (a) => a.getAttribute("aria-describedby")),
      "preview",
    );
    await page.keyboard.press("Escape");
    await page.waitForSelector("#preview", { hidden: true });
  });

  test("following a cross-link opens the essay, with a backlink from where it came and its context", async () => {
    await page.click('.essay-html a[data-essay="boltzmann-distribution"]');
    await page.waitForFunction(() => location.pathname === "/essays/boltzmann-distribution");
    await page.waitForSelector('article[data-slug="boltzmann-distribution"]');
    const links = await apiJson("/api/v1/essays/boltzmann-distribution/links");
    const fromSoftmax = links.incoming.find((e) => e.slug === "softmax");
    const backlink = await page.$eval('.backlinks li[data-source="softmax"]', (li) => ({
      title: li.querySelector("a").textContent,
      contexts: [...li.querySelectorAll("blockquote.context")].map((q) => q.textContent),
      marks: li.querySelectorAll("blockquote.context mark").length,
    }));
    assert.equal(backlink.title, fromSoftmax.title);
    assert.deepEqual(backlink.contexts, fromSoftmax.links.map((l) => l.context.text));
    assert.equal(backlink.marks, fromSoftmax.links.length);
    await page.$eval(".backlinks", (b) => b.scrollIntoView());
    await shot("backlinks");
  });

  test("typing a query suggests completions; picking one with the keyboard opens it", async () => {
    const suggestions = await apiJson("/api/v1/search/suggest?q=temperat");
    assert.ok(suggestions.length > 0);
    await page.click("#search-input");
    await page.keyboard.type("temperat", { delay: 30 });
    await page.waitForSelector("#search-suggestions:not([hidden]) li[role=option]");
    const shown = await page.$$eval("#search-suggestions li[role=option] .suggestion-text", (ts) => ts.map((t) => t.textContent));
    assert.deepEqual(shown, suggestions.map((s) => s.text));
    assert.equal(await page.$eval("#search-input", (i) => i.getAttribute("aria-expanded")), "true");
    await shot("suggestions");
    await page.keyboard.press("ArrowDown");
    assert.equal(await page.$eval("#search-input", (i) => i.getAttribute("aria-activedescendant")), "suggestion-0");
    await page.keyboard.press("Enter");
    const first = suggestions[0];
    const path = first.kind === "term" ? "/search" : `/essays/${first.slug}`;
    await page.waitForFunction((p) => location.pathname === p, {}, path);
    await page.waitForSelector("main:not([aria-busy])");
    if (first.anchor) {
      assert.equal(await page.evaluate(() => decodeURIComponent(location.hash.slice(1))), first.anchor);
    }
    assert.equal(await page.$eval("#search-input", (i) => i.getAttribute("aria-expanded")), "false");
  });

  test("submitting a query shows ranked results with highlighted snippets", async () => {
    const results = await apiJson("/api/v1/search?q=softmax%20temperature");
    await page.$eval("#search-input", (i) => (i.value = ""));
    await page.click("#search-input");
    await page.keyboard.type("softmax temperature");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => location.pathname === "/search");
    await page.waitForSelector("ol.results li");
    const titles = await page.$$eval("ol.results > li > a.result-title", (as) => as.map((a) => a.textContent));
    assert.deepEqual(titles, results.items.map((hit) => hit.title));
    const marks = await page.$$eval("ol.results .snippet mark", (ms) => ms.map((m) => m.textContent.toLowerCase()));
    assert.ok(marks.length > 0 && marks.every((m) => m.startsWith("softmax") || m.startsWith("temperatur")), marks.join());
    await shot("search-results");

    // on the results page, the results follow the query as it is typed
    const typed = await apiJson("/api/v1/search?q=boltzmann");
    await page.$eval("#search-input", (i) => (i.value = ""));
    await page.click("#search-input");
    await page.keyboard.type("boltzmann", { delay: 20 });
    await page.waitForFunction(() => new URLSearchParams(location.search).get("q") === "boltzmann");
    await page.waitForFunction(
      (title) => document.querySelector("ol.results > li > a.result-title")?.textContent === title,
      {},
      typed.items[0].title,
    );
    assert.equal(await page.$eval("#results-heading", (h) => h.textContent), `${typed.page.totalItems} results for “boltzmann”`);
    await page.keyboard.press("Escape");
  });

  test("text and links keep their contrast in light and dark, and a phone gets no sideways scroll", async () => {
    for (const scheme of ["light", "dark"]) {
      await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: scheme }]);
      await open("/essays/softmax");
      const colours = await page.evaluate(() => {
        const css = getComputedStyle(document.documentElement);
        return { bg: css.getPropertyValue("--bg"), fg: css.getPropertyValue("--fg"), accent: css.getPropertyValue("--accent"), muted: css.getPropertyValue("--muted") };
      });
      assert.ok((await contrast(colours.fg, colours.bg)) >= 7, `${scheme} text contrast`);
      assert.ok((await contrast(colours.accent, colours.bg)) >= 4.5, `${scheme} link contrast`);
      assert.ok((await contrast(colours.muted, colours.bg)) >= 4.5, `${scheme} muted text contrast`);
      const background = await page.$eval("body", (b) => getComputedStyle(b).backgroundColor);
      assert.equal(await relativeLuminance(background) < 0.2, scheme === "dark", `${scheme} background ${background}`);
      await shot(`essay-${scheme}`);
    }
    await page.setViewport({ width: 390, height: 844, isMobile: true });
    await open("/essays/softmax");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than a phone`);
    await shot("essay-phone");
    await page.emulateMediaFeatures([]);
    await page.setViewport({ width: 1400, height: 900 });
  });

  test("an unknown essay shows the API's problem, and nothing else went wrong in the console", async () => {
    await open("/essays/no-such-essay");
    assert.equal(await page.$eval(".problem h1", (h) => h.textContent), "Not found");
    assert.equal(await page.$eval(".problem p", (p) => p.textContent), "No essay with slug 'no-such-essay'");
    const expected404 = problems.filter((p) => /HTTP 404: .*\/api\/v1\/essays\/no-such-essay/.test(p) || /console: Failed to load resource.*404/.test(p));
    assert.deepEqual(problems.filter((p) => !expected404.includes(p)), []);
  });
});
