/**
 * Inventory import in three steps: the files (CSV or XLSX), the columns (which table holds the
 * assets and which the flows, and which column is which field: detected by the server, changed
 * here), then the preview (what will be created, every problem at its row and column) and the
 * creation of the version.
 */
import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import type {
  DiagnosticView,
  InventoryChoiceView,
  InventoryTableView,
  OnboardingCommitResponse,
  OnboardingPreviewResponse,
} from '../../../../src/platform/api/types';
import { ErrorMessage } from '../../components/Status';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { api, wsPath } from '../../lib/api';
import { useWorkspace } from '../../lib/workspace';
import { base64Of, DiagnosticList, diagnosticsOf } from './Diagnostics';
import { useCreated } from './OnboardingPage';
import { chooseAssetsTable, chooseFlowsTable } from './inventory-choice';

type Step = 'files' | 'mapping' | 'preview';
const STEPS: readonly Step[] = ['files', 'mapping', 'preview'];

interface Upload {
  readonly name: string;
  readonly content: string;
}

const tableLabel = (table: InventoryTableView): string =>
  table.sheet === undefined ? table.file : `${table.file} › ${table.sheet}`;

function Sample({ table }: { readonly table: InventoryTableView }) {
  const { t } = useI18n();
  const width = Math.max(0, ...table.sample.map((r) => r.length));
  return (
    <figure className="onboarding-sample">
      <figcaption>
        {t('onboarding.inventory.sample', { table: tableLabel(table) })} —{' '}
        {t('onboarding.inventory.rows', { n: table.rowCount })}
      </figcaption>
      <table>
        <tbody>
          {table.sample.map((row, r) => (
            <tr key={r}>
              <th scope="row">{r + 1}</th>
              {Array.from({ length: width }, (_, c) => (
                <td key={c}>{row[c] ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

function ColumnSelect({
  field,
  table,
  headerRow,
  value,
  onChange,
}: {
  readonly field: string;
  readonly table: InventoryTableView;
  readonly headerRow: number;
  readonly value: number | undefined;
  readonly onChange: (value: number | undefined) => void;
}) {
  const { t } = useI18n();
  const header = table.sample[headerRow] ?? [];
  const width = Math.max(header.length, ...table.sample.map((r) => r.length));
  const label = t(`onboarding.field.${field}` as MessageKey);
  return (
    <label>
      {t('onboarding.inventory.column', { field: label })}
      <select
        value={value === undefined ? '' : String(value)}
        onChange={(e) => {
          onChange(e.target.value === '' ? undefined : Number(e.target.value));
        }}
      >
        <option value="">{t('onboarding.inventory.notImported')}</option>
        {Array.from({ length: width }, (_, c) => (
          <option key={c} value={String(c)}>
            {String.fromCharCode(65 + (c % 26))}
            {c >= 26 ? String(Math.floor(c / 26)) : ''} — {header[c] ?? ''}
          </option>
        ))}
      </select>
    </label>
  );
}

export function InventoryImport({ expectedLatest }: { readonly expectedLatest: number | null }) {
  const { t } = useI18n();
  const { workspace } = useWorkspace();
  const created = useCreated();
  const [step, setStep] = useState<Step>('files');
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [selected, setSelected] = useState<File[]>([]);
  const [preview, setPreview] = useState<OnboardingPreviewResponse | null>(null);
  const [choice, setChoice] = useState<InventoryChoiceView>({});
  // the mapping the server detected when the files were read, restored when its table is chosen
  const [detected, setDetected] = useState<InventoryChoiceView>({});
  const [error, setError] = useState<unknown>(null);
  const [located, setLocated] = useState<DiagnosticView[] | null>(null);
  const [busy, setBusy] = useState(false);

  const run = <T,>(request: Promise<T>, then: (value: T) => void) => {
    setBusy(true);
    setError(null);
    setLocated(null);
    request
      .then(then)
      .catch((e: unknown) => {
        setLocated(diagnosticsOf(e));
        setError(e);
      })
      .finally(() => {
        setBusy(false);
      });
  };

  const previewWith = (
    files: readonly Upload[],
    next: InventoryChoiceView | undefined,
    to: Step,
  ) => {
    run(
      api<OnboardingPreviewResponse>(wsPath(workspace.id, '/onboarding/inventory/preview'), {
        method: 'POST',
        body: { files, ...(next === undefined ? {} : { choice: next }) },
      }),
      (result) => {
        setPreview(result);
        setChoice(result.choice ?? {});
        if (next === undefined) setDetected(result.choice ?? {});
        setStep(to);
      },
    );
  };

  const read = (event: SyntheticEvent) => {
    event.preventDefault();
    run(
      Promise.all(
        selected.map(async (file) => ({ name: file.name, content: await base64Of(file) })),
      ),
      (files) => {
        setUploads(files);
        previewWith(files, undefined, 'mapping');
      },
    );
  };

  const commit = () => {
    run(
      api<OnboardingCommitResponse>(wsPath(workspace.id, '/onboarding/inventory/commit'), {
        method: 'POST',
        body: {
          files: uploads,
          choice,
          message: t('onboarding.inventory.message'),
          ...(expectedLatest === null ? {} : { expectedLatest }),
        },
      }),
      () => {
        created('/explore/assets');
      },
    );
  };

  const tables = preview?.tables ?? [];
  const assetTable = tables.find((x) => x.key === choice.assets?.table);
  const flowTable = tables.find((x) => x.key === choice.flows?.table);
  const setAssetColumn = (field: string, value: number | undefined) => {
    if (choice.assets === undefined) return;
    const columns = Object.fromEntries(
      Object.entries(choice.assets.columns).filter(([key]) => key !== field),
    );
    if (value !== undefined) columns[field] = value;
    setChoice({ ...choice, assets: { ...choice.assets, columns } });
  };
  const setFlowColumn = (field: string, value: number | undefined) => {
    if (choice.flows?.layout !== 'list') return;
    const columns = Object.fromEntries(
      Object.entries(choice.flows.columns).filter(([key]) => key !== field),
    );
    if (value !== undefined) columns[field] = value;
    setChoice({ ...choice, flows: { ...choice.flows, columns } });
  };

  return (
    <>
      <ol className="onboarding-steps" aria-label={t('onboarding.choice.inventory')}>
        {STEPS.map((s) => (
          <li key={s} aria-current={s === step ? 'step' : undefined}>
            {t(`onboarding.inventory.step.${s}`)}
          </li>
        ))}
      </ol>
      {error === null ? null : located === null ? <ErrorMessage error={error} /> : null}
      {located === null ? null : <DiagnosticList diagnostics={located} />}

      {step === 'files' ? (
        <form className="card" onSubmit={read}>
          <label htmlFor="inventory-files">{t('onboarding.inventory.filesLabel')}</label>
          <p className="muted" id="inventory-files-help">
            {t('onboarding.inventory.filesHelp')}
          </p>
          <input
            id="inventory-files"
            type="file"
            multiple
            aria-describedby="inventory-files-help"
            accept=".csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => {
              setSelected([...(e.target.files ?? [])]);
            }}
          />
          <div className="onboarding-actions">
            <button type="submit" className="primary" disabled={busy || selected.length === 0}>
              {t('onboarding.inventory.read')}
            </button>
          </div>
        </form>
      ) : null}

      {step === 'mapping' && preview !== null ? (
        <section className="card" aria-labelledby="inventory-mapping-title">
          <h3 id="inventory-mapping-title">{t('onboarding.inventory.step.mapping')}</h3>
          <div className="onboarding-mapping">
            <label>
              {t('onboarding.inventory.assetsTable')}
              <select
                value={choice.assets?.table ?? ''}
                onChange={(e) => {
                  setChoice(chooseAssetsTable(choice, detected, e.target.value));
                }}
              >
                <option value="">{t('onboarding.inventory.noTable')}</option>
                {tables.map((x) => (
                  <option key={x.key} value={x.key}>
                    {tableLabel(x)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('onboarding.inventory.flowsTable')}
              <select
                value={choice.flows?.table ?? ''}
                onChange={(e) => {
                  setChoice(chooseFlowsTable(choice, detected, e.target.value));
                }}
              >
                <option value="">{t('onboarding.inventory.noTable')}</option>
                {tables.map((x) => (
                  <option key={x.key} value={x.key}>
                    {tableLabel(x)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {assetTable === undefined || choice.assets === undefined ? null : (
            <>
              <h4>{t('onboarding.inventory.assetsTable')}</h4>
              <div className="onboarding-mapping">
                <label>
                  {t('onboarding.inventory.headerRow')}
                  <input
                    type="number"
                    min={1}
                    max={assetTable.rowCount}
                    value={choice.assets.headerRow + 1}
                    onChange={(e) => {
                      if (choice.assets === undefined) return;
                      setChoice({
                        ...choice,
                        assets: {
                          ...choice.assets,
                          headerRow: Math.max(0, Number(e.target.value) - 1),
                        },
                      });
                    }}
                  />
                </label>
                {(preview.fields?.assets ?? []).map((field) => (
                  <ColumnSelect
                    key={field}
                    field={field}
                    table={assetTable}
                    headerRow={choice.assets?.headerRow ?? 0}
                    value={choice.assets?.columns[field]}
                    onChange={(v) => {
                      setAssetColumn(field, v);
                    }}
                  />
                ))}
              </div>
              <Sample table={assetTable} />
            </>
          )}
          {flowTable === undefined || choice.flows === undefined ? null : (
            <>
              <h4>{t('onboarding.inventory.flowsTable')}</h4>
              <div className="onboarding-mapping">
                <label>
                  {t('onboarding.inventory.layout')}
                  <select
                    value={choice.flows.layout}
                    onChange={(e) => {
                      if (choice.flows === undefined) return;
                      const { table, headerRow } = choice.flows;
                      setChoice({
                        ...choice,
                        flows:
                          e.target.value === 'list'
                            ? { table, headerRow, layout: 'list', columns: {} }
                            : { table, headerRow, layout: 'matrix' },
                      });
                    }}
                  >
                    <option value="list">{t('onboarding.inventory.layout.list')}</option>
                    <option value="matrix">{t('onboarding.inventory.layout.matrix')}</option>
                  </select>
                </label>
                {choice.flows.layout === 'list'
                  ? (preview.fields?.flows ?? []).map((field) => (
                      <ColumnSelect
                        key={field}
                        field={field}
                        table={flowTable}
                        headerRow={choice.flows?.headerRow ?? 0}
                        value={
                          choice.flows?.layout === 'list' ? choice.flows.columns[field] : undefined
                        }
                        onChange={(v) => {
                          setFlowColumn(field, v);
                        }}
                      />
                    ))
                  : null}
              </div>
              <Sample table={flowTable} />
            </>
          )}
          <div className="onboarding-actions">
            <button
              type="button"
              onClick={() => {
                setStep('files');
              }}
            >
              {t('onboarding.wizard.previous')}
            </button>
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() => {
                previewWith(uploads, choice, 'preview');
              }}
            >
              {t('onboarding.inventory.apply')}
            </button>
          </div>
        </section>
      ) : null}

      {step === 'preview' && preview !== null ? (
        <>
          <section className="card">
            <p role="status">
              {t('onboarding.inventory.result', {
                assets: preview.validation.counts.assets,
                zones: preview.validation.counts.zones,
                sites: preview.validation.counts.sites,
                flows: preview.validation.counts.flows,
              })}
            </p>
            <div className="onboarding-actions">
              <button
                type="button"
                onClick={() => {
                  setStep('mapping');
                }}
              >
                {t('onboarding.wizard.previous')}
              </button>
              <button
                type="button"
                className="primary"
                disabled={busy || preview.validation.errors > 0}
                onClick={commit}
              >
                {t('onboarding.inventory.create')}
              </button>
            </div>
          </section>
          <DiagnosticList diagnostics={preview.diagnostics} validation={preview.validation} />
        </>
      ) : null}
    </>
  );
}
