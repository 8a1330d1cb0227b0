/** The demo organisation prepared for document builders (all analyses run once per locale). */
import { BUILTIN_RULES } from '../../src/design/rules/index.js';
import { prepareDocumentInput, type DocumentInput } from '../../src/presentation/input.js';
import { exampleModel } from './model.js';

const cache = new Map<string, DocumentInput>();

export function demoInput(locale: 'en' | 'fr' = 'en', today = '2026-11-28'): DocumentInput {
  const key = `${locale}:${today}`;
  let input = cache.get(key);
  if (input === undefined) {
    const loaded = exampleModel('forges-de-l-est');
    if (!loaded.valid) throw new Error('the demo model does not validate');
    input = prepareDocumentInput(loaded.graph, BUILTIN_RULES, { locale, today });
    cache.set(key, input);
  }
  return input;
}
