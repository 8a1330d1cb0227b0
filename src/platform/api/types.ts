/**
 * The JSON shapes of the platform API, shared by the server (handlers return them: each route
 * declares its answer with `json<...>()`) and the web UI (type-only imports, plus the
 * `ENTITY_KINDS` constant). No other runtime code; the permission and audit action lists the UI
 * shares are in `permissions.ts` and `audit-actions.ts` beside this file.
 *
 * Conventions: every workspace route is under `/api/workspaces/:workspaceId`; analysis routes
 * take the version number (`/versions/:number/...`) and `?lang=fr|en` (default `en`) for the texts
 * the analyses write (finding titles, remediation, attack step explanations). Errors are
 * `ApiErrorBody` with a 4xx/5xx status.
 */

import type { AuditFinding, AuditResults, Severity as AuditSeverity } from '../../audit/types.js';
import type { RecordedAuditAction } from './audit-actions.js';
import type { Permission } from './permissions.js';

export type { AuditAction, RecordedAuditAction } from './audit-actions.js';
export type { Permission } from './permissions.js';

export type Lang = 'fr' | 'en';
export type Role = 'owner' | 'analyst' | 'auditor' | 'viewer';
export type Severity = 'critical' | 'high' | 'medium' | 'low';
export type FindingStatus = 'open' | 'accepted' | 'mitigated' | 'false-positive';
export type DecisionStatus = 'accepted' | 'mitigated' | 'false-positive';

export interface ApiErrorBody {
  readonly code: string;
  readonly message: { readonly en: string; readonly fr: string };
  readonly details?: unknown;
}

/** The answer of routes that only say it worked (logout, removals, revoke, decline). */
export interface OkResponse {
  readonly ok: true;
}

/** GET /api/health */
export interface HealthResponse {
  readonly status: 'ok';
}

// ---- existing routes (auth, workspaces, versions) ----------------------------------------------

export interface UserView {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly isAdmin: boolean;
  /** A one-time password is in use: every call but the password change answers 403 `password_change_required`. */
  readonly mustChangePassword: boolean;
}

/** An account as administrators see it (GET /api/admin/users). */
export interface AdminUserView extends UserView {
  readonly createdAt: string;
  /** When an administrator disabled the account; null while enabled. */
  readonly disabledAt: string | null;
}

/** One sign-in attempt; `reason` (why it failed) only in the administrators' view. */
export interface SignInView {
  readonly at: string;
  readonly ip: string;
  readonly userAgent: string;
  readonly success: boolean;
  readonly user: { readonly id: string; readonly email: string; readonly displayName: string };
  readonly reason?: string | null;
}

/** GET /api/auth/sign-ins, GET /api/admin/sign-ins?userId=&failed=&before= (newest first). */
export interface SignInsResponse {
  readonly signIns: readonly SignInView[];
  /** Pass as `before` for older ones; null when there are none. */
  readonly nextBefore: string | null;
}

/** SMTP settings as the API shows them (the password never, only whether one is set). */
export interface SmtpSettingsView {
  readonly host: string;
  readonly port: number;
  readonly security: 'starttls' | 'tls' | 'none';
  readonly user: string | null;
  readonly passwordSet: boolean;
  readonly from: string;
  readonly fromName: string | null;
  readonly verifyCertificate: boolean;
}

/** GET/PUT /api/admin/mail: null while no SMTP server is set (mail is then not sent). */
export interface MailSettingsResponse {
  readonly smtp: SmtpSettingsView | null;
  readonly updatedAt: string | null;
}

/** POST /api/admin/mail/test {to} */
export interface MailTestResponse {
  readonly ok: true;
  readonly messageId: string | null;
}

/** What became of an invitation's e-mail; `link` is given when the owner must pass it on. */
export interface InvitationDelivery {
  readonly sent: boolean;
  /** The single-use link, when no e-mail left (no SMTP set, or the server refused). */
  readonly link: string | null;
  readonly linkExpiresAt: string;
  /** Why the e-mail was not sent, when it failed. */
  readonly error: {
    readonly code: string;
    readonly message: { readonly en: string; readonly fr: string };
  } | null;
}

/** POST /api/invitation-links/lookup {token}: what an invitation link stands for. */
export interface InvitationLinkResponse {
  readonly status: 'valid' | 'used' | 'expired' | 'revoked' | 'unknown';
  readonly email: string | null;
  readonly workspace: { readonly id: string; readonly name: string } | null;
  readonly role: Role | null;
  readonly invitedBy: string | null;
  readonly expiresAt: string | null;
  /** True when an account uses the invited address (then: sign in and accept). */
  readonly accountExists: boolean;
}

/** POST /api/invitation-links/register and /accept: the workspace joined (and, registering, the new session). */
export interface InvitationLinkAcceptResponse {
  readonly workspace: WorkspaceView;
  readonly user: UserView;
  readonly csrfToken: string | null;
}

/** POST /api/auth/login {email, password} and GET /api/auth/me. */
export interface SessionResponse {
  readonly user: UserView;
  readonly csrfToken: string;
}

/** POST /api/auth/logout-everywhere */
export interface LogoutEverywhereResponse extends OkResponse {
  readonly sessionsRemoved: number;
}

/** POST /api/auth/password {currentPassword, newPassword} */
export interface PasswordChangeResponse extends OkResponse {
  readonly otherSessionsRemoved: number;
}

/** POST /api/admin/users/:userId/password: the one-time password, shown once. */
export interface PasswordResetResponse {
  readonly password: string;
  readonly sessionsRemoved: number;
}

/** GET /api/admin/users */
export interface UsersResponse {
  readonly users: readonly AdminUserView[];
}

/** POST /api/admin/users → 201 */
export interface UserResponse {
  readonly user: UserView;
}

export interface WorkspaceView {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly createdAt: string;
  readonly role: Role;
}

/** GET /api/workspaces */
export interface WorkspacesResponse {
  readonly workspaces: readonly WorkspaceView[];
}

