/**
 * Entry point of a platform worker thread (started by pool.ts as dist/platform/threads/thread.js):
 * runs one task per message and answers with its value or the error's message. A task that
 * throws leaves the thread usable; the pool terminates a thread that crashes or times out.
 */
import { parentPort } from 'node:worker_threads';
import { errorMessage, type TaskReply, type TaskRequest } from './messages.js';
import { isTaskName, runTask } from './tasks.js';

const port = parentPort;
if (port === null) throw new Error('thread.js runs only as a worker thread');

port.on('message', (request: TaskRequest) => {
  const reply = (message: TaskReply): void => {
    try {
      port.postMessage(message, message.ok ? transferablesOf(message.value) : []);
    } catch (error) {
      // A value that cannot be cloned is a bug in the task; say so instead of hanging.
      port.postMessage({ id: request.id, ok: false, message: errorMessage(error) });
    }
  };
  if (!isTaskName(request.task)) {
    reply({ id: request.id, ok: false, message: `Unknown thread task: ${String(request.task)}` });
    return;
  }
  runTask(request.task, request.input).then(
    (value) => {
      reply({ id: request.id, ok: true, value });
    },
    (error: unknown) => {
      reply({ id: request.id, ok: false, message: errorMessage(error) });
    },
  );
});

/**
 * The buffers a task's result hands over instead of copying: its top-level byte arrays that
 * own their whole ArrayBuffer (large answers; a slice of a shared pool is copied instead).
 */
function transferablesOf(value: unknown): ArrayBuffer[] {
  if (typeof value !== 'object' || value === null) return [];
  const buffers: ArrayBuffer[] = [];
  for (const member of Object.values(value)) {
    if (
      member instanceof Uint8Array &&
      member.buffer instanceof ArrayBuffer &&
      member.byteOffset === 0 &&
      member.byteLength === member.buffer.byteLength &&
      !buffers.includes(member.buffer)
    ) {
      buffers.push(member.buffer);
    }
  }
  return buffers;
}
