// Bundles the main-process entry points with esbuild (CommonJS, node_modules left external) and,
// unless --main-only, the renderer with Vite. `npm start`, `npm test` and `npm run dist` all use it.
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';

const entries = {
  launch: 'main/shells/launch.ts',
  'electron-main': 'main/shells/electron/main.ts',
  preload: 'main/shells/electron/preload.ts',
  browser: 'main/shells/browser/main.ts',
  cli: 'main/cli/ledger.ts',
  bench: 'tests/bench/bench.ts',
  'first-screen': 'tests/bench/firstScreen.ts',
};

await build({
  entryPoints: entries,
  outdir: 'dist/main',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});

if (!process.argv.includes('--main-only')) await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
