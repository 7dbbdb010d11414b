// Fails when src/schema.ts differs from what openapi-typescript generates from ../openapi.json now
// (the same drift rule as the spec itself). Fix with: npm run generate
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const dir = mkdtempSync(join(tmpdir(), "essays-client-"));
try {
  const fresh = join(dir, "schema.ts");
  execFileSync("npx", ["--no-install", "openapi-typescript", "../openapi.json", "--output", fresh], { stdio: "pipe" });
  if (readFileSync(fresh, "utf8") !== readFileSync("src/schema.ts", "utf8")) {
    console.error("openapi/client-typescript/src/schema.ts is out of date with openapi/openapi.json.");
    console.error("Regenerate it: cd openapi/client-typescript && npm run generate, and commit the result.");
    process.exit(1);
  }
  console.log("src/schema.ts matches openapi/openapi.json");
} finally {
  rmSync(dir, { recursive: true, force: true });
}
