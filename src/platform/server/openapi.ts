/** OpenAPI 3.1 document generated from the route table. */
import { z } from 'zod';
import type { Route } from './route.js';
import { isWorkspaceAccess } from './route.js';

type JsonObject = Record<string, unknown>;

/** `/api/workspaces/:workspaceId` → `/api/workspaces/{workspaceId}`. */
export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function schemaOf(schema: z.ZodType): JsonObject {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
}

function parametersOf(route: Route): JsonObject[] {
  const parameters: JsonObject[] = [];
  for (const match of route.path.matchAll(/:([A-Za-z0-9_]+)/g)) {
    parameters.push({ name: match[1], in: 'path', required: true, schema: { type: 'string' } });
  }
  if (route.query !== undefined) {
    const query = schemaOf(route.query);
    const properties = (query.properties ?? {}) as Record<string, unknown>;
    const required = new Set((query.required ?? []) as string[]);
    for (const [name, schema] of Object.entries(properties)) {
      parameters.push({ name, in: 'query', required: required.has(name), schema });
    }
  }
  return parameters;
}

function accessText(route: Route): string {
  const access = route.access;
  if (isWorkspaceAccess(access)) return `workspace roles: ${access.workspaceRoles.join(', ')}`;
  return access;
}

export function openApiDocument(routes: readonly Route[]): JsonObject {
  const paths: Record<string, Record<string, JsonObject>> = {};
  for (const route of routes) {
    const operation: JsonObject = {
      summary: route.summary,
      description: `Access: ${accessText(route)}.${route.csrf ? ' Requires the x-csrf-token header.' : ''}`,
      tags: [route.tag],
      operationId: `${route.method.toLowerCase()}${openApiPath(route.path).replace(/[^A-Za-z0-9]+/g, '_')}`,
      parameters: parametersOf(route),
      security: route.access === 'public' ? [] : [{ sessionCookie: [] }],
      responses: {
        [String(route.status ?? 200)]: { description: 'Success' },
        ...Object.fromEntries(
          Object.entries(route.errors ?? {}).map(([status, description]) => [
            status,
            {
              description,
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
            },
          ]),
        ),
        default: {
          description: 'Error',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      },
    };
    if (route.body !== undefined) {
      operation.requestBody = {
        required: true,
        content: { 'application/json': { schema: schemaOf(route.body) } },
      };
    }
    const key = openApiPath(route.path);
    paths[key] ??= {};
    paths[key][route.method.toLowerCase()] = operation;
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Vigie platform API', version: '0.1.0' },
    paths,
    components: {
      securitySchemes: {
        sessionCookie: { type: 'apiKey', in: 'cookie', name: 'vigie_session' },
      },
      schemas: {
        Error: {
          type: 'object',
          required: ['code', 'message'],
          properties: {
            code: { type: 'string' },
            message: {
              type: 'object',
              required: ['en', 'fr'],
              properties: { en: { type: 'string' }, fr: { type: 'string' } },
            },
            details: {},
          },
        },
      },
    },
  };
}
