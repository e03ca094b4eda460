import tailwindcss from "@tailwindcss/vite";
import { tanstackRouter } from "@tanstack/router-plugin/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { pwaBuild } from "./pwa-build.ts";

// The store is served by the Lumen server at /app/<botId>/; its files live under /app/assets/ for
// every bot. `npm run dev:mini-app` proxies the API to a server on :3000.
export default defineConfig({
  base: "/app/",
  plugins: [
    tanstackRouter({ target: "react", autoCodeSplitting: true, quoteStyle: "double" }),
    react(),
    tailwindcss(),
    pwaBuild(),
  ],
  server: {
    port: 5174,
    proxy: { "/api": { target: process.env.LUMEN_API_URL ?? "http://127.0.0.1:3000", changeOrigin: false } },
  },
  build: { outDir: "dist", emptyOutDir: true, target: "es2022" },
});
