/** A strict little XML checker: balanced tags, quoted attributes, known entities, one root. */
export function assertWellFormedXml(xml: string): void {
  const stack: string[] = [];
  const token =
    /<\?xml[^>]*\?>|<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  let roots = 0;
  for (const match of xml.trim().matchAll(token)) {
    const [, closing, name, , selfClosing, text, stray] = match;
    if (stray !== undefined) throw new Error(`stray < at ${String(match.index)}`);
    if (text !== undefined) {
      const bad = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i.exec(text);
      if (bad !== null) throw new Error(`bad entity near ${text.slice(0, 40)}`);
      if (stack.length === 0 && text.trim() !== '') throw new Error('text outside the root');
      continue;
    }
    if (name === undefined) continue;
    if (closing === '/') {
      const open = stack.pop();
      if (open !== name) throw new Error(`</${name}> closes <${String(open)}>`);
    } else if (selfClosing !== '/') {
      if (stack.length === 0) roots += 1;
      stack.push(name);
    } else if (stack.length === 0) roots += 1;
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack.join('><')}>`);
  if (roots !== 1) throw new Error(`${String(roots)} root elements`);
}