/** POST /api/workspaces → 201; POST /api/invitations/:id/accept. */
export interface WorkspaceResponse {
  readonly workspace: WorkspaceView;
}

/**
 * GET /api/workspaces/:workspaceId: the workspace, the caller's role and what that role may do
 * there (the UI shows actions from `permissions`, never from the role).
 */
export interface WorkspaceDetailResponse {
  readonly workspace: WorkspaceView & { readonly permissions: readonly Permission[] };
}

export interface MemberView {
  readonly userId: string;
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
}

/** GET /api/workspaces/:workspaceId/members */
export interface MembersResponse {
  readonly members: readonly MemberView[];
}

/** PATCH /api/workspaces/:workspaceId/members/:userId {role} */
export interface MemberRoleResponse {
  readonly member: { readonly userId: string; readonly role: Role };
}

/**
 * A pending invitation as the workspace's owners see it: POST /invitations {email, role} → 202
 * `{ invitation }` (the same answer whether an account uses the address or not), GET
 * /invitations → `{ invitations }`, DELETE /invitations/:invitationId revokes.
 */
export interface InvitationView {
  readonly id: string;
  readonly email: string;
  readonly role: Role;
  readonly invitedBy: string | null;
  readonly createdAt: string;
  readonly expiresAt: string;
}

/**
 * An invitation as its invitee sees it: GET /api/invitations → `{ invitations }`; POST
 * /api/invitations/:id/accept → `{ workspace }`; POST /api/invitations/:id/decline.
 */
export interface ReceivedInvitationView {
  readonly id: string;
  readonly workspace: { readonly id: string; readonly name: string };
  readonly role: Role;
  readonly invitedBy: string | null;
  readonly createdAt: string;
  readonly expiresAt: string;
}

/** POST /api/workspaces/:workspaceId/invitations → 202 */
export interface InvitationResponse {
  readonly invitation: InvitationView;
  /** What became of the e-mail carrying the link (absent on older servers). */
  readonly delivery?: InvitationDelivery;
}

/** GET /api/workspaces/:workspaceId/invitations */
export interface InvitationsResponse {
  readonly invitations: readonly InvitationView[];
}

/** GET /api/invitations */
export interface ReceivedInvitationsResponse {
  readonly invitations: readonly ReceivedInvitationView[];
}

export interface VersionView {
  readonly number: number;
  readonly message: string;
  readonly author: { readonly id: string; readonly displayName: string } | null;
  readonly created: string;
}

/** GET /api/workspaces/:workspaceId/versions (newest first). */
export interface VersionsResponse {
  readonly versions: readonly VersionView[];
}

export interface DiagnosticView {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly severity: 'error' | 'warning' | 'info';
  readonly code: string;
  readonly message: string;
  /** Where in the model, e.g. `assets[srv-erp].services[0].port` (absent for file problems). */
  readonly path?: string;
}

export interface ModelCounts {
  readonly sites: number;
  readonly zones: number;
  readonly assets: number;
  readonly data: number;
  readonly flows: number;
  readonly identities: number;
  readonly processes: number;
  readonly backups: number;
  readonly measures: number;
  readonly decisions: number;
}

export interface ValidationSummary {
  readonly valid: boolean;
  readonly errors: number;
  readonly warnings: number;
  readonly diagnostics: readonly DiagnosticView[];
  readonly counts: ModelCounts;
}

/** GET /versions/:number */
export interface VersionResponse {
  readonly version: VersionView & { readonly files: Readonly<Record<string, string>> };
  readonly validation: ValidationSummary;
}

/**
 * POST /versions {expectedLatest, files, message} → 201 SaveResponse; 422 `invalid_model`
 * (details: {errors, diagnostics}); 409 `conflict` (details: {expectedLatest, actualLatest}).
 * Every write route below that creates a version answers the same way.
 */
export interface SaveResponse {
  readonly version: VersionView;
  readonly validation: ValidationSummary;
}

/** POST /import → 201: a save, and the archive's entries that were not model files. */
export interface ImportResponse extends SaveResponse {
  readonly ignored: readonly {
    readonly name: string;
    readonly reason: 'not_yaml' | 'invalid_name' | 'system_file';
  }[];
}

/** GET /api/templates: the models a new workspace may start from. */
export interface TemplatesResponse {
  readonly templates: readonly TemplateView[];
}

export interface TemplateView {
  readonly id: string;
  /** In the request's language. */
  readonly name: string;
  readonly description: string;
  /** `demo`, `blank` or `sector`. */
  readonly category: 'demo' | 'blank' | 'sector';
  readonly counts: ModelCounts;
}

/** A table read from an uploaded inventory file (the mapping step shows its first rows). */
export interface InventoryTableView {
  /** `0` for the first file (CSV), `0:1` for the second sheet of the first file (XLSX). */
  readonly key: string;
  readonly file: string;
  readonly sheet?: string;
  readonly rowCount: number;
  readonly sample: readonly (readonly string[])[];
}

/** Which table holds assets and which flows, and their columns (0-based indexes). */
export interface InventoryChoiceView {
  readonly assets?: {
    readonly table: string;
    readonly headerRow: number;
    readonly columns: Readonly<Partial<Record<string, number>>>;
  };
  readonly flows?:
    | { readonly table: string; readonly layout: 'matrix'; readonly headerRow: number }
    | {
        readonly table: string;
        readonly layout: 'list';
        readonly headerRow: number;
        readonly columns: Readonly<Partial<Record<string, number>>>;
      };
}

/**
 * POST onboarding/inventory/preview and onboarding/wizard/preview: the model files that would be
 * saved, the problems of the conversion (located in the source: file, row, column; or the
 * wizard's answer path) and the validation of the files; nothing is stored.
 */
export interface OnboardingPreviewResponse {
  readonly files: Readonly<Record<string, string>>;
  readonly diagnostics: readonly DiagnosticView[];
  readonly validation: ValidationSummary;
  /** Inventory only: the tables read and the mapping used. */
  readonly tables?: readonly InventoryTableView[];
  readonly choice?: InventoryChoiceView;
  /** Inventory only: the asset and flow fields a column may be mapped to. */
  readonly fields?: { readonly assets: readonly string[]; readonly flows: readonly string[] };
}

