/**
 * The new-campaign form: name, scope YAML (pre-filled with the workspace's first model asset
 * mapped to loopback), vantage zone and model version. Scope errors from the API are listed
 * beside the editor with their line and column; each moves the caret there.
 */
import { useEffect, useRef, useState } from 'react';
import type { SyntheticEvent } from 'react';
import { diagnosticsOf } from '../../components/Analysis';
import { ErrorMessage } from '../../components/Status';
import { toast } from '../../components/ui';
import { useI18n } from '../../i18n';
import { ApiFailure, api } from '../../lib/api';
import { useApiMutation } from '../../lib/use-api';
import { useWorkspace } from '../../lib/workspace';
import type { AuditCampaignRequest, AuditCampaignResponse, DiagnosticView } from './api-types';
import { exampleScope, offsetOf, sortDiagnostics } from './audit-logic';
import { campaignsPath, useEntities } from './use-security-audit';

function ScopeErrors({
  diagnostics,
  onGo,
}: {
  readonly diagnostics: readonly DiagnosticView[];
  readonly onGo: (d: DiagnosticView) => void;
}) {
  const { t } = useI18n();
  return (
    <div className="audit-diagnostics" id="audit-scope-errors" role="alert">
      <p>{t('securityAudit.form.scopeErrors', { n: diagnostics.length })}</p>
      <ul>
        {diagnostics.map((d, i) => (
          <li key={`${d.line}:${d.column}:${d.code}:${i}`}>
            <button
              type="button"
              className="link-button"
              onClick={() => {
                onGo(d);
              }}
            >
              {t('securityAudit.form.at', { line: d.line, column: d.column })}
            </button>{' '}
            {d.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function NewCampaignForm() {
  const { t } = useI18n();
  const { workspace, versions, latest } = useWorkspace();
  const [name, setName] = useState('');
  const [version, setVersion] = useState<number | null>(null);
  const [vantage, setVantage] = useState('');
  const [scope, setScope] = useState<string | null>(null);
  const [nameError, setNameError] = useState(false);
  const assets = useEntities('assets', version ?? latest);
  const zones = useEntities('zones', version ?? latest);
  const editor = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (scope === null && assets.length > 0) {
      setScope(
        exampleScope(
          t('securityAudit.form.exampleName'),
          assets.map((a) => a.id),
        ),
      );
    }
  }, [assets, scope, t]);
  const text = scope ?? exampleScope(t('securityAudit.form.exampleName'), []);
  const create = useApiMutation((body: AuditCampaignRequest) =>
    api<AuditCampaignResponse>(campaignsPath(workspace.id), { method: 'POST', body }),
  );
  const failure = create.error;
  const diagnostics =
    failure instanceof ApiFailure && failure.body?.code === 'invalid_scope'
      ? sortDiagnostics(diagnosticsOf(failure.body.details))
      : [];
  const goTo = (d: DiagnosticView) => {
    const area = editor.current;
    if (area === null) return;
    const offset = offsetOf(area.value, d.line, d.column);
    area.focus();
    area.setSelectionRange(offset, offset);
  };
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (name.trim() === '') {
      setNameError(true);
      document.getElementById('audit-name')?.focus();
      return;
    }
    setNameError(false);
    create.mutate(
      {
        name: name.trim(),
        scope: text,
        ...(version === null ? {} : { version }),
        ...(vantage === '' ? {} : { vantage }),
      },
      {
        onSuccess: (response) => {
          toast.success(t('securityAudit.form.started', { name: response.campaign.name }));
          setName('');
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <p className="audit-field">
        <label htmlFor="audit-name">{t('securityAudit.form.name')}</label>
        <input
          id="audit-name"
          value={name}
          required
          aria-invalid={nameError}
          aria-describedby={nameError ? 'audit-name-error' : undefined}
          onChange={(e) => {
            setName(e.target.value);
          }}
        />
        {nameError ? (
          <span id="audit-name-error" className="ui-field-error">
            {t('securityAudit.form.nameRequired')}
          </span>
        ) : null}
      </p>
      <div className="audit-scope-editor">
        <p className="audit-field">
          <label htmlFor="audit-scope">{t('securityAudit.form.scope')}</label>
          <span id="audit-scope-help" className="muted">
            {t('securityAudit.form.scopeHelp')}
          </span>
          <textarea
            id="audit-scope"
            ref={editor}
            value={text}
            spellCheck={false}
            aria-invalid={diagnostics.length > 0}
            aria-describedby={
              diagnostics.length > 0 ? 'audit-scope-help audit-scope-errors' : 'audit-scope-help'
            }
            onChange={(e) => {
              setScope(e.target.value);
            }}
          />
        </p>
        {diagnostics.length > 0 ? <ScopeErrors diagnostics={diagnostics} onGo={goTo} /> : null}
      </div>
      <div className="toolbar">
        <label>
          {t('securityAudit.form.vantage')}
          <select
            value={vantage}
            onChange={(e) => {
              setVantage(e.target.value);
            }}
          >
            <option value="">{t('securityAudit.form.vantageNone')}</option>
            {zones.map((z) => (
              <option key={z.id} value={z.id}>
                {z.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('securityAudit.form.version')}
          <select
            value={version === null ? '' : String(version)}
            onChange={(e) => {
              setVersion(e.target.value === '' ? null : Number(e.target.value));
            }}
          >
            <option value="">
              {t('securityAudit.form.versionLatest', { version: latest ?? '—' })}
            </option>
            {versions.map((v) => (
              <option key={v.number} value={String(v.number)}>
                {v.number}
              </option>
            ))}
          </select>
        </label>
      </div>
      {failure !== null && diagnostics.length === 0 ? <ErrorMessage error={failure} /> : null}
      <button type="submit" className="primary" disabled={create.isPending}>
        {t('securityAudit.form.submit')}
      </button>
    </form>
  );
}
