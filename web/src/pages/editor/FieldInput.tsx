/** One input of the entity form, chosen by the field's type, with its hint and error tied to it. */
import { useI18n } from '../../i18n';
import type { FieldType, FormValue } from './fields';

export interface FieldSpec {
  readonly key: string;
  readonly type: FieldType;
  readonly id: string;
  readonly required: boolean;
}

export function FieldInput({
  spec,
  label,
  value,
  error,
  onChange,
}: {
  readonly spec: FieldSpec;
  readonly label: string;
  readonly value: FormValue;
  readonly error: string | null;
  readonly onChange: (value: FormValue) => void;
}) {
  const { t } = useI18n();
  const hintId = `${spec.id}-hint`;
  const errorId = `${spec.id}-error`;
  const hint =
    spec.type === 'list'
      ? t('editor.entity.listHint')
      : spec.type === 'structured'
        ? t('editor.entity.structuredHint')
        : null;
  const describedBy =
    [hint === null ? null : hintId, error === null ? null : errorId].filter(Boolean).join(' ') ||
    undefined;
  const common = {
    id: spec.id,
    'aria-invalid': error !== null,
    'aria-describedby': describedBy,
    'aria-required': spec.required || undefined,
  };
  const text = typeof value === 'string' ? value : '';
  const messages = (
    <>
      {hint === null ? null : (
        <small id={hintId} className="muted">
          {hint}
        </small>
      )}
      {error === null ? null : (
        <small id={errorId} className="field-error">
          {error}
        </small>
      )}
    </>
  );
  if (spec.type === 'boolean') {
    return (
      <div className="field checkbox">
        <label htmlFor={spec.id}>
          <input
            {...common}
            type="checkbox"
            checked={value === true}
            onChange={(event) => {
              onChange(event.target.checked);
            }}
          />
          {label}
        </label>
        {messages}
      </div>
    );
  }
  const lines = text.split('\n').length;
  return (
    <div className="field">
      <label htmlFor={spec.id}>
        {label} <span className="muted mono small">({spec.key})</span>
      </label>
      {spec.type === 'string' || spec.type === 'number' ? (
        <input
          {...common}
          inputMode={spec.type === 'number' ? 'decimal' : undefined}
          value={text}
          onChange={(event) => {
            onChange(event.target.value);
          }}
        />
      ) : (
        <textarea
          {...common}
          className={spec.type === 'structured' ? 'structured' : undefined}
          rows={Math.min(Math.max(lines + 1, 3), 16)}
          spellCheck={spec.type === 'text'}
          value={text}
          onChange={(event) => {
            onChange(event.target.value);
          }}
        />
      )}
      {messages}
    </div>
  );
}