/** POST onboarding/template, inventory/commit, wizard/commit → 201: the first version saved. */
export interface OnboardingCommitResponse extends SaveResponse {
  readonly diagnostics: readonly DiagnosticView[];
}

/** GET /versions/:a/diff/:b */
export interface DiffResponse {
  readonly from: number;
  readonly to: number;
  /** The entities added, removed and changed (with their changed fields), as written. */
  readonly entities: readonly EntityChangeView[];
  /** Files that do not parse in either version: their entities are not compared. */
  readonly unreadable: { readonly before: readonly string[]; readonly after: readonly string[] };
  readonly files: readonly {
    readonly file: string;
    readonly status: 'added' | 'removed' | 'changed';
    readonly computed: boolean;
    readonly unified: string;
  }[];
}

/** One entity added, removed or changed between two versions (GET …/diff/:b). */
export interface EntityChangeView {
  readonly kind: EntityKind | 'organisation';
  readonly id: string;
  readonly name?: string;
  readonly status: 'added' | 'removed' | 'changed';
  /** Changed fields: path inside the entity (`os.version`, `rights[r1].on`), old and new value. */
  readonly fields: readonly {
    readonly path: string;
    readonly before?: unknown;
    readonly after?: unknown;
  }[];
}

/** GET /versions/:a/diff/:b/findings?lang=: findings opened and closed from `a` to `b`. */
export interface FindingsDiffResponse {
  readonly from: number;
  readonly to: number;
  /** Open in `to`, not open in `from` (new, or its decision lapsed or was removed). */
  readonly opened: readonly FindingView[];
  /** Open in `from`, and in `to` gone (`fixed`) or closed by a decision (`decided`). */
  readonly closed: readonly (FindingView & { readonly closedBy: 'fixed' | 'decided' })[];
}

// ---- analysis (per version, cached) ------------------------------------------------------------

export type SeverityCounts = Readonly<Record<Severity, number>>;

/** What is stored per version and language: the dashboard's trend point. */
export interface AnalysisSummary {
  readonly version: number;
  readonly created: string;
  /** Open findings (decisions applied) by severity. */
  readonly open: SeverityCounts;
  /** Findings closed by a decision (accepted, mitigated, false positive). */
  readonly decided: number;
  readonly total: number;
  /**
   * Root causes (findings sharing one entity count once): all of them, and the open ones by
   * severity. Absent from summaries stored before root causes existed.
   */
  readonly rootCauses?: { readonly total: number; readonly open: SeverityCounts };
  /** ANSSI hygiene baseline: measures implemented / applicable, as a percentage (0–100). */
  readonly hygieneScore: number;
  readonly attackPaths: number;
  readonly counts: ModelCounts;
  /**
   * The language the model names (`organisation.locale`), the default language of its documents
   * and messages; null when it names none. Absent from summaries stored before it was recorded.
   */
  readonly modelLocale?: Lang | null;
}

export interface DocumentView {
  readonly id: string;
  readonly version: number;
  readonly kind: 'dat' | 'analysis' | 'pra';
  readonly format: 'pdf' | 'docx' | 'html' | 'md';
  readonly lang: Lang;
  readonly status: 'queued' | 'running' | 'done' | 'failed';
  /** 0–1 while running. */
  readonly progress: number | null;
  readonly fileName: string | null;
  readonly size: number | null;
  readonly error: string | null;
  readonly createdBy: string | null;
  readonly created: string;
  readonly finished: string | null;
}

/** GET /api/workspaces/:workspaceId/dashboard?lang= (latest version). */
export interface DashboardResponse {
  readonly workspace: WorkspaceView;
  /** null when the workspace has no version yet. */
  readonly latest: AnalysisSummary | null;
  /** Oldest first, at most the 20 latest versions. */
  readonly trend: readonly AnalysisSummary[];
  /** The 5 most likely attack paths of the latest version. */
  readonly topPaths: readonly AttackPathView[];
  readonly hygiene: readonly HygieneChapterView[];
  readonly validation: { readonly errors: number; readonly warnings: number };
  /**
   * The latest version's disaster recovery plan at a glance: processes whose RTO the recovery
   * schedule misses, saved scenarios a change broke. null without a version or with an invalid
   * model.
   */
  readonly continuity: DashboardContinuityView | null;
  /** The 10 latest documents. */
  readonly documents: readonly DocumentView[];
}

export interface HygieneChapterView {
  readonly chapter: string;
  readonly title: string;
  readonly implemented: number;
  readonly applicable: number;
  readonly score: number;
}

export interface DecisionView {
  readonly id: string;
  readonly status: DecisionStatus;
  readonly justification: string;
  readonly owner: string | null;
  readonly date: string | null;
  readonly reviewDate: string | null;
  /** Review date passed: the finding is open again. */
  readonly expired: boolean;
}

export interface ReferenceView {
  /** e.g. `ANSSI hygiene 19`, `ISO 27002 8.22`, `CWE-319`, `T1021.001`. */
  readonly label: string;
  readonly url: string | null;
}

export interface EntityRef {
  readonly kind: EntityKind;
  readonly id: string;
  readonly name: string;
}

/** The root cause a finding is one facet of: the findings that share it are one weakness. */
export interface RootCauseRef {
  /** `rc@<entity id>`, stable across versions. */
  readonly id: string;
  /** The entity the facets share (a flow, an identity, an asset…). */
  readonly subject: EntityRef;
}

export interface FindingView {
  readonly id: string;
  readonly ruleId: string;
  readonly family: string;
  readonly severity: Severity;
  readonly likelihood: number;
  readonly impact: number;
  readonly title: string;
  readonly status: FindingStatus;
  /** The subject first, then the other entities involved (unknown ids have kind `organisation`). */
  readonly subjects: readonly EntityRef[];
  /** The zone of the first subject that sits in one (an asset's, a flow's source…); null if none. */
  readonly zone: EntityRef | null;
  /** The site of that subject (declared, or its zone's); null if none. */
  readonly site: EntityRef | null;
  readonly decision: DecisionView | null;
  readonly rootCause: RootCauseRef;
}

