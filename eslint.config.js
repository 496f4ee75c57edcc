import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

// The rooms of docs/ARCHITECTURE.md, checked: what each folder may never import.
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'stream'];
const zone = (patterns, regexes = []) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        ...patterns.map((group) => ({ group: [group], message: 'This room may not import that (see docs/ARCHITECTURE.md).' })),
        ...regexes.map(([regex, message]) => ({ regex, message })),
      ],
    },
  ],
});
const MAIN_ROOMS = ['electron', 'react', 'antd', '**/renderer/**', '**/shells/**'];
// The core knows no module: modules are handed to it (main/app.ts puts the two together).
const CORE_KNOWS_NO_MODULE = [['(^|/)modules(/|$)|^\\.\\./app$', 'The core imports nothing from the modules or main/app.ts (see docs/ARCHITECTURE.md).']];
// A module's tables and code are its own; another module uses only what its api.ts exports.
const MODULES_THROUGH_API = [['^\\.\\./(?!core/)[a-z]+/(?!api$)[^/]+$', "Another module's internals: import what it offers from its api.ts (see docs/ARCHITECTURE.md)."]];
// The app's frame (renderer/app) takes the modules' list from modules/index.ts and anything else through a module's api.ts.
const APP_THROUGH_API = [['^\\.\\./modules/[a-z]+/(?!api$)[^/]+$', "A module's internals: the app's frame imports what the module offers from its api.ts (see docs/ARCHITECTURE.md)."]];
// A migration is frozen once it lands: it writes out the roles, templates and defaults it needs, never imports them.
const MIGRATIONS_FROZEN = [['^\\.\\./\\.\\./\\.\\./', 'A migration is frozen: write out the values it needs instead of importing them from code that may change (see docs/ARCHITECTURE.md).']];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', '.tsbuild/**', 'tests/e2e/artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  { files: ['renderer/**/*.tsx', 'renderer/**/*.ts'], plugins: { 'react-hooks': reactHooks }, rules: reactHooks.configs.recommended.rules },
  { files: ['shared/**/*.ts'], rules: zone([...nodeBuiltins, 'electron', 'react', 'react-dom', 'antd', 'better-sqlite3-multiple-ciphers', '**/main/**', '**/renderer/**']) },
  { files: ['main/cli/**/*.ts'], rules: zone(MAIN_ROOMS) },
  { files: ['main/core/**/*.ts'], rules: zone(MAIN_ROOMS, CORE_KNOWS_NO_MODULE) },
  { files: ['main/core/ledger/migrations/*.ts'], rules: zone(MAIN_ROOMS, [...CORE_KNOWS_NO_MODULE, ...MIGRATIONS_FROZEN]) },
  { files: ['main/modules/**/*.ts'], rules: zone(MAIN_ROOMS, MODULES_THROUGH_API) },
  { files: ['main/shells/browser/**/*.ts'], rules: zone(['electron', 'react', 'antd', '**/renderer/**']) },
  { files: ['main/shells/electron/**/*.ts'], rules: zone(['react', 'antd', '**/renderer/**']) },
  { files: ['renderer/**/*.ts', 'renderer/**/*.tsx'], rules: zone([...nodeBuiltins, 'electron', 'better-sqlite3-multiple-ciphers', 'exceljs', '**/main/**']) },
  { files: ['renderer/app/**/*.ts', 'renderer/app/**/*.tsx'], rules: zone([...nodeBuiltins, 'electron', 'better-sqlite3-multiple-ciphers', 'exceljs', '**/main/**'], APP_THROUGH_API) },
  { files: ['renderer/modules/**/*.ts', 'renderer/modules/**/*.tsx'], rules: zone([...nodeBuiltins, 'electron', 'better-sqlite3-multiple-ciphers', 'exceljs', '**/main/**'], MODULES_THROUGH_API) },
  { files: ['tests/**/*.ts', 'build/**/*.mjs', 'tests/**/*.mjs', '*.config.*'], languageOptions: { globals: { process: 'readonly', console: 'readonly', __dirname: 'readonly', require: 'readonly' } } },
);
