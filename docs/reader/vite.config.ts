import { defineConfig } from "vite";

// The reader is a single-page app with history routing: both the dev server and `vite preview` answer every path
// with index.html (appType "spa"). The API is another origin, reached through its CORS (Access-Control-Allow-Origin: *).
export default defineConfig({
  appType: "spa",
  server: { port: 5173 },
  preview: { port: 4173 },
  build: { outDir: "dist", sourcemap: true },
});
