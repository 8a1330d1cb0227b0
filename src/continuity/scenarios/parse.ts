import { SCENARIO_KINDS, type ScenarioKind } from '../../domain/model/index.js';
import { text, type LocalizedText } from '../../design/text.js';
import type { ScenarioSpec } from './types.js';

const TARGET = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;
/** Provider and supplier names may hold spaces (`provider:Acme Paie`). */
const NAME = /^[^\s:][^\n]*$/;

const isKind = (value: string): value is ScenarioKind =>
  (SCENARIO_KINDS as readonly string[]).includes(value);

const FORMS =
  'site-loss:<site>, ransomware:<asset>, provider:<asset or provider>, directory[:<asset>], supplier:<id>, link:<site>';

/**
 * Reads a scenario written `<kind>:<target>` (or `directory` alone): the kind must be one of
 * `SCENARIO_KINDS`; every kind but `directory` needs a target.
 */
export function parseScenario(
  input: string,
):
  | { readonly ok: true; readonly spec: ScenarioSpec }
  | { readonly ok: false; readonly message: LocalizedText } {
  const value = input.trim();
  if (value === '')
    return {
      ok: false,
      message: text(
        `The scenario is empty; write one of ${FORMS}.`,
        `Le scénario est vide ; écrivez l'un de ${FORMS}.`,
      ),
    };
  const colon = value.indexOf(':');
  const kind = colon < 0 ? value : value.slice(0, colon);
  const target = colon < 0 ? undefined : value.slice(colon + 1).trim();
  if (!isKind(kind))
    return {
      ok: false,
      message: text(
        `Unknown scenario kind "${kind}": expected ${SCENARIO_KINDS.join(', ')} (${FORMS}).`,
        `Type de scénario inconnu « ${kind} » : attendu ${SCENARIO_KINDS.join(', ')} (${FORMS}).`,
      ),
    };
  if (target === undefined || target === '') {
    if (kind === 'directory') return { ok: true, spec: { kind } };
    return {
      ok: false,
      message: text(
        `The scenario "${kind}" needs a target: ${kind}:<id> (${FORMS}).`,
        `Le scénario « ${kind} » demande une cible : ${kind}:<id> (${FORMS}).`,
      ),
    };
  }
  const pattern = kind === 'provider' || kind === 'supplier' ? NAME : TARGET;
  if (!pattern.test(target) || target.length > 200)
    return {
      ok: false,
      message: text(
        `The target "${target}" of the scenario "${kind}" is not a valid id.`,
        `La cible « ${target} » du scénario « ${kind} » n'est pas un identifiant valide.`,
      ),
    };
  return { ok: true, spec: { kind, target } };
}

/** The text of a scenario: `<kind>:<target>` or `directory`. */
export const scenarioText = (spec: ScenarioSpec): string =>
  spec.target === undefined ? spec.kind : `${spec.kind}:${spec.target}`;