/** GET /versions/:number/findings?lang=&severity=&status=&family=&subject=&zone=&site=&q= */
export interface FindingsResponse {
  readonly version: number;
  /** Most severe first. */
  readonly findings: readonly FindingView[];
  /** Counts over the unfiltered list, for the filter controls (`zone`, `site` by id). */
  readonly facets: {
    readonly severity: Readonly<Record<string, number>>;
    readonly status: Readonly<Record<string, number>>;
    readonly family: Readonly<Record<string, number>>;
    readonly zone: Readonly<Record<string, number>>;
    readonly site: Readonly<Record<string, number>>;
  };
  /** The zones and sites the unfiltered findings are in (for the filter controls), by name. */
  readonly places: {
    readonly zones: readonly EntityRef[];
    readonly sites: readonly EntityRef[];
  };
  readonly total: number;
  /** Root causes of the unfiltered list: all of them, and those with an open finding. */
  readonly rootCauses: { readonly total: number; readonly open: number };
}

/** GET /versions/:number/findings/:findingId?lang= */
export interface FindingDetailResponse {
  readonly finding: FindingView & {
    readonly detail: string;
    readonly remediation: string;
    readonly rationale: string;
    readonly falsePositives: string;
    readonly references: readonly ReferenceView[];
  };
  /** The other findings (facets) of the same root cause, most severe first. */
  readonly sameRootCause: readonly Pick<FindingView, 'id' | 'title' | 'severity' | 'status'>[];
}

export interface AttackStepView {
  /** Node reached by the step (asset id, or `source:...`). */
  readonly to: EntityRef | null;
  readonly technique: string | null;
  readonly explanation: string;
  readonly probability: number;
}

export interface AttackPathView {
  /** `<targetId>.<rank>`: URL-safe, unique in a version (ranks are numbered per target). */
  readonly id: string;
  readonly source: { readonly id: string; readonly name: string };
  readonly target: EntityRef;
  readonly rank: number;
  readonly score: number;
  readonly steps: readonly AttackStepView[];
}

export interface ChokePointView {
  readonly id: string;
  readonly kind: string;
  readonly entity: EntityRef | null;
  readonly action: string;
  readonly explanation: string;
  readonly targets: readonly string[];
  /** What the action costs: `configuration`, `control`, `architecture` or `business-flow`. */
  readonly cost: string;
  readonly pathsCut: number;
  readonly overall: boolean;
}

/** The paths reaching one target: how many, and the likelihood of the most likely. */
export interface AttackPathGroupView {
  readonly target: EntityRef;
  readonly count: number;
  readonly best: number;
}

/** A page of target groups (most likely first); present when `offset` or `limit` is asked. */
export interface AttackPathsPage {
  readonly offset: number;
  readonly limit: number;
  readonly totalGroups: number;
  readonly totalPaths: number;
  /** The groups of this page; `paths` holds only their paths. */
  readonly groups: readonly AttackPathGroupView[];
}

/** GET /versions/:number/attack-paths?lang=&target=&offset=&limit= */
export interface AttackPathsResponse {
  readonly version: number;
  readonly paths: readonly AttackPathView[];
  readonly chokePoints: readonly ChokePointView[];
  readonly targets: readonly EntityRef[];
  readonly page?: AttackPathsPage;
}

/** GET /versions/:number/attack-paths/:pathId/diagram?lang= → the path drawn. */
export interface DiagramResponse {
  /** SVG produced by the diagram engine (text escaped; elements carry data-kind / data-id). */
  readonly svg: string;
  readonly width: number;
  readonly height: number;
}

/** GET /versions/:number/diagram?view=zones|site:<id>|zone:<id>&lang= */
export interface ArchitectureDiagramResponse extends DiagramResponse {
  readonly view: string;
  /** Views the user can switch to. */
  readonly views: readonly { readonly view: string; readonly label: string }[];
}

// ---- model explorer ----------------------------------------------------------------------------

export const ENTITY_KINDS = [
  'sites',
  'zones',
  'assets',
  'data',
  'flows',
  'identities',
  'processes',
  'backups',
  'measures',
  'decisions',
] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number] | 'organisation';

/** A table column; `key` is also the UI's translation key suffix (`column.<key>`). */
export interface ColumnView {
  readonly key: string;
  readonly type: 'text' | 'number' | 'ref' | 'refs' | 'severity' | 'level' | 'bool' | 'date';
}

export type CellValue =
  string | number | boolean | null | EntityRef | readonly EntityRef[] | readonly string[];

export interface EntityRow {
  readonly id: string;
  readonly name: string;
  readonly cells: Readonly<Record<string, CellValue>>;
  /** Worst open finding on this entity. */
  readonly worst: Severity | null;
}

/** GET /versions/:number/entities/:kind?q=&zone=&site=&sort=&dir=asc|desc */
export interface EntityListResponse {
  readonly version: number;
  readonly kind: EntityKind;
  readonly columns: readonly ColumnView[];
  readonly rows: readonly EntityRow[];
  readonly total: number;
}

export interface RelationView {
  /** Translation key suffix (`relation.<role>`): `zone`, `site`, `flowsOut`, `flowsIn`, `data`, `hostedOn`, `hosts`, `processes`, `backups`, `identities`, `admins`… */
  readonly role: string;
  readonly items: readonly EntityRef[];
}

/** GET /versions/:number/entities/:kind/:id?lang= */
export interface EntityDetailResponse {
  readonly version: number;
  readonly kind: EntityKind;
  readonly id: string;
  readonly name: string;
  /** The entity as written in the model (YAML mapping as JSON). */
  readonly fields: Readonly<Record<string, unknown>>;
  /** Where it is declared. */
  readonly file: string;
  readonly line: number;
  readonly relations: readonly RelationView[];
  readonly findings: readonly FindingView[];
  /** Propagated DICP needs (assets), 1–4 or null. */
  readonly needs: Readonly<Record<'D' | 'I' | 'C' | 'P', number | null>> | null;
}

