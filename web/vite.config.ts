import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// `npm run dev:web` proxies the API and the local sign-in to the local stack (`npm start`).
const api = process.env.API_URL ?? "http://localhost:3000";

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  plugins: [react()],
  build: { outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 600 },
  server: { port: 5173, proxy: { "/v1": api, "/local": api } },
});
