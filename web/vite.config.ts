import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { VitePWA } from "vite-plugin-pwa";

// `npm run dev:web` proxies the API and the local sign-in to the local stack (`npm start`).
const api = process.env.API_URL ?? "http://localhost:3000";

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  plugins: [
    react(),
    // Installable, and the app shell (every built chunk) precached so field screens open with no
    // signal. API data is not cached by the worker: the field screens keep what they need in
    // IndexedDB per account (features/field/offline.ts), which the worker's URL-keyed cache cannot.
    VitePWA({
      registerType: "autoUpdate",
      injectRegister: "script-defer",
      includeAssets: ["icons/apple-touch-icon.png"],
      manifest: {
        name: "湖北省安全生产监管平台",
        short_name: "安全监管",
        description: "湖北省安全生产监管平台：隐患排查治理、网格巡查、执法检查",
        lang: "zh-CN",
        start_url: "/field",
        scope: "/",
        display: "standalone",
        theme_color: "#1a56b0",
        background_color: "#ffffff",
        icons: [
          { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png" },
          { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png" },
          { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
        ],
      },
      workbox: {
        globPatterns: ["**/*.{js,css,html,png,svg,woff2}"],
        navigateFallback: "/index.html",
        // The API, the local sign-in and the deployed auth configuration always come from the network.
        navigateFallbackDenylist: [/^\/v1\//, /^\/local\//, /^\/config\.json$/],
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  build: { outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 600 },
  server: { port: 5173, proxy: { "/v1": api, "/local": api } },
});