// ---- editing (each creates a new version; 422 / 409 as POST /versions) -------------------------

/**
 * PUT /api/workspaces/:workspaceId/entities/:kind/:id
 * {expectedLatest, fields, message?}: sets the given fields (null removes one) in the file that
 * declares the entity, keeping comments and layout; `id` in fields renames nothing (400).
 * POST /api/workspaces/:workspaceId/entities/:kind {expectedLatest, file?, fields, message?}
 * creates one (fields must include `id`).
 */
export interface EntityEditRequest {
  readonly expectedLatest: number;
  readonly fields: Readonly<Record<string, unknown>>;
  readonly message?: string;
  /** Creation only: the file to append to (default: the file holding most entities of the kind). */
  readonly file?: string;
}

/**
 * POST /api/workspaces/:workspaceId/decisions: records (or replaces) the risk decision on a
 * finding in the model's decisions file.
 */
export interface DecisionRequest {
  readonly expectedLatest: number;
  readonly finding: string;
  readonly status: DecisionStatus;
  readonly justification: string;
  /** ISO date; required for `accepted`. */
  readonly reviewDate?: string;
  /** Identity id of the risk owner. */
  readonly owner?: string;
  readonly message?: string;
}

// ---- import / export / documents / audit ------------------------------------------------------

/*
 * GET  /api/workspaces/:workspaceId/versions/:number/export.zip → application/zip of the files.
 * POST /api/workspaces/:workspaceId/import?expectedLatest=N&message=… with an application/zip
 *      body (≤ 16 MB compressed, ≤ 64 MB uncompressed, ≤ 200 entries; no absolute paths, `..`,
 *      links) → SaveResponse.
 * POST /api/workspaces/:workspaceId/documents {version, kind, format, lang} → 202 {document}.
 * GET  /api/workspaces/:workspaceId/documents → {documents: DocumentView[]} (newest first).
 * GET  /api/workspaces/:workspaceId/documents/:documentId → {document}.
 * GET  /api/workspaces/:workspaceId/documents/:documentId/download → the file (attachment).
 * GET  /api/workspaces/:workspaceId/audit/export?format=csv|json → the whole audit log.
 */
export interface DocumentRequest {
  readonly version: number;
  readonly kind: 'dat' | 'analysis' | 'pra';
  readonly format: 'pdf' | 'docx' | 'html' | 'md';
  /** Absent: the model's language (`organisation.locale`), else the requester's, else English. */
  readonly lang?: Lang;
}

/** GET /documents/language?version=N: the language a document of that version defaults to. */
export interface DocumentLanguageResponse {
  readonly version: number;
  /** What a request without `lang` gets. */
  readonly lang: Lang;
  /** The language the model names (`organisation.locale`), null when it names none. */
  readonly modelLocale: Lang | null;
}

/** POST /documents → 202 and GET /documents/:documentId. */
export interface DocumentResponse {
  readonly document: DocumentView;
}

/** GET /documents (newest first). */
export interface DocumentsResponse {
  readonly documents: readonly DocumentView[];
}

export interface AuditEntryView {
  readonly id: number;
  readonly at: string;
  readonly userId: string | null;
  readonly action: RecordedAuditAction;
  readonly entityKind: string;
  readonly entityId: string | null;
  readonly before: unknown;
  readonly after: unknown;
}

/**
 * GET /api/workspaces/:workspaceId/audit and GET /api/admin/audit (platform entries), newest
 * first: ?limit=&before=&who=<user id>&action=<action or family>&entityKind=&entityId=&from=&to=
 */
export interface AuditListResponse {
  readonly entries: readonly AuditEntryView[];
  /** Names of the accounts the entries refer to (authors), by id. */
  readonly users?: Readonly<
    Record<string, { readonly email: string; readonly displayName: string }>
  >;
  /** Pass as `before` to get the next (older) page; null when there is none. */
  readonly nextCursor: number | null;
}

// ---- work on findings (assignee, due date, comments; kept across versions) --------------------

/** A finding's assignee (a member) and due date; `comments` counts its comments. */
export interface FindingWorkView {
  readonly findingId: string;
  readonly assignee: { readonly id: string; readonly displayName: string } | null;
  /** ISO date (YYYY-MM-DD). */
  readonly dueDate: string | null;
  readonly comments: number;
}

/** GET /api/workspaces/:workspaceId/findings-work: every finding with some work. */
export interface FindingWorkListResponse {
  readonly work: readonly FindingWorkView[];
}

export interface FindingCommentView {
  readonly id: string;
  readonly findingId: string;
  /** null once the author's account is gone. */
  readonly author: { readonly id: string; readonly displayName: string } | null;
  readonly body: string;
  readonly created: string;
  /** The caller wrote it (and may delete it). */
  readonly mine: boolean;
}

/** GET /findings-work/:findingId: the finding's work and its comments, oldest first. */
export interface FindingWorkResponse {
  readonly work: FindingWorkView;
  readonly comments: readonly FindingCommentView[];
}

/** PUT /findings-work/:findingId: a field left out is kept, null clears it. */
export interface FindingWorkRequest {
  readonly assigneeId?: string | null;
  readonly dueDate?: string | null;
}

/** POST /findings-work/bulk: the same change to several findings. */
export interface BulkFindingWorkRequest extends FindingWorkRequest {
  readonly findingIds: readonly string[];
}

export interface BulkFindingWorkResponse {
  /** Findings whose assignee or due date changed. */
  readonly changed: number;
  readonly work: readonly FindingWorkView[];
}

/** POST /findings-work/:findingId/comments {body} → 201. */
export interface FindingCommentResponse {
  readonly comment: FindingCommentView;
}

