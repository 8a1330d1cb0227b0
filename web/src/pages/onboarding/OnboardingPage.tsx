/**
 * A new workspace's first model, without YAML: the four ways in (template, inventory import,
 * guided wizard, model files), chosen here and kept in the URL (`?mode=`).
 */
import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import type {
  ImportResponse,
  OnboardingCommitResponse,
  SaveResponse,
  TemplatesResponse,
} from '../../../../src/platform/api/types';
import { ErrorMessage, Loading } from '../../components/Status';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { api, wsPath } from '../../lib/api';
import { useRouter, useSearchState } from '../../lib/router';
import { useApi } from '../../lib/use-api';
import { useWorkspace } from '../../lib/workspace';
import { InventoryImport } from './InventoryImport';
import { Wizard } from './Wizard';
import './onboarding.css';

const MODES = ['template', 'inventory', 'wizard', 'files'] as const;
type Mode = (typeof MODES)[number];

/** After a first version: refresh the workspace and go to `path`. */
export function useCreated(): (path: string) => void {
  const { refresh, href } = useWorkspace();
  const { navigate } = useRouter();
  return (path) => {
    refresh();
    navigate(href(path, false));
  };
}

function TemplatePicker({ expectedLatest }: { readonly expectedLatest: number | null }) {
  const { t } = useI18n();
  const { workspace } = useWorkspace();
  const created = useCreated();
  const list = useApi<TemplatesResponse>('/api/templates');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const use = (id: string) => {
    setBusy(id);
    setError(null);
    api<OnboardingCommitResponse>(wsPath(workspace.id, '/onboarding/template'), {
      method: 'POST',
      body: { template: id, ...(expectedLatest === null ? {} : { expectedLatest }) },
    })
      .then(() => {
        created('');
      })
      .catch((e: unknown) => {
        setError(e);
        setBusy(null);
      });
  };
  if (list.data === null) {
    return list.error === null ? (
      <Loading />
    ) : (
      <ErrorMessage error={list.error} onRetry={list.reload} />
    );
  }
  return (
    <>
      {error === null ? null : <ErrorMessage error={error} />}
      <ul className="cards">
        {list.data.templates.map((template) => (
          <li key={template.id} className="card">
            <h2>{template.name}</h2>
            <p className="muted">
              {t(`onboarding.template.category.${template.category}` as MessageKey)}
            </p>
            <p>{template.description}</p>
            <p className="muted">
              {t('onboarding.template.counts', {
                zones: template.counts.zones,
                assets: template.counts.assets,
                flows: template.counts.flows,
              })}
            </p>
            <button
              type="button"
              className="primary"
              disabled={busy !== null}
              onClick={() => {
                use(template.id);
              }}
            >
              {t('onboarding.template.use', { name: template.name })}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

function FilesImport({ expectedLatest }: { readonly expectedLatest: number | null }) {
  const { t } = useI18n();
  const { workspace } = useWorkspace();
  const created = useCreated();
  const [files, setFiles] = useState<File[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setError(null);
    const zip = files.find((f) => f.name.toLowerCase().endsWith('.zip'));
    const yaml = files.filter((f) => /\.ya?ml$/i.test(f.name));
    if (zip === undefined && yaml.length === 0) {
      setError(new Error(t('onboarding.files.none')));
      return;
    }
    setBusy(true);
    const request =
      zip !== undefined
        ? api<ImportResponse>(
            wsPath(
              workspace.id,
              `/import${expectedLatest === null ? '' : `?expectedLatest=${String(expectedLatest)}`}`,
            ),
            { method: 'POST', raw: { data: zip, contentType: 'application/zip' } },
          )
        : Promise.all(yaml.map(async (f) => [f.name, await f.text()] as const)).then((entries) =>
            api<SaveResponse>(wsPath(workspace.id, '/versions'), {
              method: 'POST',
              body: {
                expectedLatest,
                files: Object.fromEntries(entries),
                message: t('onboarding.files.message'),
              },
            }),
          );
    request
      .then(() => {
        created('');
      })
      .catch((e: unknown) => {
        setError(e);
        setBusy(false);
      });
  };
  return (
    <form className="card" onSubmit={submit}>
      <label htmlFor="onboarding-files">{t('onboarding.files.label')}</label>
      <input
        id="onboarding-files"
        type="file"
        multiple
        accept=".zip,.yaml,.yml,application/zip"
        onChange={(e) => {
          setFiles([...(e.target.files ?? [])]);
        }}
      />
      {error === null ? null : <ErrorMessage error={error} />}
      <div className="onboarding-actions">
        <button type="submit" className="primary" disabled={busy || files.length === 0}>
          {t('onboarding.files.submit')}
        </button>
      </div>
    </form>
  );
}

const CHOICES: readonly { mode: Mode; title: MessageKey; text: MessageKey }[] = [
  { mode: 'template', title: 'onboarding.choice.template', text: 'onboarding.choice.templateText' },
  {
    mode: 'inventory',
    title: 'onboarding.choice.inventory',
    text: 'onboarding.choice.inventoryText',
  },
  { mode: 'wizard', title: 'onboarding.choice.wizard', text: 'onboarding.choice.wizardText' },
  { mode: 'files', title: 'onboarding.choice.files', text: 'onboarding.choice.filesText' },
];

export default function OnboardingPage() {
  const { t } = useI18n();
  const { workspace, canEdit, latest } = useWorkspace();
  const [mode, setMode] = useSearchState<string>('mode', '');
  const current = MODES.find((m) => m === mode);
  const choice = CHOICES.find((c) => c.mode === current);
  return (
    <>
      <h1>{t('onboarding.title', { name: workspace.name })}</h1>
      {!canEdit ? (
        <p>{t('onboarding.readOnly')}</p>
      ) : (
        <>
          {latest === null ? null : <p className="muted">{t('onboarding.notEmpty')}</p>}
          {choice === undefined ? (
            <>
              <p>{t('onboarding.intro')}</p>
              <ul className="onboarding-choices">
                {CHOICES.map((c) => (
                  <li key={c.mode}>
                    <button
                      type="button"
                      onClick={() => {
                        setMode(c.mode, { push: true });
                      }}
                    >
                      <span className="onboarding-choice-title">{t(c.title)}</span>
                      <span>{t(c.text)}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <>
              <p>
                <button
                  type="button"
                  className="link"
                  onClick={() => {
                    setMode('', { push: true });
                  }}
                >
                  {t('onboarding.back')}
                </button>
              </p>
              <h2>{t(choice.title)}</h2>
              {current === 'template' ? <TemplatePicker expectedLatest={latest} /> : null}
              {current === 'inventory' ? <InventoryImport expectedLatest={latest} /> : null}
              {current === 'wizard' ? <Wizard expectedLatest={latest} /> : null}
              {current === 'files' ? <FilesImport expectedLatest={latest} /> : null}
            </>
          )}
        </>
      )}
    </>
  );
}
