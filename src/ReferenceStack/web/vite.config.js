import { defineConfig } from 'vite';

// Plain esbuild JSX (no React plugin): enough for this app and installable with the machine's Node.
export default defineConfig({
  esbuild: { jsx: 'automatic' },
  server: {
    // `npm run dev` talks to a stack started with compose (proxy on STACK_HTTP_PORT, default 8080).
    proxy: { '/api': `http://127.0.0.1:${process.env.STACK_HTTP_PORT ?? 8080}` },
  },
});
