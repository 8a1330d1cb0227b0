/**
 * Entry point of a platform worker thread (started by pool.ts as dist/platform/threads/thread.js):
 * runs one task per message and answers with its value or the error's message. A task that
 * throws leaves the thread usable; the pool terminates a thread that crashes or times out.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { ownsBuffer } from './bytes.js';
import { errorMessage, type TaskReply, type TaskRequest } from './messages.js';
import { isTaskName, runTask } from './tasks.js';

const port = parentPort;
if (port === null) throw new Error('thread.js runs only as a worker thread');

lowerOwnPriority();

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
    if (member instanceof Uint8Array && ownsBuffer(member) && !buffers.includes(member.buffer)) {
      buffers.push(member.buffer);
    }
  }
  return buffers;
}

/**
 * Gives this thread a lower CPU priority (nice 10) than the thread answering HTTP, so that on a
 * small server a long analysis or document takes the CPU time requests leave, not the reverse.
 * Linux only (a thread's id is read from /proc/thread-self; setpriority on a thread id applies to
 * that thread alone); elsewhere, or if refused, the thread keeps the process's priority.
 */
function lowerOwnPriority(): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0 && tid !== process.pid) setPriority(tid, 10);
  } catch {
    // not Linux, or not allowed: same priority as the rest of the process
  }
}
