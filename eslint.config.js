import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Layers that must stay pure: no file system, network, process or adapter imports. */
const pureLayerRestrictions = {
  patterns: [
    {
      group: [
        'node:fs',
        'node:fs/*',
        'node:net',
        'node:http',
        'node:child_process',
        'node:process',
      ],
      message: 'Pure layers receive I/O as parameters (DESIGN.md §3).',
    },
    {
      group: ['**/io/*', '**/cli/*', '**/store/*', '**/server/*'],
      message: 'Pure layers must not import adapters (STYLE.md: dependency direction).',
    },
  ],
};

/**
 * Diagrams and documents both build on src/presentation (DocumentInput, the DiagramProvider port,
 * fonts, SVG → PNG) and never import each other: documents receive diagrams through the port.
 */
function layerRestrictions(forbidden, message) {
  return { patterns: [{ group: forbidden.map((folder) => `**/${folder}/**`), message }] };
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'data/**', 'schema/**'] },
  js.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.strictTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['web/vite.config.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      'no-console': 'error',
    },
  },
  {
    files: ['src/domain/**/*.ts', 'src/model/**/*.ts', 'src/i18n/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', pureLayerRestrictions] },
  },
  {
    files: ['src/diagrams/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        layerRestrictions(
          ['documents'],
          'Diagrams must not import documents: what both need lives in src/presentation.',
        ),
      ],
    },
  },
  {
    files: ['src/documents/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        layerRestrictions(
          ['diagrams'],
          'Documents get diagrams through the DiagramProvider port (src/presentation), injected by the caller.',
        ),
      ],
    },
  },
  {
    files: ['src/presentation/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        layerRestrictions(
          ['diagrams', 'documents', 'platform', 'cli'],
          'src/presentation is shared by diagrams and documents: it imports neither, nor adapters.',
        ),
      ],
    },
  },
  {
    files: ['src/**/*.test.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['web/**/*.ts', 'web/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
);
