/// <reference types="vitest" />
import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";

// The plugin serves the build under this path of Saleor's API (see saleor_tracking_plugin/web).
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

const PLUGIN_DASHBOARD_PATH = "/plugins/global/saleor_tracking_plugin/dashboard/";

/**
 * macaw-ui's stylesheet declares ~50 web fonts (Inter, Geist): shipped, they would multiply
 * the Python package's size. The extension uses the system's sans-serif instead.
 */
function withoutMacawFonts(): Plugin {
  return {
    name: "without-macaw-fonts",
    enforce: "pre",
    transform(code, id) {
      if (!id.includes("@saleor/macaw-ui") || !id.endsWith(".css")) return null;
      return { code: code.replace(/@font-face\s*\{[^}]*\}/g, ""), map: null };
    },
  };
}

export default defineConfig({
  base: PLUGIN_DASHBOARD_PATH,
  plugins: [withoutMacawFonts(), react()],
  build: {
    outDir: here("../saleor_tracking_plugin/dashboard/static"),
    emptyOutDir: true,
    // No source maps in the Python package: they would double its size.
    sourcemap: false,
    // The budget that matters (300 KB gzipped per page) is checked by
    // tests/unit/test_dashboard_bundle.py; Vite's raw-size warning would only be noise.
    chunkSizeWarningLimit: 700,
    rollupOptions: {
      input: {
        page: here("index.html"),
        order: here("order/index.html"),
      },
      output: {
        // Libraries in one chunk both pages share; the pages' own code stays small.
        manualChunks: (id) => (id.includes("node_modules") ? "vendor" : undefined),
      },
    },
  },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.{ts,tsx}"],
  },
});
