import { defineConfig } from "vite";
import vue from "@vitejs/plugin-vue";
import { fileURLToPath } from "node:url";

// The build goes straight into the jar's static resources: Quarkus serves it at / from the same origin
// as the API. `npm run dev` serves it with hot reload on :5173, the API proxied to the dev service on :8080.
const backend = "http://localhost:8080";

export default defineConfig({
  plugins: [vue()],
  base: "/",
  build: {
    outDir: fileURLToPath(new URL("../../../target/classes/META-INF/resources", import.meta.url)),
    emptyOutDir: true,
    manifest: true,
    sourcemap: false,
    chunkSizeWarningLimit: 900,
  },
  server: {
    proxy: {
      "/api": backend,
      "/dev": backend,
      "/q": backend,
      "/app-config.json": backend,
    },
  },
  test: {
    include: ["src/**/*.test.ts"],
    environment: "node",
  },
});
