/**
 * "Delete" for one entity: asks first; when other entities reference it, lists them (with the
 * field) and either offers to delete it and remove those references, or explains that the ones
 * that require it must be changed first. Saves a new version (DELETE /entities/:kind/:id).
 */
import { useState } from 'react';
import type { EntityKind } from '../../../../../src/domain/model/index';
import type { SaveResponse } from '../../../../../src/platform/api/types';
import { Modal, toast } from '../../../components/ui';
import { ErrorMessage } from '../../../components/Status';
import { lookup, useI18n } from '../../../i18n';
import { ApiFailure, api, wsPath } from '../../../lib/api';
import { Link, useRouter } from '../../../lib/router';
import { useWorkspace } from '../../../lib/workspace';

export interface ReferrerView {
  readonly kind: string;
  readonly id: string;
  readonly name: string;
  readonly field: string;
  readonly required: boolean;
}

/** The section of each kind, for names and links. */
const SECTION_OF = {
  site: 'sites',
  zone: 'zones',
  asset: 'assets',
  data: 'data',
  flow: 'flows',
  identity: 'identities',
  process: 'processes',
  backup: 'backups',
  measure: 'measures',
  decision: 'decisions',
  organisation: 'organisation',
} as const satisfies Record<EntityKind | 'organisation', string>;

const sectionOf = (kind: string): string =>
  (SECTION_OF as Readonly<Record<string, string>>)[kind] ?? kind;

/** The referrers in a 409 `entity_referenced` answer, else null. */
export function referrersOf(error: unknown): ReferrerView[] | null {
  if (!(error instanceof ApiFailure) || error.body?.code !== 'entity_referenced') return null;
  const list = (error.body.details as { referrers?: unknown } | undefined)?.referrers;
  if (!Array.isArray(list)) return [];
  return (list as unknown[]).flatMap((item): ReferrerView[] => {
    if (typeof item !== 'object' || item === null) return [];
    const r = item as Record<string, unknown>;
    if (typeof r.id !== 'string' || typeof r.kind !== 'string') return [];
    return [
      {
        kind: r.kind,
        id: r.id,
        name: typeof r.name === 'string' ? r.name : r.id,
        field: typeof r.field === 'string' ? r.field : '',
        required: r.required === true,
      },
    ];
  });
}

type Step =
  | { readonly kind: 'confirm' }
  | { readonly kind: 'sending' }
  | { readonly kind: 'referenced'; readonly referrers: readonly ReferrerView[] }
  | { readonly kind: 'failed'; readonly error: unknown };

export function DeleteEntity({
  section,
  id,
  name,
}: {
  readonly section: string;
  readonly id: string;
  readonly name: string;
}) {
  const { t, lang } = useI18n();
  const { workspace, latest, href, refresh } = useWorkspace();
  const { navigate } = useRouter();
  const [open, setOpen] = useState(false);
  const [step, setStep] = useState<Step>({ kind: 'confirm' });

  const send = async (force: boolean) => {
    if (latest === null) return;
    setStep({ kind: 'sending' });
    try {
      const saved = await api<SaveResponse>(
        wsPath(workspace.id, `/entities/${section}/${encodeURIComponent(id)}`),
        { method: 'DELETE', body: { expectedLatest: latest, ...(force ? { force: true } : {}) } },
      );
      setOpen(false);
      toast.success(t('forms.delete.done', { name, n: saved.version.number }));
      refresh();
      navigate(href(`/explore/${section}`));
    } catch (error) {
      const referrers = referrersOf(error);
      setStep(referrers === null ? { kind: 'failed', error } : { kind: 'referenced', referrers });
    }
  };

  const kindName = (kind: string): string => lookup(lang, `forms.one.${sectionOf(kind)}`, kind);
  const itemHref = (r: ReferrerView): string =>
    r.kind === 'organisation'
      ? href('/edit', false)
      : href(`/explore/${sectionOf(r.kind)}/${encodeURIComponent(r.id)}`, false);

  return (
    <>
      <button
        type="button"
        className="danger"
        onClick={() => {
          setStep({ kind: 'confirm' });
          setOpen(true);
        }}
      >
        {t('forms.delete.button')}
      </button>
      <Modal
        title={t('forms.delete.title', { name })}
        isOpen={open}
        onOpenChange={setOpen}
        role="alertdialog"
        isDismissable={false}
      >
        {(close) => {
          if (step.kind === 'referenced') {
            const blocking = step.referrers.filter((r) => r.required);
            const shown = blocking.length > 0 ? blocking : step.referrers;
            return (
              <div className="entity-delete" role="alert">
                <p>
                  {blocking.length > 0
                    ? t('forms.delete.blocked')
                    : t('forms.delete.referenced', { n: step.referrers.length })}
                </p>
                <ul className="entity-delete-referrers">
                  {shown.map((r) => (
                    <li key={`${r.kind}:${r.id}:${r.field}`}>
                      <Link to={itemHref(r)}>
                        {t(r.required ? 'forms.delete.blockedItem' : 'forms.delete.item', {
                          kind: kindName(r.kind),
                          name: r.name,
                          field: r.field,
                        })}
                      </Link>
                    </li>
                  ))}
                </ul>
                <div className="ui-dialog-actions">
                  <button type="button" onClick={close} autoFocus>
                    {t('ui.cancel')}
                  </button>
                  {blocking.length > 0 ? null : (
                    <button
                      type="button"
                      className="danger"
                      onClick={() => {
                        void send(true);
                      }}
                    >
                      {t('forms.delete.forceConfirm')}
                    </button>
                  )}
                </div>
              </div>
            );
          }
          return (
            <div className="entity-delete">
              <p>{t('forms.delete.intro')}</p>
              {step.kind === 'failed' ? <ErrorMessage error={step.error} /> : null}
              <div className="ui-dialog-actions">
                <button type="button" onClick={close} autoFocus>
                  {t('ui.cancel')}
                </button>
                <button
                  type="button"
                  className="danger"
                  disabled={step.kind === 'sending'}
                  onClick={() => {
                    void send(false);
                  }}
                >
                  {step.kind === 'sending' ? t('forms.delete.checking') : t('forms.delete.confirm')}
                </button>
              </div>
            </div>
          );
        }}
      </Modal>
    </>
  );
}
