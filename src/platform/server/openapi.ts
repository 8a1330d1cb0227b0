/**
 * OpenAPI 3.1 document generated from the route table: each operation's success answer (a named
 * `api/types.ts` shape or a download), its errors grouped by the status `ERROR_STATUS` gives
 * them, and its access rule with the roles `POLICIES` grants it to.
 */
import { z } from 'zod';
import { POLICIES } from '../policies.js';
import { ERROR_STATUS } from './errors.js';
import type { ErrorCode } from './errors.js';
import type { Route } from './route.js';
import { isWorkspaceAccess } from './route.js';

type JsonObject = Record<string, unknown>;

const ERROR_CONTENT = {
  'application/json': { schema: { $ref: '#/components/schemas/Error' } },
} as const;

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
  if (isWorkspaceAccess(access)) {
    return `workspace permission ${access.permission} (roles: ${POLICIES[access.permission].join(', ')})`;
  }
  return access;
}

/** The error codes a route may answer with, and what each means there. */
export function errorsOf(route: Route): Map<ErrorCode, string> {
  const errors = new Map<ErrorCode, string>();
  if (route.params !== undefined || route.query !== undefined || route.body !== undefined) {
    errors.set('validation', 'A parameter, the query or the body is invalid.');
  }
  if (route.body !== undefined) {
    errors.set('invalid_json', 'The body is not JSON.');
    errors.set('unsupported_media_type', 'The body is not `application/json`.');
  }
  if (route.rawBody !== undefined) {
    errors.set('unsupported_media_type', `The body is not \`${route.rawBody}\`.`);
  }
  if (route.access !== 'public') errors.set('unauthenticated', 'No valid session.');
  if (route.access !== 'public' && (route.csrf || route.method !== 'GET')) {
    errors.set('csrf', 'Missing or wrong `x-csrf-token`.');
  }
  if (route.access === 'admin') errors.set('forbidden', 'Not a platform administrator.');
  if (isWorkspaceAccess(route.access)) {
    errors.set('forbidden', `The role does not hold ${route.access.permission}.`);
    errors.set('not_found', 'No such workspace, or the caller is not a member.');
  }
  for (const [code, description] of Object.entries(route.errors ?? {})) {
    errors.set(code as ErrorCode, description);
  }
  return errors;
}

function errorResponses(route: Route): Record<string, JsonObject> {
  const byStatus = new Map<number, string[]>();
  for (const [code, description] of errorsOf(route)) {
    const status = ERROR_STATUS[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), `\`${code}\`: ${description}`]);
  }
  return Object.fromEntries(
    [...byStatus]
      .sort(([a], [b]) => a - b)
      .map(([status, lines]) => [
        String(status),
        { description: lines.join(' '), content: ERROR_CONTENT },
      ]),
  );
}

function successResponse(route: Route): JsonObject {
  const response = route.response;
  if (response.kind === 'file') {
    return {
      description: response.description,
      content: Object.fromEntries(
        response.contentTypes.map((type) => [
          type,
          { schema: { type: 'string', format: 'binary' } },
        ]),
      ),
    };
  }
  return {
    description: response.type,
    content: {
      'application/json': { schema: { $ref: `#/components/schemas/${response.type}` } },
    },
  };
}

/** The named answer types of the routes: their schema, or an object pointing at api/types.ts. */
function responseSchemas(routes: readonly Route[]): Record<string, JsonObject> {
  const schemas: Record<string, JsonObject> = {};
  for (const { response } of routes) {
    if (response.kind !== 'json') continue;
    schemas[response.type] ??= response.schema ?? {
      type: 'object',
      description: `\`${response.type}\` in src/platform/api/types.ts.`,
    };
  }
  return schemas;
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
        [String(route.status ?? 200)]: successResponse(route),
        ...errorResponses(route),
        default: { description: 'Error', content: ERROR_CONTENT },
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
        ...responseSchemas(routes),
        Error: {
          type: 'object',
          required: ['code', 'message'],
          properties: {
            code: { type: 'string', enum: Object.keys(ERROR_STATUS) },
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
