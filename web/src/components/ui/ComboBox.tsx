/**
 * A searchable picker (React Aria ComboBox): type to filter, arrows to move, Enter to choose.
 * Items show a label (a name, never only an id) and an optional description (kind, zone…);
 * the filter matches the label, the id and the description, accents and case ignored.
 *
 *     <ComboBox
 *       label={t('form.zone')}
 *       items={zones.map((z) => ({ id: z.id, label: z.name, description: z.id }))}
 *       selectedKey={value}
 *       onSelectionChange={setValue}
 *       errorMessage={fieldError}
 *     />
 */
import { useMemo, useState } from 'react';
import {
  Button,
  ComboBox as AriaComboBox,
  FieldError,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Text,
} from 'react-aria-components';
import type { Key } from 'react-aria-components';
import { useI18n } from '../../i18n';
import './ui.css';

export interface PickerItem {
  readonly id: string;
  readonly label: string;
  readonly description?: string;
}

/** Lower case without accents, for matching what the user types. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Items matching every word of `query` (in label, id or description), at most `limit`. */
export function filterItems<T extends PickerItem>(
  items: readonly T[],
  query: string,
  limit = 200,
): { readonly shown: readonly T[]; readonly total: number } {
  const words = fold(query).split(/\s+/).filter(Boolean);
  const matching =
    words.length === 0
      ? items
      : items.filter((item) => {
          const text = fold(`${item.label} ${item.id} ${item.description ?? ''}`);
          return words.every((w) => text.includes(w));
        });
  return { shown: matching.slice(0, limit), total: matching.length };
}

export interface ComboBoxProps {
  readonly label: string;
  readonly items: readonly PickerItem[];
  readonly selectedKey: string | null;
  readonly onSelectionChange: (id: string | null) => void;
  readonly description?: string;
  /** Shown under the field and sets it invalid (e.g. the server's error for this field). */
  readonly errorMessage?: string | null;
  readonly isRequired?: boolean;
  readonly isDisabled?: boolean;
  readonly placeholder?: string;
  readonly name?: string;
  /** Most items listed at once (type to narrow the rest); default 200. */
  readonly limit?: number;
}

export function ComboBox({
  label,
  items,
  selectedKey,
  onSelectionChange,
  description,
  errorMessage,
  isRequired = false,
  isDisabled = false,
  placeholder,
  name,
  limit = 200,
}: ComboBoxProps) {
  const { t } = useI18n();
  const selected = items.find((item) => item.id === selectedKey) ?? null;
  const [input, setInput] = useState<string | null>(null);
  // While the user has not typed (or opened with the button), every item is offered.
  const query = input ?? '';
  const { shown, total } = useMemo(() => filterItems(items, query, limit), [items, query, limit]);
  const invalid = errorMessage !== undefined && errorMessage !== null && errorMessage !== '';
  return (
    <AriaComboBox
      className="ui-field ui-combobox"
      items={shown}
      value={selectedKey}
      inputValue={input ?? selected?.label ?? ''}
      onInputChange={(text) => {
        setInput(text === (selected?.label ?? '') ? null : text);
      }}
      onChange={(key: Key | null) => {
        setInput(null);
        onSelectionChange(key === null ? null : String(key));
      }}
      onOpenChange={(isOpen, trigger) => {
        if (isOpen && trigger === 'manual') setInput(null);
      }}
      isRequired={isRequired}
      isDisabled={isDisabled}
      isInvalid={invalid}
      allowsEmptyCollection
      menuTrigger="input"
      {...(name === undefined ? {} : { name, formValue: 'key' as const })}
    >
      <Label className="ui-label">{label}</Label>
      <div className="ui-combobox-control">
        <Input className="ui-input" {...(placeholder === undefined ? {} : { placeholder })} />
        <Button className="ui-combobox-button" aria-label={t('ui.showOptions')}>
          <span aria-hidden="true">▾</span>
        </Button>
      </div>
      {description === undefined ? null : (
        <Text slot="description" className="ui-description">
          {description}
        </Text>
      )}
      <FieldError className="ui-field-error">{invalid ? errorMessage : null}</FieldError>
      <Popover className="ui-popover ui-combobox-popover">
        <ListBox
          className="ui-listbox"
          renderEmptyState={() => <p className="ui-empty-option">{t('ui.noMatch')}</p>}
        >
          {(item: PickerItem) => (
            <ListBoxItem id={item.id} textValue={item.label} className="ui-option">
              <span className="ui-option-label">{item.label}</span>
              {item.description === undefined ? null : (
                <span className="ui-option-description">{item.description}</span>
              )}
            </ListBoxItem>
          )}
        </ListBox>
        {total > shown.length ? (
          <p className="ui-more-options">{t('ui.moreOptions', { n: total - shown.length })}</p>
        ) : null}
      </Popover>
    </AriaComboBox>
  );
}
