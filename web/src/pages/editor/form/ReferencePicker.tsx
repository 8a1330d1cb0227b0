/**
 * Pickers for references: one entity (a searchable combobox showing names), or several (the
 * chosen ones as removable chips and a combobox to add more). The ids stay what is written.
 */
import { ComboBox, type PickerItem } from '../../../components/ui';
import { useI18n } from '../../../i18n';

export function ReferencePicker({
  label,
  items,
  value,
  required,
  error,
  description,
  onChange,
}: {
  readonly label: string;
  readonly items: readonly PickerItem[];
  readonly value: string | undefined;
  readonly required: boolean;
  readonly error: string | null;
  readonly description?: string;
  readonly onChange: (value: string | undefined) => void;
}) {
  const { t } = useI18n();
  const known = value === undefined || items.some((item) => item.id === value);
  const all = known
    ? items
    : [{ id: value, label: t('forms.unknownRef', { id: value }) }, ...items];
  return (
    <div className="form-reference">
      <ComboBox
        label={required ? `${label} (${t('forms.required')})` : label}
        items={all}
        selectedKey={value ?? null}
        onSelectionChange={(id) => {
          onChange(id ?? undefined);
        }}
        isRequired={required}
        errorMessage={error}
        placeholder={t('forms.pick')}
        {...(description === undefined ? {} : { description })}
      />
      {value === undefined || required ? null : (
        <button
          type="button"
          className="form-clear"
          onClick={() => {
            onChange(undefined);
          }}
        >
          {t('forms.clear', { field: label })}
        </button>
      )}
    </div>
  );
}

export function ReferenceListPicker({
  label,
  items,
  value,
  required,
  error,
  description,
  onChange,
}: {
  readonly label: string;
  readonly items: readonly PickerItem[];
  readonly value: readonly string[];
  readonly required: boolean;
  readonly error: string | null;
  readonly description?: string;
  readonly onChange: (value: string[]) => void;
}) {
  const { t } = useI18n();
  const chosen = new Set(value);
  const labelOf = (id: string): string =>
    items.find((item) => item.id === id)?.label ?? t('forms.unknownRef', { id });
  return (
    <fieldset className="form-reference-list">
      <legend>{required ? `${label} (${t('forms.required')})` : label}</legend>
      {value.length === 0 ? null : (
        <ul className="form-chips">
          {value.map((id) => (
            <li key={id} className="form-chip">
              <span>{labelOf(id)}</span>
              <button
                type="button"
                aria-label={t('forms.removeItem', { item: labelOf(id) })}
                onClick={() => {
                  onChange(value.filter((v) => v !== id));
                }}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <ComboBox
        key={value.join(',')}
        label={t('forms.addItem', { field: label })}
        items={items.filter((item) => !chosen.has(item.id))}
        selectedKey={null}
        onSelectionChange={(id) => {
          if (id !== null && !chosen.has(id)) onChange([...value, id]);
        }}
        errorMessage={error}
        placeholder={t('forms.pickMore', { field: label })}
        {...(description === undefined ? {} : { description })}
      />
    </fieldset>
  );
}