/** POST /api/workspaces/:workspaceId/decisions/bulk: one decision on several findings, one version. */
export interface BulkDecisionRequest {
  readonly expectedLatest: number;
  readonly findings: readonly string[];
  readonly status: DecisionStatus;
  readonly justification: string;
  readonly reviewDate?: string;
  readonly owner?: string;
  readonly message?: string;
}

// ---- disaster recovery plan (issue 14: BIA, backups, schedule, scenarios, exercises) ---------
//
// The continuity engines (src/continuity) answer these shapes as they are: durations in minutes,
// texts in both languages (`{ en, fr }`, the UI picks one). The server checks at compile time
// that each engine result is assignable to its view here.

/** A text in both languages, as the continuity engines write it. */
export interface LocalizedTextView {
  readonly en: string;
  readonly fr: string;
}

export type ContinuitySeverity = 'critical' | 'high' | 'medium' | 'low' | 'info';

/** A finding of a continuity engine about the listed entities (BIA flag, backup flag, issue). */
export interface ContinuityFlagView {
  readonly code: string;
  readonly severity: ContinuitySeverity;
  readonly subjects: readonly string[];
  readonly message: LocalizedTextView;
}

/** A default an engine used where the model gives no value (shown in every output). */
export interface ContinuityAssumptionView {
  readonly subject: string;
  readonly message: LocalizedTextView;
}

/** A duration in minutes and in words. */
export interface BiaDurationView {
  readonly minutes: number;
  readonly text: LocalizedTextView;
}

export interface BiaProcessView {
  readonly process: string;
  readonly rto?: BiaDurationView;
  readonly rpo?: BiaDurationView;
  readonly mtpd?: BiaDurationView;
  readonly mbco?: string;
  /** Availability need used for the impact curve (declared, else assumed 2). */
  readonly availability: number;
  readonly dependsOn: readonly string[];
  /** Processes it depends on, transitively. */
  readonly dependencies: readonly string[];
  /** Impact over time: at `4h`, `1d`, `3d`, `1w`, `1mo`, level 1 (low) to 4 (critical). */
  readonly impact: readonly {
    readonly at: string;
    readonly minutes: number;
    readonly level: number;
    readonly reason: LocalizedTextView;
  }[];
  /** Assets it rests on, transitively, and why (`process-asset`, `hosted-on`, `service`…). */
  readonly assets: readonly {
    readonly asset: string;
    readonly reason: string;
    readonly from?: string;
  }[];
}

/** The most demanding objectives an asset inherits from the processes it supports. */
export interface BiaAssetView {
  readonly asset: string;
  readonly processes: readonly string[];
  readonly rto?: { readonly minutes: number; readonly process: string };
  readonly rpo?: { readonly minutes: number; readonly process: string };
  /** Its own recovery time (declared or assumed for its kind), minutes. */
  readonly recoveryMinutes: number;
}

/** The business impact analysis of a version. */
export interface BiaView {
  readonly processes: readonly BiaProcessView[];
  readonly assets: readonly BiaAssetView[];
  readonly flags: readonly ContinuityFlagView[];
  readonly assumptions: readonly ContinuityAssumptionView[];
}

/** One backup seen from an entity it holds a copy of. */
export interface EntityBackupCopyView {
  readonly backup: string;
  readonly via?: string;
  readonly replica: boolean;
  readonly frequencyMinutes?: number;
  readonly retentionMinutes?: number;
  readonly meetsRpo?: boolean;
  readonly retentionSensible?: boolean;
  readonly offsite: boolean;
  readonly isolated: boolean;
  readonly exposed: boolean;
}

/** An asset or data set against the RPO, its 3-2-1-1-0 grid and ransomware. */
export interface EntityBackupView {
  readonly id: string;
  readonly kind: 'asset' | 'data';
  readonly rpo?: { readonly minutes: number; readonly process: string };
  readonly copies: readonly EntityBackupCopyView[];
  readonly bestFrequencyMinutes?: number;
  readonly rpoMet?: boolean;
  /** 3 copies, 2 media, 1 off-site, 1 offline or immutable, 0 errors at the last restore test. */
  readonly grid: {
    readonly copies: number;
    readonly media: number;
    readonly offsite: boolean;
    readonly isolated: boolean;
    readonly errorFree: boolean;
    readonly encrypted: boolean;
    readonly met: boolean;
  };
  readonly survivesRansomware: boolean;
}

/**
 * Why a backup would be encrypted by a ransomware holding the office zones: `replica`,
 * `same-storage`, `in-user-zone` (asset), `flow` (flow, to), `admin-interface` (asset, from),
 * `domain-joined` (asset), `admin-account` (identity, asset).
 */
export interface ExposureReasonView {
  readonly kind: string;
  readonly asset?: string;
  readonly flow?: string;
  readonly to?: string;
  readonly from?: string;
  readonly identity?: string;
}

/** A backup as a whole: where it is and whether a ransomware reaches it. */
export interface BackupExposureView {
  readonly backup: string;
  readonly method: string;
  readonly isolated: boolean;
  readonly exposed: boolean;
  readonly reasons: readonly ExposureReasonView[];
  /** `ok`, `never`, `failed`, `partial` or `stale`. */
  readonly restoreTest: string;
  readonly restoreTestAgeDays?: number;
  readonly encrypted: boolean;
}

/** The backups assessment of a version. */
export interface BackupAssessmentView {
  readonly entities: readonly EntityBackupView[];
  readonly backups: readonly BackupExposureView[];
  readonly flags: readonly ContinuityFlagView[];
  readonly assumptions: readonly ContinuityAssumptionView[];
}

/** One asset's recovery in the schedule (minutes from the start of the recovery). */
export interface PlannedTaskView {
  readonly asset: string;
  readonly start: number;
  readonly end: number;
  readonly duration: number;
  /** The parallel slot, from 1. */
  readonly team: number;
  /** The declared team owning that slot, when teams are declared and not forced. */
  readonly teamId?: string;
  /** Why it started when it did: after a task it needs, or when a team was free. */
  readonly waitedFor?: { readonly task: string; readonly reason: 'precedence' | 'team' };
}

