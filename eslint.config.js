import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

// The rooms of ARCHITECTURE.md, checked: what each folder may never import.
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'stream'];
const zone = (patterns) => ({ 'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group], message: 'This room may not import that (see ../shared/ARCHITECTURE.md).' })) }] });

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
  { files: ['main/core/**/*.ts', 'main/modules/**/*.ts', 'main/cli/**/*.ts'], rules: zone(['electron', 'react', 'antd', '**/renderer/**', '**/shells/**']) },
  { files: ['main/shells/browser/**/*.ts'], rules: zone(['electron', 'react', 'antd', '**/renderer/**']) },
  { files: ['main/shells/electron/**/*.ts'], rules: zone(['react', 'antd', '**/renderer/**']) },
  { files: ['renderer/**/*.ts', 'renderer/**/*.tsx'], rules: zone([...nodeBuiltins, 'electron', 'better-sqlite3-multiple-ciphers', 'exceljs', '**/main/**']) },
  { files: ['tests/**/*.ts', 'build/**/*.mjs', 'tests/**/*.mjs', '*.config.*'], languageOptions: { globals: { process: 'readonly', console: 'readonly', __dirname: 'readonly', require: 'readonly' } } },
);
