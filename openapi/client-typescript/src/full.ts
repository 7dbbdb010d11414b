// Generated from ../openapi.json by scripts/full-types.mjs (npm run generate): do not edit.
import type { components } from "./schema.js";

type Schemas = components["schemas"];

/** EssayDetail as answered to a request without `fields`: slug, title, summary, series, order, tags, aliases, published, wordCount, readingMinutes, toc, html, assets, links, backlinks, pageUrl, oembedUrl always there. */
export type FullEssayDetail = Schemas["EssayDetail"] &
  Required<Pick<Schemas["EssayDetail"], "slug" | "title" | "summary" | "series" | "order" | "tags" | "aliases" | "published" | "wordCount" | "readingMinutes" | "toc" | "html" | "assets" | "links" | "backlinks" | "pageUrl" | "oembedUrl">>;

/** EssaySummary as answered to a request without `fields`: slug, title, summary, series, order, tags, published, readingMinutes always there. */
export type FullEssaySummary = Schemas["EssaySummary"] &
  Required<Pick<Schemas["EssaySummary"], "slug" | "title" | "summary" | "series" | "order" | "tags" | "published" | "readingMinutes">>;
