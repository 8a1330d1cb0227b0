/**
 * What the Internet-exposure rules read on the flows of an exposure besides its protocol: the
 * address translation that publishes it and the sources its firewall rule accepts.
 */
import type { Flow } from '../../domain/model/index.js';
import type { InternetExposure } from '../analyses/index.js';
import type { Level } from '../rule.js';
import { list } from './support-exposure.js';

/** Prefixes that accept every address: a rule listing them is not restricted. */
const ANY_ADDRESS = new Set(['0.0.0.0/0', '::/0']);

/** True when the flow's filtering accepts only the listed sources (`allowedSources`). */
export function isSourceRestricted(flow: Flow | undefined): boolean {
  const sources = flow?.allowedSources ?? [];
  return sources.length > 0 && !sources.some((source) => ANY_ADDRESS.has(source));
}

/**
 * True when every exposure of the group is a flow restricted to known sources: a scanner of the
 * whole Internet does not reach it, only someone on (or who took over) those addresses.
 */
export function isRestrictedToKnownSources(group: readonly InternetExposure[]): boolean {
  return group.length > 0 && group.every((e) => e.flow !== undefined && isSourceRestricted(e.flow));
}

/** The likelihood one step lower (not below 1) when `lower` holds. */
export function lowerWhen(likelihood: Level, lower: boolean): Level {
  return lower ? (Math.max(1, likelihood - 1) as Level) : likelihood;
}

/**
 * What the flows of an exposure group say of publication and sources, for messages:
 * `; published by port forwarding on 203.0.113.10:3389; accepted only from 198.51.100.7`.
 */
export function publicationNotes(group: readonly InternetExposure[], fr: boolean): string {
  const notes: string[] = [];
  for (const exposure of group) {
    const flow = exposure.flow;
    if (flow?.nat !== undefined && flow.nat.type !== 'source') {
      const on = [flow.nat.external, flow.nat.externalPort]
        .filter((part) => part !== undefined)
        .join(':');
      const how =
        flow.nat.type === 'port-forward'
          ? fr
            ? 'redirection de port'
            : 'port forwarding'
          : fr
            ? 'NAT statique'
            : 'static NAT';
      const where = on === '' ? '' : fr ? ` sur ${on}` : ` on ${on}`;
      notes.push(
        fr ? `${flow.id} publié par ${how}${where}` : `${flow.id} published by ${how}${where}`,
      );
    }
    if (isSourceRestricted(flow) && flow !== undefined)
      notes.push(
        fr
          ? `${flow.id} accepté seulement depuis ${list(flow.allowedSources ?? [])}`
          : `${flow.id} accepted only from ${list(flow.allowedSources ?? [])}`,
      );
  }
  return notes.length === 0 ? '' : `${fr ? ' ; ' : '; '}${notes.join(fr ? ' ; ' : '; ')}`;
}
