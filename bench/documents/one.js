// One document run in a fresh process, for bench/documents/run.js: prints JSON with the wall
// time and the process's peak RSS. Usage: node one.js <dat|analysis> <model> <format> <out>
import { run } from '../../dist/cli/main.js';

const [kind, model, format, out] = process.argv.slice(2);
const argv =
  kind === 'dat'
    ? ['dat', model, '--format', format, '-o', out, '--date', '2026-11-28', '--lang', 'fr']
    : [
        'report',
        'analysis',
        model,
        '--format',
        format,
        '-o',
        out,
        '--date',
        '2026-11-28',
        '--lang',
        'fr',
      ];
let stderr = '';
const start = performance.now();
const code = await run(argv, {
  stdout: () => undefined,
  stderr: (text) => {
    stderr += text;
  },
  env: {},
  cwd: process.cwd(),
  isTTY: false,
});
const ms = performance.now() - start;
const pages = /(\d+) pages/.exec(stderr)?.[1];
console.log(
  JSON.stringify({
    code,
    ms,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    pages: pages === undefined ? null : Number(pages),
    stderr: code === 0 ? undefined : stderr,
  }),
);
