/**
 * The guided wizard: organisation → sites → zones → main assets → data and processes → flows →
 * review. Each step checks its own answers before moving on (required names, distinct names,
 * addresses, subnets, durations); entries name each other by name through selects (a zone's
 * site, an asset's zone, a flow's ends), never by id. The review shows the server's preview:
 * what will be created and every problem, then creates the version.
 */
import { useState } from 'react';
import type {
  OnboardingCommitResponse,
  OnboardingPreviewResponse,
} from '../../../../src/platform/api/types';
import { ASSET_KINDS } from '../../../../src/domain/model/asset';
import { CLASSIFICATIONS } from '../../../../src/domain/model/data';
import { ENCRYPTIONS, PROTOCOLS } from '../../../../src/domain/model/protocol';
import { SITE_KINDS } from '../../../../src/domain/model/site';
import { ZONE_KINDS } from '../../../../src/domain/model/zone';
import { ErrorMessage } from '../../components/Status';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { api, wsPath } from '../../lib/api';
import { useWorkspace } from '../../lib/workspace';
import { valueLabel } from '../editor/form/labels';
import { DiagnosticList } from './Diagnostics';
import { useCreated } from './OnboardingPage';

const STEPS = ['organisation', 'sites', 'zones', 'assets', 'data', 'flows', 'review'] as const;
type Step = (typeof STEPS)[number];

type Row = Record<string, string>;
type ListName = 'sites' | 'zones' | 'assets' | 'data' | 'processes' | 'flows';

interface Field {
  readonly key: string;
  readonly label: MessageKey;
  readonly type: 'text' | 'number' | 'select' | 'check';
  /** For selects: the values (a fixed vocabulary, or the names of earlier entries). */
  readonly options?: readonly string[];
  readonly required?: boolean;
  /** Multiple values separated by spaces or commas (addresses, subnets, names). */
  readonly multiple?: boolean;
  /** A fixed vocabulary: each option shown with its label in the UI's language. */
  readonly vocabulary?: boolean;
}

const EMPTY: Readonly<Record<ListName, Row>> = {
  sites: { name: '', kind: 'head-office', city: '' },
  zones: { name: '', kind: 'user', site: '', subnets: '' },
  assets: { name: '', kind: 'server', zone: '', addresses: '', os: '', count: '' },
  data: { name: '', classification: 'internal', personal: '', health: '', storedOn: '' },
  processes: { name: '', rto: '', assets: '' },
  flows: { from: '', to: '', protocol: 'https', port: '', encryption: '' },
};

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
const isAddress = (v: string): boolean =>
  IPV4.test(v) || (v.includes(':') && /^[0-9a-fA-F:.]+$/.test(v));
const isSubnet = (v: string): boolean => {
  const [address = '', bits = '', ...rest] = v.split('/');
  if (rest.length > 0 || !/^\d{1,3}$/.test(bits)) return false;
  return IPV4.test(address) ? Number(bits) <= 32 : isAddress(address) && Number(bits) <= 128;
};
const DURATION = /^[1-9][0-9]*(min|h|d|w|mo|y)$/;
const words = (v: string | undefined): string[] =>
  (v ?? '')
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');

