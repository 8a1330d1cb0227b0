/**
 * Campaign progress on standard error, as `vigie hunt` does: on a terminal one line rewritten
 * in place (at most every 200 ms); elsewhere one line per phase, so logs stay short.
 */
import type { CampaignProgress } from '../../../audit/campaign/run.js';
import type { CommandContext } from '../../context.js';

export function progressPrinter(ctx: CommandContext): {
  readonly onProgress: (progress: CampaignProgress) => void;
  readonly finish: () => void;
} {
  let last = 0;
  let phase = '';
  return {
    onProgress: (p) => {
      const message = p.message[ctx.locale];
      if (!ctx.isTTY) {
        if (p.phase !== phase && p.phase !== 'done') ctx.stderr(`${message}\n`);
        phase = p.phase;
        return;
      }
      const now = performance.now();
      if (now - last < 200 && p.done !== p.total) return;
      last = now;
      ctx.stderr(`\r\u001b[K${message}`);
    },
    finish: () => {
      if (ctx.isTTY) ctx.stderr('\r\u001b[K');
    },
  };
}
