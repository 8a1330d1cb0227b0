import { describe, expect, it } from 'vitest';
import { ROUTES } from './app.js';
import { ERROR_STATUS } from './errors.js';
import { errorsOf, openApiDocument, openApiPath } from './openapi.js';

interface Operation {
  responses: Record<string, { description: string; content?: Record<string, { schema: unknown }> }>;
}

const doc = openApiDocument(ROUTES) as {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
};

const operationOf = (route: (typeof ROUTES)[number]): Operation | undefined =>
  doc.paths[openApiPath(route.path)]?.[route.method.toLowerCase()];

describe('OpenAPI document', () => {
  it('documents the success answer of every route: a named schema or the downloaded types', () => {
    for (const route of ROUTES) {
      const name = `${route.method} ${route.path}`;
      const success = operationOf(route)?.responses[String(route.status ?? 200)];
      expect(success, name).toBeDefined();
      const content = success?.content ?? {};
      expect(Object.keys(content).length, name).toBeGreaterThan(0);
      if (route.response.kind === 'json') {
        expect(content['application/json']?.schema, name).toEqual({
          $ref: `#/components/schemas/${route.response.type}`,
        });
        expect(doc.components.schemas[route.response.type], name).toBeDefined();
      } else {
        expect(Object.keys(content), name).toEqual(route.response.contentTypes);
      }
    }
  });

  it('lists each error under the status ERROR_STATUS gives its code', () => {
    for (const route of ROUTES) {
      const responses = operationOf(route)?.responses ?? {};
      for (const code of errorsOf(route).keys()) {
        const documented = responses[String(ERROR_STATUS[code])];
        expect(documented?.description, `${route.method} ${route.path} ${code}`).toContain(
          `\`${code}\``,
        );
      }
    }
  });
});
