import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/*
 * The dependency direction (DESIGN.md §3, STYLE.md): pure layers and engines import no adapter
 * (src/platform, src/cli, src/io) and no file system, network or process module. Pure layers in
 * order — domain, model, design, presentation, then diagrams and documents (which never import
 * each other) — each import only the layers before them; the engines (Sigma today, continuity,
 * audit… to come) build on the model and design and are presented by documents, never the
 * reverse. The Sigma engine imports nothing outside src/supervision/sigma.
 *
 * `no-restricted-imports` matches the import text, not the resolved file, so the rules are
 * generated per depth: from `src/design/rules/x.ts`, `../../platform/…` is exactly the import
 * that reaches src/platform.
 */
const ADAPTERS = ['platform', 'cli', 'io'];
const ENGINES = ['supervision', 'continuity', 'audit', 'response', 'awareness', 'certification'];
const PRESENTED = ['presentation', 'diagrams', 'documents'];
/** Deepest folder nesting covered below a layer (today's deepest is 2). */
const MAX_DEPTH = 5;

const NODE_IO = {
  regex: '^(?:node:)?(?:fs|net|http|https|http2|tls|dgram|child_process|process)(?:/.*)?$',
  message: 'Pure layers and engines receive I/O as parameters (DESIGN.md §3).',
};

/**
 * Config objects forbidding, for every .ts file of `folder`, the imports that reach one of the
 * `forbidden` folders of src/ (`folder` one level below src/), or — with `selfContained` — any
 * relative import leaving `folder`. `ioFiles` may import Node I/O
 * (a narrow, documented exception); every other file may not.
 */
function direction({ folder, forbidden = [], message, selfContained = false, ioFiles = [] }) {
  const levels = folder.split('/').length - 1;
  const patterns = (depth, io) => [
    ...(io ? [] : [NODE_IO]),
    selfContained
      ? { regex: `^(?:\\.\\./){${String(depth + 1)},}`, message }
      : {
          regex: `^(?:\\.\\./){${String(depth + levels)}}(?:${forbidden.join('|')})(?:/|$)`,
          message,
        },
  ];
  const depthOf = (file) => file.split('/').length - folder.split('/').length - 1;
  const rule = (depth, io) => ({
    'no-restricted-imports': ['error', { patterns: patterns(depth, io) }],
  });
  return [
    ...Array.from({ length: MAX_DEPTH + 1 }, (_, depth) => [
      {
        files: [`${folder}/${'*/'.repeat(depth)}*.ts`],
        ignores: ioFiles,
        rules: rule(depth, false),
      },
      // tests keep the direction but may read their fixtures
      { files: [`${folder}/${'*/'.repeat(depth)}*.test.ts`], rules: rule(depth, true) },
    ]).flat(),
    ...ioFiles.map((file) => ({ files: [file], rules: rule(depthOf(file), true) })),
  ];
}

const layerDirections = [
  ...direction({
    folder: 'src/domain',
    forbidden: ['model', 'i18n', 'design', 'interop', ...PRESENTED, ...ENGINES, ...ADAPTERS],
    message: 'src/domain is the base layer: it imports nothing else from src.',
  }),
  ...direction({
    folder: 'src/i18n',
    forbidden: ['model', 'design', 'interop', ...PRESENTED, ...ENGINES, ...ADAPTERS],
    message: 'src/i18n holds texts: it imports nothing but src/domain.',
  }),
  ...direction({
    folder: 'src/model',
    forbidden: ['design', 'interop', ...PRESENTED, ...ENGINES, ...ADAPTERS],
    message: 'src/model imports src/domain only: rules, documents and adapters build on it.',
  }),
  ...direction({
    folder: 'src/design',
    forbidden: ['interop', ...PRESENTED, ...ENGINES, ...ADAPTERS],
    message: 'src/design (rules, analyses) imports the model, never what presents it or adapters.',
  }),
  ...direction({
    folder: 'src/presentation',
    forbidden: ['diagrams', 'documents', 'interop', ...ADAPTERS],
    message:
      'src/presentation is shared by diagrams and documents: it imports neither, nor adapters.',
    // reads the packaged DejaVu font files once (assets of a dependency, not user data)
    ioFiles: ['src/presentation/fonts.ts'],
  }),
  ...direction({
    folder: 'src/diagrams',
    forbidden: ['documents', 'interop', ...ADAPTERS],
    message: 'Diagrams must not import documents (what both need lives in src/presentation).',
  }),
  ...direction({
    folder: 'src/documents',
    forbidden: ['diagrams', 'interop', ...ADAPTERS],
    message:
      'Documents get diagrams through the DiagramProvider port (src/presentation), injected by the caller.',
  }),
  ...ENGINES.flatMap((engine) =>
    direction({
      folder: `src/${engine}`,
      forbidden: ['interop', ...PRESENTED, ...ENGINES.filter((e) => e !== engine), ...ADAPTERS],
      message: `src/${engine} is an engine: it reads the model, documents present it; it imports no adapter.`,
      // the audit's probes get the network as a port (net/types.ts); its Node implementation
      // and the host audit's read-only system reader are the engine's only I/O files
      ioFiles:
        engine === 'audit'
          ? [
              'src/audit/net/node-net.ts',
              'src/audit/net/node-net-batch.ts',
              'src/audit/host/system.ts',
            ]
          : [],
    }),
  ),
  ...direction({
    folder: 'src/supervision/sigma',
    selfContained: true,
    message: 'The Sigma engine imports nothing outside src/supervision/sigma (types.ts).',
    // the log reader streams (and gunzips) the hunted files itself: reading them whole at the
    // edge would hold gigabytes in memory
    ioFiles: [
      'src/supervision/sigma/input/byte-source.ts',
      'src/supervision/sigma/input/read-events.ts',
    ],
  }),
];

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
  ...layerDirections,
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
