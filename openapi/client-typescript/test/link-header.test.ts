import { test } from "node:test";
import assert from "node:assert/strict";
import { nextLink, parseLinkHeader } from "../src/index.js";

test("parses every target with its relation types and parameters", () => {
  const links = parseLinkHeader(
    '</api/v1/essays?page=1&size=3>; rel="first", </api/v1/essays?page=2&size=3>; rel="next", <https://x/a,b>; rel="last alternate"; title="a, b"',
  );
  assert.deepEqual(
    links.map((l) => [l.href, l.rel]),
    [
      ["/api/v1/essays?page=1&size=3", ["first"]],
      ["/api/v1/essays?page=2&size=3", ["next"]],
      ["https://x/a,b", ["last", "alternate"]],
    ],
  );
  assert.equal(links[2]?.params["title"], "a, b");
});

test("next is absent on the last page and for no header", () => {
  assert.equal(nextLink('</e?page=1>; rel="first", </e?page=1>; rel="prev"'), undefined);
  assert.equal(nextLink(null), undefined);
  assert.equal(nextLink('</e?page=3>; REL=next'), "/e?page=3");
});
