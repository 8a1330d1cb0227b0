/**
 * `vigie audit host [--format table|json] [-o results.json]`: the local, read-only host audit
 * (Linux). It reads the system (more as root: shadow, sudoers, firewall rules, sshd -T), judges
 * it with the host checks and prints the findings with the hardening index. `-o` writes a
 * results file in the campaign format, so `vigie audit report` turns it into a document.
 */
import { randomUUID } from 'node:crypto';
import { collectHost, HOST_CHECKS, judgeHost } from '../../../audit/host/index.js';
import { nodeHostReader } from '../../../audit/host/system.js';
import type { AuditResults } from '../../../audit/types.js';
import { UsageError, type CommandContext, type ParsedArgs } from '../../context.js';
import { writeOutput } from '../../output.js';
import { VERSION } from '../../version.js';
import { failOnExit, findingsTable, severityCounts } from './common.js';

const HOST_FORMATS = ['table', 'json'] as const;

export async function runHost(ctx: CommandContext, values: ParsedArgs['values']): Promise<number> {
  const { t } = ctx;
  const format = typeof values.format === 'string' ? values.format : 'table';
  if (!(HOST_FORMATS as readonly string[]).includes(format))
    throw new UsageError(
      t('cli.audit.bad-format', { format, action: 'host', allowed: HOST_FORMATS.join(', ') }),
    );
  if (process.platform !== 'linux') throw new UsageError(t('cli.audit.host-linux-only'));
  const reader = nodeHostReader();
  const startedAt = new Date();
  ctx.stderr(`${t('cli.audit.host-reading', { host: reader.hostname() })}\n`);
  if (reader.euid() !== 0) ctx.stderr(`${t('cli.audit.host-not-root')}\n`);
  const audit = judgeHost(await collectHost(reader));
  const finishedAt = new Date();
  const results: AuditResults = {
    format: 'vigie-audit-results',
    version: 1,
    campaign: {
      id: randomUUID(),
      name: `host ${audit.observation.hostname}`,
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      vantage: null,
      model: null,
      scope: { file: null, targets: 1, ports: 'local' },
      tool: { name: 'vigie', version: VERSION },
    },
    hosts: [],
    observations: {
      tls: [],
      ssh: [],
      http: [],
      dns: [],
      host: { ...audit.observation, hardening: audit.hardening },
    },
    findings: audit.findings,
    refused: [],
    errors: [],
    stats: { durationMs: audit.observation.durationMs, connections: 0 },
  };
  if (typeof values.output === 'string') {
    await writeOutput(ctx, values.output, `${JSON.stringify(results, null, 2)}\n`);
  } else if (format === 'json') {
    ctx.stdout(`${JSON.stringify(results, null, 2)}\n`);
    return failOnExit(audit.findings, values['fail-on']);
  }
  if (format === 'table' || typeof values.output === 'string') {
    ctx.stdout(`${findingsTable(ctx, audit.findings)}\n`);
    ctx.stdout(
      `${t('cli.audit.host-index', {
        index: audit.hardening.index,
        passed: audit.hardening.passed,
        total: HOST_CHECKS.length,
        seconds: (audit.observation.durationMs / 1000).toFixed(1),
      })}\n${t('cli.audit.by-severity', { counts: severityCounts(ctx, audit.findings) })}\n`,
    );
  }
  return failOnExit(audit.findings, values['fail-on']);
}
