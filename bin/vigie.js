#!/usr/bin/env node
// The `vigie` command: runs the compiled CLI (built by `npm ci` / `npm run build`).
let cli;
try {
  cli = await import('../dist/cli/main.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
  process.stderr.write('vigie: the CLI is not built yet; run "npm run build" (npm ci does it).\n');
  process.exit(2);
}

// `vigie … | head`: a closed pipe ends the run quietly, as Unix tools do; any other failure of
// standard output (`vigie schema > /dev/full`) is an unwritable output: a message and exit 2
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(cli.stdoutFailure(error, process.argv.slice(2), process.env));
  process.exit(2);
});

process.exitCode = await cli.run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
  isTTY: process.stdout.isTTY === true,
});
