// Fails when src/schema.ts or src/full.ts differs from what `npm run generate` makes from ../openapi.json now
// (the same drift rule as the spec itself). Fix with: npm run generate
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fullTypes } from "./full-types.mjs";

const stale = [];
const dir = mkdtempSync(join(tmpdir(), "essays-client-"));
try {
  const fresh = join(dir, "schema.ts");
  execFileSync("npx", ["--no-install", "openapi-typescript", "../openapi.json", "--output", fresh], { stdio: "pipe" });
  if (readFileSync(fresh, "utf8") !== readFileSync("src/schema.ts", "utf8")) {
    stale.push("src/schema.ts");
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (fullTypes(JSON.parse(readFileSync("../openapi.json", "utf8"))) !== readFileSync("src/full.ts", "utf8")) {
  stale.push("src/full.ts");
}
if (stale.length > 0) {
  console.error(`openapi/client-typescript/${stale.join(" and ")} out of date with openapi/openapi.json.`);
  console.error("Regenerate: cd openapi/client-typescript && npm run generate, and commit the result.");
  process.exit(1);
}
console.log("src/schema.ts and src/full.ts match openapi/openapi.json");
