// Dev benchmark: builds a large synthetic EVTX from a fixture chunk (records that reference the
// chunk's templates by offset are repeated until each chunk is full) and times parseEvtx.
// Run after `npm run build`: node bench/sigma/evtx-bench.js [chunks]
import { readFileSync } from 'node:fs';
import { parseEvtx } from '../../dist/supervision/sigma/input/evtx/index.js';

const source = readFileSync(
  new URL(
    '../../test/fixtures/sigma/evtx/efc21479-9e83-41da-8cf1-122e06ba8db3.evtx',
    import.meta.url,
  ),
);
const chunkCount = Number(process.argv[2] ?? 64);
const chunk = Buffer.from(source.subarray(4096, 4096 + 65536));
const first = chunk.readUInt32LE(512 + 4);
const second = chunk.readUInt32LE(512 + first + 4);
const repeat = chunk.subarray(512 + first, 512 + first + second);
let pos = 512 + first;
while (pos + repeat.length <= 65536) {
  repeat.copy(chunk, pos);
  pos += repeat.length;
}
chunk.writeUInt32LE(pos, 48);
const file = Buffer.alloc(4096 + chunkCount * 65536);
source.copy(file, 0, 0, 4096);
for (let i = 0; i < chunkCount; i++) chunk.copy(file, 4096 + i * 65536);

for (let round = 0; round < 3; round++) {
  const t0 = performance.now();
  const result = parseEvtx(file, 'bench.evtx', { checksums: false });
  let n = 0;
  for (const record of result.events) if (record.event) n++;
  const ms = performance.now() - t0;
  console.log(
    `${n} records in ${ms.toFixed(0)} ms: ${Math.round((n / ms) * 1000)} records/s (${result.diagnostics.length} diagnostics)`,
  );
}
