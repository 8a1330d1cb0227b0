/**
 * One field of a generated entity form, chosen by what the schema says it is: a text or number
 * input, a select of labelled values, a reference picker, a sub-form for a nested object, a list
 * of items (added and removed one by one). Errors are shown on the input they are about.
 */
import { createContext, useContext } from 'react';
import type { PickerItem } from '../../components/ui';
import { useI18n } from '../../i18n';
import type { FieldDescriptor, FieldNode } from './form/descriptor';
import { fieldLabel, valueLabel } from './form/labels';
import { ReferenceListPicker, ReferencePicker } from './form/ReferencePicker';
import { childPath, isEmpty } from './form/values';

export interface FormEnvironment {
  /** Entities that may be referenced, by kind (`asset`, `zone`…), as picker items. */
  readonly choices: Readonly<Partial<Record<string, readonly PickerItem[]>>>;
  /** Error messages by form path. */
  readonly errors: ReadonlyMap<string, readonly string[]>;
  /** Prefix of the inputs' DOM ids. */
  readonly idPrefix: string;
}

export const FormContext = createContext<FormEnvironment>({
  choices: {},
  errors: new Map(),
  idPrefix: 'field',
});

/** The DOM id of the input for a form path. */
export function inputId(prefix: string, path: string): string {
  return `${prefix}-${path.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

function choicesFor(
  choices: FormEnvironment['choices'],
  kinds: readonly string[],
): readonly PickerItem[] {
  if (kinds.length === 1) return choices[kinds[0] ?? ''] ?? [];
  return kinds.flatMap((kind) => choices[kind] ?? []);
}

const asRecord = (value: unknown): Readonly<Record<string, unknown>> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

const asList = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);

/** An empty item for a list of `node`. */
function emptyItem(node: FieldNode): unknown {
  return node.type === 'object' ? {} : node.type === 'list' ? [] : undefined;
}

function Messages({ id, errors }: { readonly id: string; readonly errors: readonly string[] }) {
  if (errors.length === 0) return null;
  return (
    <small id={`${id}-error`} className="field-error">
      {errors.join(' ')}
    </small>
  );
}

export function FieldInput({
  field,
  path,
  value,
  onChange,
}: {
  readonly field: FieldDescriptor;
  readonly path: string;
  readonly value: unknown;
  readonly onChange: (value: unknown) => void;
}) {
  const { lang } = useI18n();
  return (
    <NodeInput
      node={field.node}
      label={fieldLabel(field.key, lang)}
      required={field.required}
      description={lang === 'en' ? field.description : undefined}
      path={path}
      value={value}
      onChange={onChange}
    />
  );
}

function NodeInput({
  node,
  label,
  required,
  description,
  path,
  value,
  onChange,
}: {
  readonly node: FieldNode;
  readonly label: string;
  readonly required: boolean;
  readonly description: string | undefined;
  readonly path: string;
  readonly value: unknown;
  readonly onChange: (value: unknown) => void;
}) {
  const { t, lang } = useI18n();
  const env = useContext(FormContext);
  const id = inputId(env.idPrefix, path);
  const errors = env.errors.get(path) ?? [];
  const error = errors.length === 0 ? null : errors.join(' ');
  const shownLabel = required ? `${label} (${t('forms.required')})` : label;
  const describedBy =
    [description === undefined ? null : `${id}-hint`, error === null ? null : `${id}-error`]
      .filter(Boolean)
      .join(' ') || undefined;
  const common = {
    id,
    'aria-invalid': error !== null,
    'aria-describedby': describedBy,
    'aria-required': required || undefined,
  };
  const hint =
    description === undefined ? null : (
      <small id={`${id}-hint`} className="muted">
        {description}
      </small>
    );

  switch (node.type) {
    case 'reference':
      return (
        <div className="field" data-path={path}>
          <ReferencePicker
            label={label}
            items={choicesFor(env.choices, node.kinds)}
            value={typeof value === 'string' && value !== '' ? value : undefined}
            required={required}
            error={error}
            {...(description === undefined ? {} : { description })}
            onChange={onChange}
          />
        </div>
      );
    case 'enum':
    case 'boolean': {
      const options =
        node.type === 'enum'
          ? node.values.map((v) => ({ value: v, label: valueLabel(v, lang) }))
          : [
              { value: 'true', label: t('forms.yes') },
              { value: 'false', label: t('forms.no') },
            ];
      const current =
        value === undefined || value === null
          ? ''
          : typeof value === 'string'
            ? value
            : typeof value === 'boolean'
              ? String(value)
              : '';
      return (
        <div className="field" data-path={path}>
          <label htmlFor={id}>{shownLabel}</label>
          <select
            {...common}
            value={current}
            onChange={(event) => {
              const next = event.target.value;
              if (next === '') onChange(undefined);
              else if (node.type === 'boolean') onChange(next === 'true');
              else onChange(next);
            }}
          >
            <option value="">{t('forms.notSet')}</option>
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
          {hint}
          <Messages id={id} errors={errors} />
        </div>
      );
    }
    case 'string':
    case 'integer':
    case 'number': {
      const text =
        value === undefined || value === null
          ? ''
          : typeof value === 'string'
            ? value
            : typeof value === 'number'
              ? String(value)
              : JSON.stringify(value);
      const multiline = node.type === 'string' && node.multiline;
      return (
        <div className="field" data-path={path}>
          <label htmlFor={id}>{shownLabel}</label>
          {multiline ? (
            <textarea
              {...common}
              rows={Math.min(Math.max(text.split('\n').length + 1, 3), 12)}
              value={text}
              onChange={(event) => {
                onChange(event.target.value);
              }}
            />
          ) : (
            <input
              {...common}
              type={node.type === 'string' && node.format === 'date' ? 'date' : 'text'}
              inputMode={node.type === 'string' ? undefined : 'decimal'}
              value={text}
              onChange={(event) => {
                onChange(event.target.value);
              }}
            />
          )}
          {hint}
          <Messages id={id} errors={errors} />
        </div>
      );
    }
    case 'object': {
      const record = asRecord(value);
      const open = required || !isEmpty(value) || errors.length > 0;
      const body = (
        <>
          {hint}
          <Messages id={id} errors={errors} />
          {node.fields.map((child) => (
            <FieldInput
              key={child.key}
              field={child}
              path={childPath(path, child.key)}
              value={record[child.key]}
              onChange={(next) => {
                onChange({ ...record, [child.key]: next });
              }}
            />
          ))}
        </>
      );
      return (
        <details className="form-object" open={open} data-path={path} id={id}>
          <summary>{shownLabel}</summary>
          {body}
        </details>
      );
    }
    case 'list': {
      const items = asList(value);
      const item = node.item;
      if (item.type === 'reference') {
        return (
          <div className="field" data-path={path} id={id}>
            <ReferenceListPicker
              label={label}
              items={choicesFor(env.choices, item.kinds)}
              value={items.filter((v): v is string => typeof v === 'string')}
              required={required}
              error={error}
              {...(description === undefined ? {} : { description })}
              onChange={onChange}
            />
          </div>
        );
      }
      if (item.type === 'enum') {
        const chosen = new Set(items);
        return (
          <fieldset className="form-checks" data-path={path} id={id} aria-describedby={describedBy}>
            <legend>{shownLabel}</legend>
            {item.values.map((v) => (
              <label key={v} className="form-check">
                <input
                  type="checkbox"
                  checked={chosen.has(v)}
                  onChange={(event) => {
                    onChange(
                      event.target.checked
                        ? item.values.filter((x) => x === v || chosen.has(x))
                        : items.filter((x) => x !== v),
                    );
                  }}
                />
                {valueLabel(v, lang)}
              </label>
            ))}
            {hint}
            <Messages id={id} errors={errors} />
          </fieldset>
        );
      }
      return (
        <fieldset className="form-list" data-path={path} id={id} aria-describedby={describedBy}>
          <legend>{shownLabel}</legend>
          {hint}
          <Messages id={id} errors={errors} />
          {items.map((entry, i) => {
            const itemLabel = `${label} – ${t('forms.item', { n: i + 1 })}`;
            return (
              <div key={i} className="form-list-item">
                <NodeInput
                  node={item}
                  label={itemLabel}
                  required={false}
                  description={undefined}
                  path={childPath(path, i)}
                  value={entry}
                  onChange={(next) => {
                    onChange(items.map((old, j) => (j === i ? next : old)));
                  }}
                />
                <button
                  type="button"
                  className="form-remove"
                  onClick={() => {
                    onChange(items.filter((_, j) => j !== i));
                  }}
                >
                  {t('forms.removeItem', { item: itemLabel })}
                </button>
              </div>
            );
          })}
          <button
            type="button"
            onClick={() => {
              onChange([...items, emptyItem(item)]);
            }}
          >
            {t('forms.addItem', { field: label })}
          </button>
        </fieldset>
      );
    }
  }
}
