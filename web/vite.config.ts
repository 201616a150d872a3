// Vite build of the Circles web app: `vite build web` writes web/dist, served by the Circles server.
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// The shared zod contract lives in the server tree; the web app imports nothing else from it.
const contractDir = decodeURIComponent(new URL('../src/contract', import.meta.url).pathname);

/** Writes a .gz next to each text asset; the server sends it to browsers that accept gzip. */
function precompress(): Plugin {
  const gzip = async (data: string | Uint8Array): Promise<Uint8Array> => {
    const stream = new Blob([typeof data === 'string' ? data : new Uint8Array(data)])
      .stream()
      .pipeThrough(new CompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  };
  return {
    name: 'circles-precompress',
    apply: 'build',
    generateBundle: {
      // After every other plugin: Vite rewrites chunks (e.g. its preload helper) in this hook too.
      order: 'post',
      async handler(_options, bundle) {
        for (const [fileName, out] of Object.entries(bundle)) {
          if (!/\.(js|css|html|svg)$/.test(fileName)) continue;
          const source = out.type === 'chunk' ? out.code : out.source;
          this.emitFile({ type: 'asset', fileName: `${fileName}.gz`, source: await gzip(source) });
        }
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), precompress()],
  resolve: { alias: { '@contract': contractDir } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Source maps help debugging without being fetched by browsers that do not ask for them.
    sourcemap: true,
    reportCompressedSize: false,
  },
  server: {
    // `npm run dev:web` proxies the API to a server started with `npm start` (same origin for cookies).
    proxy: { '/api': 'http://localhost:3000', '/healthz': 'http://localhost:3000' },
    fs: { allow: ['..'] },
  },
});
