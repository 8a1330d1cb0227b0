export { buildApp, BODY_LIMIT_BYTES, ROUTES } from './app.js';
export type { AppOptions } from './app.js';
export { API_ROUTES, SESSION_TTL_SECONDS } from './routes.js';
export { openApiDocument, openApiPath } from './openapi.js';
export { SESSION_COOKIE, readCookie, sessionCookie } from './cookies.js';
export { ApiError } from './errors.js';
export type { ErrorBody, Message } from './errors.js';
export { defineRoute, isWorkspaceAccess } from './route.js';
export type {
  Access,
  HandlerInput,
  HttpMethod,
  Route,
  ServerContext,
  SessionInfo,
} from './route.js';