/** A process against its RTO in the schedule, and the chain of tasks that decides it. */
export interface ProcessRecoveryView {
  readonly process: string;
  readonly rto?: number;
  readonly achievable: number;
  readonly status: 'met' | 'missed' | 'no-rto';
  readonly chain: readonly string[];
}

/**
 * GET …/continuity/schedule?teams=n: the recovery schedule (list scheduling on `teams`
 * parallel teams, critical path), per process the achievable time against its RTO.
 */
export interface RecoveryPlanView {
  readonly teams: number;
  readonly makespan: number;
  readonly tasks: readonly PlannedTaskView[];
  readonly processes: readonly ProcessRecoveryView[];
  readonly criticalPath: readonly string[];
  readonly precedences: readonly {
    readonly before: string;
    readonly after: string;
    readonly reason?: string;
    readonly hard?: boolean;
  }[];
  readonly issues: readonly ContinuityFlagView[];
  readonly assumptions: readonly ContinuityAssumptionView[];
}

/** Scenario kinds: `site-loss:<site>`, `ransomware:<asset>`, `provider:<id>`, `directory`, `supplier:<id>`, `link:<site>`. */
export type ScenarioKindView =
  'site-loss' | 'ransomware' | 'provider' | 'directory' | 'supplier' | 'link';

/**
 * POST …/continuity/simulate: what a disaster scenario destroys, which backups survive, the
 * data-loss window per data set, the processes against RTO and RPO, the recovery schedule of
 * what is lost, what is missing to recover, and the runbook in the schedule's order.
 */
export interface ScenarioResultView {
  /** As given, normalised: `ransomware:ws-01`. */
  readonly scenario: string;
  readonly kind: ScenarioKindView;
  readonly target?: string;
  readonly title: LocalizedTextView;
  /** Set when the scenario cannot run (unknown target…): nothing else is filled then. */
  readonly error?: LocalizedTextView;
  /** Assets lost or unusable, and why: `site`, `encrypted`, `provider`, `directory`, `supplier`, `link`, `dependency` (via). */
  readonly lost: readonly {
    readonly asset: string;
    readonly cause: string;
    readonly via?: string;
  }[];
  readonly backups: readonly {
    readonly backup: string;
    readonly survives: boolean;
    readonly reason: LocalizedTextView;
  }[];
  /** Per data set: minutes of data lost (null: no surviving copy), against its RPO. */
  readonly dataLoss: readonly {
    readonly entity: string;
    readonly windowMinutes: number | null;
    readonly rpo?: number;
    readonly status: 'met' | 'missed' | 'lost';
  }[];
  readonly processes: readonly {
    readonly process: string;
    readonly impacted: boolean;
    readonly rto?: number;
    /** null: cannot be recovered (nothing left to restore it from). */
    readonly achievable: number | null;
    readonly rtoStatus: 'met' | 'missed' | 'no-rto' | 'unrecoverable';
    readonly rpo?: number;
    readonly rpoStatus: 'met' | 'missed' | 'no-rpo' | 'lost';
    readonly chain: readonly string[];
  }[];
  readonly plan: RecoveryPlanView;
  /** What is missing to recover: no surviving backup, no spare hardware, no procedure, no exit plan… */
  readonly missing: readonly {
    readonly code: string;
    readonly severity: string;
    readonly subjects: readonly string[];
    readonly message: LocalizedTextView;
  }[];
  readonly runbook: readonly {
    readonly step: number;
    readonly start: number;
    readonly end: number;
    readonly asset: string;
    readonly team: number;
    readonly teamId?: string;
    readonly action: LocalizedTextView;
    readonly after: readonly string[];
    readonly procedure?: string;
  }[];
  readonly assumptions: readonly ContinuityAssumptionView[];
}

/** A scenario result in a few numbers (saved scenarios, the dashboard). */
export interface ScenarioSummaryView {
  /** Processes the scenario interrupts. */
  readonly impacted: number;
  /** Impacted processes whose RTO is missed or that cannot be recovered. */
  readonly missedRto: number;
  /** Impacted processes whose RPO is missed or whose data is lost. */
  readonly missedRpo: number;
  /** Backups the scenario destroys or encrypts. */
  readonly lostBackups: number;
  /** `broken`: an RTO is missed; `error`: the scenario cannot run (its target is gone…). */
  readonly status: 'ok' | 'broken' | 'error';
}

/** A scenario saved in the model (`organisation.continuity.scenarios`), re-run on the version. */
export interface SavedScenarioView {
  readonly id: string;
  readonly name?: string;
  readonly scenario: string;
  readonly summary: ScenarioSummaryView;
  /** Why it cannot run, when `summary.status` is `error`. */
  readonly error?: LocalizedTextView;
}

/**
 * GET /api/workspaces/:workspaceId/versions/:number/continuity?teams=n&today=YYYY-MM-DD: the
 * disaster recovery plan of a version — business impact analysis, backups assessment (restore
 * tests aged against `today`), recovery schedule on `teams` parallel teams (default: the
 * declared teams) and the saved scenarios re-run.
 */
export interface ContinuityResponse {
  readonly version: number;
  /** The date the backups and scenarios were assessed against. */
  readonly today: string;
  readonly bia: BiaView;
  readonly backups: BackupAssessmentView;
  readonly schedule: RecoveryPlanView;
  readonly scenarios: readonly SavedScenarioView[];
}

/** POST …/continuity/simulate {scenario, teams?}: the scenario to run. */
export interface ScenarioRequest {
  /** `site-loss:<site>`, `ransomware:<asset>`, `provider:<id>`, `directory`, `supplier:<id>`, `link:<site>`. */
  readonly scenario: string;
  /** Parallel recovery teams (1–100; default: the declared teams). */
  readonly teams?: number;
}

