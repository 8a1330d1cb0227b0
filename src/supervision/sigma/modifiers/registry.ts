/**
 * The explicit list of value modifiers (specification appendix). Adding one: a file with its
 * metadata and `apply`, a test beside it, one line here. A duplicate id fails at load.
 */
import { allModifier } from './all.js';
import { base64Modifier } from './base64.js';
import { base64offsetModifier } from './base64offset.js';
import { casedModifier } from './cased.js';
import { cidrModifier } from './cidr.js';
import { containsModifier } from './contains.js';
import { dayModifier } from './day.js';
import { endswithModifier } from './endswith.js';
import { existsModifier } from './exists.js';
import { expandModifier } from './expand.js';
import { fieldrefModifier } from './fieldref.js';
import { gtModifier } from './gt.js';
import { gteModifier } from './gte.js';
import { hourModifier } from './hour.js';
import { ltModifier } from './lt.js';
import { lteModifier } from './lte.js';
import { minuteModifier } from './minute.js';
import { monthModifier } from './month.js';
import { neqModifier } from './neq.js';
import { reIModifier } from './re-i.js';
import { reMModifier } from './re-m.js';
import { reSModifier } from './re-s.js';
import { reModifier } from './re.js';
import { startswithModifier } from './startswith.js';
import type { SigmaModifier } from './types.js';
import { utf16Modifier } from './utf16.js';
import { utf16beModifier } from './utf16be.js';
import { utf16leModifier } from './utf16le.js';
import { weekModifier } from './week.js';
import { wideModifier } from './wide.js';
import { windashModifier } from './windash.js';
import { yearModifier } from './year.js';

export const SIGMA_MODIFIERS: readonly SigmaModifier[] = [
  allModifier,
  base64Modifier,
  base64offsetModifier,
  casedModifier,
  cidrModifier,
  containsModifier,
  dayModifier,
  endswithModifier,
  existsModifier,
  expandModifier,
  fieldrefModifier,
  gtModifier,
  gteModifier,
  hourModifier,
  ltModifier,
  lteModifier,
  minuteModifier,
  monthModifier,
  neqModifier,
  reIModifier,
  reMModifier,
  reSModifier,
  reModifier,
  startswithModifier,
  utf16Modifier,
  utf16beModifier,
  utf16leModifier,
  weekModifier,
  wideModifier,
  windashModifier,
  yearModifier,
];

/** As `indexById` of src/domain/registry.ts, which the engine cannot import (self-contained). */
function indexModifiers(list: readonly SigmaModifier[]): ReadonlyMap<string, SigmaModifier> {
  const map = new Map<string, SigmaModifier>();
  for (const modifier of list) {
    if (map.has(modifier.id)) throw new Error(`Duplicate Sigma modifier id: ${modifier.id}`);
    map.set(modifier.id, modifier);
  }
  return map;
}

/** Modifiers by id. */
export const MODIFIERS_BY_ID: ReadonlyMap<string, SigmaModifier> = indexModifiers(SIGMA_MODIFIERS);