function ListEditor({
  name,
  rows,
  fields,
  onChange,
  title,
}: {
  readonly name: ListName;
  readonly rows: readonly Row[];
  readonly fields: readonly Field[];
  readonly onChange: (rows: Row[]) => void;
  readonly title: string;
}) {
  const { t, lang } = useI18n();
  const set = (index: number, key: string, value: string) => {
    onChange(rows.map((row, i) => (i === index ? { ...row, [key]: value } : row)));
  };
  return (
    <fieldset className="card">
      <legend>{title}</legend>
      {rows.length === 0 ? <p className="muted">{t('onboarding.wizard.emptyList')}</p> : null}
      {rows.map((row, index) => {
        const label = row.name || row.from || String(index + 1);
        return (
          <div
            className="onboarding-row"
            key={index}
            role="group"
            aria-label={`${title} ${String(index + 1)}`}
          >
            {fields.map((field) => {
              const id = `wizard-${name}-${String(index)}-${field.key}`;
              const value = row[field.key] ?? '';
              return (
                <label key={field.key} htmlFor={id}>
                  {t(field.label)}
                  {field.type === 'select' ? (
                    <select
                      id={id}
                      value={value}
                      onChange={(e) => {
                        set(index, field.key, e.target.value);
                      }}
                    >
                      {field.required === true ? null : (
                        <option value="">{t('onboarding.wizard.none')}</option>
                      )}
                      {field.required === true && value === '' ? (
                        <option value="">{t('onboarding.wizard.none')}</option>
                      ) : null}
                      {(field.options ?? []).map((o) => (
                        <option key={o} value={o}>
                          {field.vocabulary === true ? valueLabel(o, lang) : o}
                        </option>
                      ))}
                    </select>
                  ) : field.type === 'check' ? (
                    <input
                      id={id}
                      type="checkbox"
                      checked={value === 'yes'}
                      onChange={(e) => {
                        set(index, field.key, e.target.checked ? 'yes' : '');
                      }}
                    />
                  ) : (
                    <input
                      id={id}
                      type={field.type === 'number' ? 'number' : 'text'}
                      min={field.type === 'number' ? 0 : undefined}
                      value={value}
                      required={field.required}
                      onChange={(e) => {
                        set(index, field.key, e.target.value);
                      }}
                    />
                  )}
                </label>
              );
            })}
            <button
              type="button"
              onClick={() => {
                onChange(rows.filter((_, i) => i !== index));
              }}
            >
              {t('onboarding.wizard.remove', { name: label })}
            </button>
          </div>
        );
      })}
      <button
        type="button"
        onClick={() => {
          onChange([...rows, { ...EMPTY[name] }]);
        }}
      >
        {t('onboarding.wizard.add')} — {title}
      </button>
    </fieldset>
  );
}

