/**
 * A finding's follow-up on its page: the member it is assigned to and its due date (writers of
 * the latest version), and the comments thread (owners, analysts and auditors comment; each
 * deletes their own). The work is kept by finding id, so it follows the finding across versions.
 */
import { useId, useState } from 'react';
import type { SyntheticEvent } from 'react';
import type {
  FindingCommentResponse,
  FindingWorkResponse,
  MembersResponse,
} from '../../../../src/platform/api/types';
import { formatDay } from '../../components/Analysis';
import { ErrorMessage, Loading } from '../../components/Status';
import { ComboBox, ConfirmDialog, DateField, toast } from '../../components/ui';
import { useI18n } from '../../i18n';
import { api, wsPath } from '../../lib/api';
import { useApi, useApiMutation } from '../../lib/use-api';

const MAX_COMMENT = 5000;

export function workPath(workspaceId: string, findingId: string): string {
  return wsPath(workspaceId, `/findings-work/${encodeURIComponent(findingId)}`);
}

/** Members as picker items (name, e-mail as description). */
export function useMemberItems(workspaceId: string) {
  const members = useApi<MembersResponse>(wsPath(workspaceId, '/members'));
  return (members.data?.members ?? []).map((m) => ({
    id: m.userId,
    label: m.displayName,
    description: m.email,
  }));
}

function AssignForm({
  workspaceId,
  findingId,
  data,
}: {
  readonly workspaceId: string;
  readonly findingId: string;
  readonly data: FindingWorkResponse;
}) {
  const { t } = useI18n();
  const items = useMemberItems(workspaceId);
  const [assignee, setAssignee] = useState<string | null>(data.work.assignee?.id ?? null);
  const [due, setDue] = useState<string | null>(data.work.dueDate);
  const save = useApiMutation(() =>
    api<FindingWorkResponse>(workPath(workspaceId, findingId), {
      method: 'PUT',
      body: { assigneeId: assignee, dueDate: due },
    }),
  );
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    save.mutate(undefined, {
      onSuccess: () => toast.success(t('findings.work.saved')),
    });
  };
  return (
    <form className="finding-work-form" onSubmit={submit} noValidate>
      <ComboBox
        label={t('findings.work.assignee')}
        description={t('findings.work.assigneeHint')}
        items={items}
        selectedKey={assignee}
        onSelectionChange={setAssignee}
        name="assignee"
      />
      <DateField label={t('findings.work.due')} value={due} onChange={setDue} name="due" />
      {save.error === null ? null : <ErrorMessage error={save.error} />}
      <button type="submit" className="primary" disabled={save.isPending}>
        {save.isPending ? t('findings.work.saving') : t('findings.work.save')}
      </button>
    </form>
  );
}

