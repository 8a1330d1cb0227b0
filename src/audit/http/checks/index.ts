/**
 * Every HTTP check, in report order. Adding one: a file named after its id, a test case, a line
 * here. Run with `runChecks(HTTP_CHECKS, observation, undefined)`.
 */
import { httpAdminInterfaceExposed } from './http-admin-interface-exposed.js';
import { httpClickjackingUnprotected } from './http-clickjacking-unprotected.js';
import { httpCookieWithoutHttponly } from './http-cookie-without-httponly.js';
import { httpCookieWithoutSamesite } from './http-cookie-without-samesite.js';
import { httpCookieWithoutSecure } from './http-cookie-without-secure.js';
import { httpCrossOriginIsolationMissing } from './http-cross-origin-isolation-missing.js';
import { httpCspMissing } from './http-csp-missing.js';
import { httpCspWeak } from './http-csp-weak.js';
import { httpDefaultPage } from './http-default-page.js';
import { httpDirectoryListing } from './http-directory-listing.js';
import { httpHstsMissing } from './http-hsts-missing.js';
import { httpHstsWeak } from './http-hsts-weak.js';
import { httpNoHttpsRedirect } from './http-no-https-redirect.js';
import { httpPermissionsPolicyMissing } from './http-permissions-policy-missing.js';
import { httpReferrerPolicyMissing } from './http-referrer-policy-missing.js';
import { httpSensitiveFileExposed } from './http-sensitive-file-exposed.js';
import { httpTechnologyHeaders } from './http-technology-headers.js';
import { httpTraceEnabled } from './http-trace-enabled.js';
import { httpVersionDisclosure } from './http-version-disclosure.js';
import { httpXContentTypeOptionsMissing } from './http-x-content-type-options-missing.js';
import type { HttpCheck } from './support.js';

export type { HttpCheck } from './support.js';

export const HTTP_CHECKS: readonly HttpCheck[] = [
  httpSensitiveFileExposed,
  httpAdminInterfaceExposed,
  httpNoHttpsRedirect,
  httpDirectoryListing,
  httpHstsMissing,
  httpHstsWeak,
  httpCspMissing,
  httpCspWeak,
  httpClickjackingUnprotected,
  httpXContentTypeOptionsMissing,
  httpReferrerPolicyMissing,
  httpPermissionsPolicyMissing,
  httpCrossOriginIsolationMissing,
  httpCookieWithoutSecure,
  httpCookieWithoutHttponly,
  httpCookieWithoutSamesite,
  httpVersionDisclosure,
  httpTechnologyHeaders,
  httpDefaultPage,
  httpTraceEnabled,
];