/** The dashboard's continuity part: what the latest version's recovery misses. */
export interface DashboardContinuityView {
  /** Processes whose RTO the recovery schedule (declared teams) misses. */
  readonly missedRto: readonly {
    readonly process: string;
    readonly rto: number;
    readonly achievable: number;
  }[];
  /** Saved scenarios, and those an RTO breach or an error breaks. */
  readonly scenarios: number;
  readonly brokenScenarios: readonly (SavedScenarioView & {
    readonly summary: { readonly status: 'broken' | 'error' };
  })[];
}

/** A continuity exercise as recorded (`organisation.continuity.exercises`). */
export interface ExerciseView {
  /** ISO date (YYYY-MM-DD). */
  readonly date: string;
  readonly kind: 'restore-test' | 'tabletop' | 'failover' | 'full-scale';
  readonly scenario: string;
  /** Time measured to recover each process (a duration: `4h`, `90min`, `2d`). */
  readonly measured?: readonly { readonly process: string; readonly time: string }[];
  readonly problems?: readonly string[];
}

/**
 * POST /api/workspaces/:workspaceId/continuity/exercises → 201 SaveResponse: records the
 * exercise in the model as a new version (409 when `baseVersion` is not the latest).
 */
export interface ExerciseRequest {
  readonly baseVersion: number;
  readonly exercise: ExerciseView;
  readonly message?: string;
}

// ---- security audit campaigns (issue 15, CP5) --------------------------------------------------

/** A campaign's status: queued → running → done | failed, or cancelled by a member. */
export type AuditCampaignStatusView = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

/** Findings of a campaign by severity (CVSS v3.1 ratings, `info` included). */
export type AuditSeverityCounts = Readonly<Record<AuditSeverity, number>>;

/** One audit campaign of a workspace (its results file is read apart). */
export interface AuditCampaignView {
  readonly id: string;
  readonly name: string;
  /** The model version its scope was resolved against. */
  readonly version: number;
  readonly vantage: string | null;
  readonly status: AuditCampaignStatusView;
  /** Live while running (`phase` scan|identify|probe|judge|done), the last one after. */
  readonly progress: {
    readonly phase: string;
    readonly done: number;
    readonly total: number;
    readonly message: LocalizedTextView;
  } | null;
  /** Null until done. */
  readonly counts: AuditSeverityCounts | null;
  readonly error: string | null;
  readonly createdBy: string | null;
  readonly created: string;
  readonly started: string | null;
  readonly finished: string | null;
}

/**
 * POST /api/workspaces/:workspaceId/audit-campaigns → 202 AuditCampaignResponse. 400
 * `invalid_scope` with `details.diagnostics` (file scope.yaml, line, column) when the scope has
 * errors; 413 `payload_too_large` beyond 256 KiB of scope.
 */
export interface AuditCampaignRequest {
  readonly name: string;
  /** The scope file's YAML text. */
  readonly scope: string;
  /** Model version number (default: the latest). */
  readonly version?: number;
  /** Zone of the model the scan runs from (default: the scope's `vantage`). */
  readonly vantage?: string;
  readonly limits?: {
    readonly concurrency?: number;
    readonly ratePerSecond?: number;
    readonly timeoutMs?: number;
    readonly maxBytes?: number;
  };
}

export interface AuditCampaignResponse {
  readonly campaign: AuditCampaignView;
  /** Warnings of the scope file (creation only). */
  readonly warnings?: readonly DiagnosticView[];
}

export interface AuditCampaignsResponse {
  readonly campaigns: readonly AuditCampaignView[];
}

/** GET …/audit-campaigns/:campaignId/findings?severity=&domain=&entity= (done campaigns). */
export interface AuditFindingsResponse {
  readonly campaignId: string;
  /** Findings matching the filters, most severe first. */
  readonly findings: readonly AuditFinding[];
  /** Findings of the campaign before filtering. */
  readonly total: number;
  readonly refused: AuditResults['refused'];
  readonly errors: AuditResults['errors'];
}

/** GET …/audit-campaigns/:campaignId/compare?with=<earlier campaign id>. */
export interface AuditComparisonResponse {
  readonly previous: string;
  readonly current: string;
  readonly added: readonly AuditFinding[];
  readonly fixed: readonly AuditFinding[];
  readonly persisting: readonly AuditFinding[];
}

/** POST …/audit-campaigns/:campaignId/drift/preview { findingId } (nothing is stored). */
export interface AuditDriftPreviewResponse {
  readonly findingId: string;
  /** The latest version the change applies to (send it back as `baseVersion`). */
  readonly baseVersion: number;
  readonly proposal: NonNullable<AuditFinding['proposal']>;
  /** Per changed file, unified-diff hunks (`platform/models/diff.ts`). */
  readonly changes: readonly {
    readonly file: string;
    readonly status: 'added' | 'removed' | 'changed';
    readonly diff: string;
  }[];
}

/** One item of the workspace's action plan (one per root cause, kept across campaigns). */
export interface AuditPlanItemView {
  /** `action:<check id>`. */
  readonly id: string;
  readonly check: string;
  readonly title: LocalizedTextView;
  readonly remediation: LocalizedTextView;
  readonly severity: AuditSeverity;
  readonly findings: readonly string[];
  readonly entities: readonly string[];
  /** A model identity id, and its name. */
  readonly owner: string | null;
  readonly ownerName: string | null;
  readonly due: string | null;
  readonly status: 'open' | 'in-progress' | 'done' | 'accepted';
  /** Due before today (platform clock) and neither done nor accepted. */
  readonly overdue: boolean;
  readonly note: string;
  readonly campaignId: string | null;
  readonly updated: string;
}

export interface AuditPlanResponse {
  /** The platform's date the overdue flags are computed against. */
  readonly today: string;
  readonly items: readonly AuditPlanItemView[];
}

/** PATCH …/audit-plan/:check — fields left out are kept; `owner`/`due` null clear them. */
export interface AuditPlanItemPatch {
  readonly owner?: string | null;
  readonly due?: string | null;
  readonly status?: 'open' | 'in-progress' | 'done' | 'accepted';
  readonly note?: string;
}

export interface AuditPlanItemResponse {
  readonly item: AuditPlanItemView;
}