function Comments({
  workspaceId,
  findingId,
  data,
  canComment,
}: {
  readonly workspaceId: string;
  readonly findingId: string;
  readonly data: FindingWorkResponse;
  readonly canComment: boolean;
}) {
  const { t, lang, formatNumber } = useI18n();
  const id = useId();
  const [body, setBody] = useState('');
  const [problem, setProblem] = useState(false);
  const [deleting, setDeleting] = useState<string | null>(null);
  const add = useApiMutation((text: string) =>
    api<FindingCommentResponse>(`${workPath(workspaceId, findingId)}/comments`, {
      method: 'POST',
      body: { body: text },
    }),
  );
  const remove = useApiMutation((commentId: string) =>
    api(`${workPath(workspaceId, findingId)}/comments/${encodeURIComponent(commentId)}`, {
      method: 'DELETE',
    }),
  );
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (body.trim() === '') {
      setProblem(true);
      document.getElementById(`${id}-body`)?.focus();
      return;
    }
    setProblem(false);
    add.mutate(body, {
      onSuccess: () => {
        setBody('');
        toast.success(t('findings.comments.added'));
      },
    });
  };
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('findings.comments.title')}</h2>
      {data.comments.length === 0 ? (
        <p className="muted">{t('findings.comments.none')}</p>
      ) : (
        <ol className="finding-comments">
          {data.comments.map((c) => (
            <li key={c.id} className="finding-comment">
              <p className="finding-comment-head">
                <strong>{c.author?.displayName ?? t('findings.comments.formerMember')}</strong>{' '}
                <time className="muted" dateTime={c.created}>
                  {formatDay(lang, c.created.slice(0, 10))}{' '}
                  {new Date(c.created).toLocaleTimeString(lang, {
                    hour: '2-digit',
                    minute: '2-digit',
                  })}
                </time>
                {c.mine ? (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => {
                      setDeleting(c.id);
                    }}
                  >
                    {t('findings.comments.delete')}
                  </button>
                ) : null}
              </p>
              <p className="finding-text">{c.body}</p>
            </li>
          ))}
        </ol>
      )}
      {remove.error === null ? null : <ErrorMessage error={remove.error} />}
      <ConfirmDialog
        isOpen={deleting !== null}
        onOpenChange={(open) => {
          if (!open) setDeleting(null);
        }}
        title={t('findings.comments.deleteTitle')}
        confirmLabel={t('findings.comments.delete')}
        destructive
        onConfirm={() => {
          if (deleting === null) return;
          remove.mutate(deleting, {
            onSuccess: () => toast.success(t('findings.comments.deleted')),
          });
          setDeleting(null);
        }}
      >
        {t('findings.comments.deleteBody')}
      </ConfirmDialog>
      {canComment ? (
        <form className="finding-comment-form" onSubmit={submit} noValidate>
          <label htmlFor={`${id}-body`}>{t('findings.comments.label')}</label>
          <textarea
            id={`${id}-body`}
            rows={3}
            maxLength={MAX_COMMENT}
            value={body}
            aria-invalid={problem}
            aria-describedby={problem ? `${id}-error` : undefined}
            onChange={(e) => {
              setBody(e.target.value);
            }}
          />
          {problem ? (
            <p id={`${id}-error`} className="field-error">
              {t('findings.comments.empty')}
            </p>
          ) : null}
          <p className="muted field-hint">
            {t('findings.form.justificationCount', {
              n: formatNumber(body.length),
              max: formatNumber(MAX_COMMENT),
            })}
          </p>
          {add.error === null ? null : <ErrorMessage error={add.error} />}
          <button type="submit" disabled={add.isPending}>
            {add.isPending ? t('findings.comments.adding') : t('findings.comments.add')}
          </button>
        </form>
      ) : null}
    </section>
  );
}

export function FindingWork({
  workspaceId,
  findingId,
  canAssign,
  canComment,
}: {
  readonly workspaceId: string;
  readonly findingId: string;
  /** Writers of the latest version. */
  readonly canAssign: boolean;
  readonly canComment: boolean;
}) {
  const { t, lang } = useI18n();
  const { data, error } = useApi<FindingWorkResponse>(workPath(workspaceId, findingId));
  if (data === null) return error === null ? <Loading /> : <ErrorMessage error={error} />;
  return (
    <>
      <section className="finding-work">
        <h2>{t('findings.work.title')}</h2>
        {canAssign ? (
          <AssignForm
            key={`${data.work.assignee?.id ?? ''}|${data.work.dueDate ?? ''}`}
            workspaceId={workspaceId}
            findingId={findingId}
            data={data}
          />
        ) : (
          <dl className="fields">
            <dt>{t('findings.work.assignee')}</dt>
            <dd>{data.work.assignee?.displayName ?? t('findings.work.nobody')}</dd>
            <dt>{t('findings.work.due')}</dt>
            <dd>
              {data.work.dueDate === null
                ? t('findings.work.noDue')
                : formatDay(lang, data.work.dueDate)}
            </dd>
          </dl>
        )}
      </section>
      <Comments
        workspaceId={workspaceId}
        findingId={findingId}
        data={data}
        canComment={canComment}
      />
    </>
  );
}
