import { createEssaysClient } from "essays-api-client";

/** Where the API lives: `VITE_ESSAYS_API` at build time, else a local service on 8080. */
export const apiBase: string = import.meta.env["VITE_ESSAYS_API"] ?? "http://localhost:8080";

/** The one client every view uses; the browser's own HTTP cache revalidates with ETags. */
export const api = createEssaysClient({ baseUrl: apiBase });