export function Wizard({ expectedLatest }: { readonly expectedLatest: number | null }) {
  const { t } = useI18n();
  const { workspace } = useWorkspace();
  const created = useCreated();
  const [step, setStep] = useState<Step>('organisation');
  const [org, setOrg] = useState<Row>({
    name: workspace.name,
    sector: '',
    employees: '',
    nis2: '',
  });
  const [lists, setLists] = useState<Record<ListName, Row[]>>({
    sites: [{ ...EMPTY.sites, name: workspace.name }],
    zones: [
      { ...EMPTY.zones, name: 'Internet', kind: 'internet' },
      { ...EMPTY.zones, name: 'LAN', kind: 'user' },
    ],
    assets: [],
    data: [],
    processes: [],
    flows: [],
  });
  const [problem, setProblem] = useState<string | null>(null);
  const [preview, setPreview] = useState<OnboardingPreviewResponse | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const index = STEPS.indexOf(step);
  const names = (list: ListName) => lists[list].map((r) => r.name ?? '').filter((n) => n !== '');
  const endpoints = [...names('assets'), ...names('zones')];

  const setList = (name: ListName) => (rows: Row[]) => {
    setLists({ ...lists, [name]: rows });
  };

  /** The answers as the API takes them. */
  const answers = () => {
    const opt = <T,>(value: T | undefined | '', wrap?: (v: T) => unknown) =>
      value === undefined || value === '' ? undefined : wrap === undefined ? value : wrap(value);
    return {
      organisation: {
        name: org.name ?? '',
        sector: opt(org.sector),
        employees: opt(org.employees, Number),
        nis2: opt(org.nis2),
      },
      sites: lists.sites.map((s) => ({ name: s.name, kind: opt(s.kind), city: opt(s.city) })),
      zones: lists.zones.map((z) => ({
        name: z.name,
        kind: z.kind,
        site: opt(z.site),
        subnets: words(z.subnets).length === 0 ? undefined : words(z.subnets),
      })),
      assets: lists.assets.map((a) => ({
        name: a.name,
        kind: a.kind,
        zone: opt(a.zone),
        addresses: words(a.addresses).length === 0 ? undefined : words(a.addresses),
        os: opt(a.os),
        count: opt(a.count, Number),
      })),
      data: lists.data.map((d) => ({
        name: d.name,
        classification: opt(d.classification),
        personal:
          d.personal !== 'yes' && d.health !== 'yes'
            ? undefined
            : ['identification', ...(d.health === 'yes' ? ['health'] : [])],
        storedOn: opt(d.storedOn, (v) => [v]),
      })),
      processes: lists.processes.map((p) => ({
        name: p.name,
        rto: opt(p.rto),
        assets: opt(p.assets, (v) => [v]),
      })),
      flows: lists.flows.map((f) => ({
        from: f.from,
        to: f.to,
        protocol: f.protocol,
        port: opt(f.port, Number),
        encryption: opt(f.encryption),
      })),
    };
  };

  /** The current step's problem, or null when it may be left. */
  const check = (s: Step): string | null => {
    const required = (rows: readonly Row[], keys: readonly string[]) =>
      rows.some((r) => keys.some((k) => (r[k] ?? '').trim() === ''));
    const duplicate = (rows: readonly Row[]) => {
      const seen = new Set<string>();
      for (const r of rows) {
        const key = (r.name ?? '').trim().toLowerCase();
        if (seen.has(key)) return r.name ?? '';
        seen.add(key);
      }
      return null;
    };
    const lists2: Partial<Record<Step, ListName[]>> = {
      sites: ['sites'],
      zones: ['zones'],
      assets: ['assets'],
      data: ['data', 'processes'],
    };
    if (s === 'organisation')
      return (org.name ?? '').trim() === '' ? t('onboarding.wizard.required') : null;
    if (s === 'flows') {
      return required(lists.flows, ['from', 'to', 'protocol'])
        ? t('onboarding.wizard.required')
        : null;
    }
    for (const list of lists2[s] ?? []) {
      if (required(lists[list], ['name'])) return t('onboarding.wizard.required');
      const dup = duplicate(lists[list]);
      if (dup !== null) return t('onboarding.wizard.duplicate', { name: dup });
    }
    if (s === 'zones') {
      const bad = lists.zones.flatMap((z) => words(z.subnets)).find((v) => !isSubnet(v));
      if (bad !== undefined) return t('onboarding.wizard.invalidSubnet', { value: bad });
    }
    if (s === 'assets') {
      const bad = lists.assets.flatMap((a) => words(a.addresses)).find((v) => !isAddress(v));
      if (bad !== undefined) return t('onboarding.wizard.invalidAddress', { value: bad });
    }
    if (s === 'data') {
      const bad = lists.processes
        .map((p) => p.rto ?? '')
        .find((v) => v !== '' && !DURATION.test(v));
      if (bad !== undefined) return t('onboarding.wizard.invalidDuration', { value: bad });
    }
    return null;
  };

  const go = (to: number) => {
    const next = STEPS[to];
    if (next === undefined) return;
    if (to > index) {
      const found = check(step);
      setProblem(found);
      if (found !== null) return;
    } else setProblem(null);
    setError(null);
    if (next === 'review') {
      setBusy(true);
      api<OnboardingPreviewResponse>(wsPath(workspace.id, '/onboarding/wizard/preview'), {
        method: 'POST',
        body: { answers: answers() },
      })
        .then((result) => {
          setPreview(result);
          setStep(next);
        })
        .catch(setError)
        .finally(() => {
          setBusy(false);
        });
      return;
    }
    setStep(next);
  };

  const create = () => {
    setBusy(true);
    setError(null);
    api<OnboardingCommitResponse>(wsPath(workspace.id, '/onboarding/wizard/commit'), {
      method: 'POST',
      body: {
        answers: answers(),
        message: t('onboarding.wizard.message'),
        ...(expectedLatest === null ? {} : { expectedLatest }),
      },
    })
      .then(() => {
        created('');
      })
      .catch((e: unknown) => {
        setError(e);
        setBusy(false);
      });
  };

  const title = t(`onboarding.wizard.step.${step}`);
  return (
    <>
      <ol className="onboarding-steps">
        {STEPS.map((s) => (
          <li key={s} aria-current={s === step ? 'step' : undefined}>
            {t(`onboarding.wizard.step.${s}`)}
          </li>
        ))}
      </ol>
      <progress
        className="onboarding-progress"
        max={STEPS.length}
        value={index + 1}
        aria-label={t('onboarding.wizard.progress', { n: index + 1, total: STEPS.length, title })}
      />
      <h3>{t('onboarding.wizard.progress', { n: index + 1, total: STEPS.length, title })}</h3>

      {step === 'organisation' ? (
        <fieldset className="card onboarding-row">
          <legend>{title}</legend>
          <label htmlFor="wizard-org-name">
            {t('onboarding.wizard.orgName')}
            <input
              id="wizard-org-name"
              required
              value={org.name ?? ''}
              onChange={(e) => {
                setOrg({ ...org, name: e.target.value });
              }}
            />
          </label>
          <label htmlFor="wizard-org-sector">
            {t('onboarding.wizard.sector')}
            <input
              id="wizard-org-sector"
              value={org.sector ?? ''}
              onChange={(e) => {
                setOrg({ ...org, sector: e.target.value });
              }}
            />
          </label>
          <label htmlFor="wizard-org-employees">
            {t('onboarding.wizard.employees')}
            <input
              id="wizard-org-employees"
              type="number"
              min={0}
              value={org.employees ?? ''}
              onChange={(e) => {
                setOrg({ ...org, employees: e.target.value });
              }}
            />
          </label>
          <label htmlFor="wizard-org-nis2">
            {t('onboarding.wizard.nis2')}
            <select
              id="wizard-org-nis2"
              value={org.nis2 ?? ''}
              onChange={(e) => {
                setOrg({ ...org, nis2: e.target.value });
              }}
            >
              <option value="">{t('onboarding.wizard.nis2.none')}</option>
              <option value="important">{t('onboarding.wizard.nis2.important')}</option>
              <option value="essential">{t('onboarding.wizard.nis2.essential')}</option>
            </select>
          </label>
        </fieldset>
      ) : null}
      {step === 'sites' ? (
        <ListEditor
          name="sites"
          title={title}
          rows={lists.sites}
          onChange={setList('sites')}
          fields={[
            { key: 'name', label: 'onboarding.wizard.name', type: 'text', required: true },
            {
              key: 'kind',
              label: 'onboarding.wizard.kind',
              type: 'select',
              options: SITE_KINDS,
              vocabulary: true,
            },
            { key: 'city', label: 'onboarding.wizard.city', type: 'text' },
          ]}
        />
      ) : null}
      {step === 'zones' ? (
        <ListEditor
          name="zones"
          title={title}
          rows={lists.zones}
          onChange={setList('zones')}
          fields={[
            { key: 'name', label: 'onboarding.wizard.name', type: 'text', required: true },
            {
              key: 'kind',
              label: 'onboarding.wizard.kind',
              type: 'select',
              options: ZONE_KINDS,
              vocabulary: true,
              required: true,
            },
            {
              key: 'site',
              label: 'onboarding.wizard.site',
              type: 'select',
              options: names('sites'),
            },
            { key: 'subnets', label: 'onboarding.wizard.subnets', type: 'text', multiple: true },
          ]}
        />
      ) : null}
      {step === 'assets' ? (
        <ListEditor
          name="assets"
          title={title}
          rows={lists.assets}
          onChange={setList('assets')}
          fields={[
            { key: 'name', label: 'onboarding.wizard.name', type: 'text', required: true },
            {
              key: 'kind',
              label: 'onboarding.wizard.kind',
              type: 'select',
              options: ASSET_KINDS,
              vocabulary: true,
              required: true,
            },
            {
              key: 'zone',
              label: 'onboarding.wizard.zone',
              type: 'select',
              options: names('zones'),
            },
            {
              key: 'addresses',
              label: 'onboarding.wizard.addresses',
              type: 'text',
              multiple: true,
            },
            { key: 'os', label: 'onboarding.wizard.os', type: 'text' },
            { key: 'count', label: 'onboarding.wizard.count', type: 'number' },
          ]}
        />
      ) : null}
      {step === 'data' ? (
        <>
          <ListEditor
            name="data"
            title={t('onboarding.wizard.data')}
            rows={lists.data}
            onChange={setList('data')}
            fields={[
              { key: 'name', label: 'onboarding.wizard.name', type: 'text', required: true },
              {
                key: 'classification',
                label: 'onboarding.wizard.classification',
                type: 'select',
                options: CLASSIFICATIONS,
                vocabulary: true,
              },
              { key: 'personal', label: 'onboarding.wizard.personal', type: 'check' },
              { key: 'health', label: 'onboarding.wizard.health', type: 'check' },
              {
                key: 'storedOn',
                label: 'onboarding.wizard.storedOn',
                type: 'select',
                options: names('assets'),
              },
            ]}
          />
          <ListEditor
            name="processes"
            title={t('onboarding.wizard.processes')}
            rows={lists.processes}
            onChange={setList('processes')}
            fields={[
              { key: 'name', label: 'onboarding.wizard.name', type: 'text', required: true },
              { key: 'rto', label: 'onboarding.wizard.rto', type: 'text' },
              {
                key: 'assets',
                label: 'onboarding.wizard.supports',
                type: 'select',
                options: names('assets'),
              },
            ]}
          />
        </>
      ) : null}
      {step === 'flows' ? (
        <ListEditor
          name="flows"
          title={title}
          rows={lists.flows}
          onChange={setList('flows')}
          fields={[
            {
              key: 'from',
              label: 'onboarding.wizard.from',
              type: 'select',
              options: endpoints,
              required: true,
            },
            {
              key: 'to',
              label: 'onboarding.wizard.to',
              type: 'select',
              options: endpoints,
              required: true,
            },
            {
              key: 'protocol',
              label: 'onboarding.wizard.protocol',
              type: 'select',
              options: PROTOCOLS,
              vocabulary: true,
              required: true,
            },
            { key: 'port', label: 'onboarding.wizard.port', type: 'number' },
            {
              key: 'encryption',
              label: 'onboarding.wizard.encryption',
              type: 'select',
              options: ENCRYPTIONS,
              vocabulary: true,
            },
          ]}
        />
      ) : null}
      {step === 'review' && preview !== null ? (
        <DiagnosticList diagnostics={preview.diagnostics} validation={preview.validation} />
      ) : null}

      <div role="alert">{problem === null ? null : <p className="error">{problem}</p>}</div>
      {error === null ? null : <ErrorMessage error={error} />}
      <div className="onboarding-actions">
        <button
          type="button"
          disabled={index === 0 || busy}
          onClick={() => {
            go(index - 1);
          }}
        >
          {t('onboarding.wizard.previous')}
        </button>
        {step === 'review' ? (
          <button
            type="button"
            className="primary"
            disabled={busy || (preview?.validation.errors ?? 1) > 0}
            onClick={create}
          >
            {t('onboarding.wizard.create')}
          </button>
        ) : (
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => {
              go(index + 1);
            }}
          >
            {t('onboarding.wizard.next')}
          </button>
        )}
      </div>
    </>
  );
}
