// ESLint flat config: type-aware TypeScript rules, React hooks, and the layer
// boundaries described in docs/ARCHITECTURE.md.
import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';

const features = existsSync('src/features')
  ? readdirSync('src/features', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)
  : [];

/** Layer rules: who may import whom. */
const zones = [
  { target: './src/engine', from: './src', except: ['./engine'], message: 'src/engine is pure: it imports nothing of ours outside itself.' },
  { target: './src/worker', from: './src', except: ['./engine', './worker'], message: 'src/worker may import only the engine.' },
  { target: './src/api', from: './src', except: ['./api', './engine'], message: 'src/api may import only the engine (types).' },
  { target: './src/mocks', from: './src', except: ['./mocks', './engine', './api'], message: 'src/mocks may import the engine and API wire types only.' },
  { target: './src/components', from: './src/features', message: 'shared components must not depend on features.' },
  { target: './src/components', from: './src/app', message: 'shared components must not depend on the app.' },
  { target: './src/features', from: './src/app', message: 'features must not import the app layer.' },
  ...features.map((name) => ({
    target: `./src/features/${name}`,
    from: './src/features',
    except: [`./${name}`],
    message: 'features do not import each other: move shared code to src/components or src/api.',
  })),
];

/** File names are kebab-case (tests and configs included). */
const kebabCase = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    return {
      Program(node) {
        const base = path.basename(context.filename).split('.')[0] ?? '';
        if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(base)) {
          context.report({ node, message: `File name '${path.basename(context.filename)}' must be kebab-case.` });
        }
      },
    };
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'public/**', 'test-results/**', 'playwright-report/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.engine.json', './tsconfig.node.json', './tsconfig.app.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { 'import-x': importX, palisade: { rules: { 'kebab-case': kebabCase } } },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs'] })] },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones }],
      'import-x/no-default-export': 'error',
      'palisade/kebab-case': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render data as text.' },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/engine/**', 'src/cli/**', 'src/mocks/**', 'src/**/*.test.ts'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/**/*.test.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    files: ['src/api/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/engine/**'], allowTypeImports: true, message: 'src/api uses engine types only.' }] },
      ],
    },
  },
  {
    files: ['*.config.{js,ts}', 'eslint.config.js', 'playwright.config.ts', 'vite.config.ts', 'vitest.config.ts'],
    rules: { 'import-x/no-default-export': 'off' },
  },
  {
    files: ['**/*.{js,mjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['scripts/**/*.mjs', '.ci/**'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
