// Writes src/full.ts from ../openapi.json: for every schema that a `fields=` request can trim, the type of its
// untrimmed form, in which the properties the spec lists under x-required-without-fields are required.
// Run by `npm run generate`; scripts/check-generated.mjs fails when the committed file differs.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const EXTENSION = "x-required-without-fields";

/** The text of src/full.ts for a parsed spec. */
export function fullTypes(spec) {
  const schemas = spec.components?.schemas ?? {};
  const lines = [
    "// Generated from ../openapi.json by scripts/full-types.mjs (npm run generate): do not edit.",
    'import type { components } from "./schema.js";',
    "",
    'type Schemas = components["schemas"];',
  ];
  for (const name of Object.keys(schemas).sort()) {
    const required = schemas[name][EXTENSION];
    if (!Array.isArray(required) || required.length === 0) {
      continue;
    }
    const keys = required.map((p) => JSON.stringify(p)).join(" | ");
    lines.push(
      "",
      `/** ${name} as answered to a request without \`fields\`: ${required.join(", ")} always there. */`,
      `export type Full${name} = Schemas[${JSON.stringify(name)}] &`,
      `  Required<Pick<Schemas[${JSON.stringify(name)}], ${keys}>>;`,
    );
  }
  return lines.join("\n") + "\n";
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const spec = JSON.parse(readFileSync("../openapi.json", "utf8"));
  writeFileSync(process.argv[2] ?? "src/full.ts", fullTypes(spec));
}
