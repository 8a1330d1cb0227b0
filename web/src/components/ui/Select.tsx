/**
 * A select (React Aria): a button showing the chosen option, a listbox of options with optional
 * descriptions. For enums, give each value its label in the UI language.
 *
 *     <Select label={t('form.criticality')} items={LEVELS.map((l) => ({ id: l, label: t(`level.${l}`) }))}
 *       selectedKey={value} onSelectionChange={setValue} />
 */
import {
  Button,
  FieldError,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Select as AriaSelect,
  SelectValue,
  Text,
} from 'react-aria-components';
import type { Key } from 'react-aria-components';
import type { PickerItem } from './ComboBox';
import './ui.css';

export interface SelectProps {
  readonly label: string;
  readonly items: readonly PickerItem[];
  readonly selectedKey: string | null;
  readonly onSelectionChange: (id: string | null) => void;
  readonly description?: string;
  readonly errorMessage?: string | null;
  readonly isRequired?: boolean;
  readonly isDisabled?: boolean;
  readonly placeholder?: string;
  readonly name?: string;
}

export function Select({
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
}: SelectProps) {
  const invalid = errorMessage !== undefined && errorMessage !== null && errorMessage !== '';
  return (
    <AriaSelect
      className="ui-field ui-select"
      value={selectedKey}
      onChange={(key: Key | null) => {
        onSelectionChange(key === null ? null : String(key));
      }}
      isRequired={isRequired}
      isDisabled={isDisabled}
      isInvalid={invalid}
      {...(placeholder === undefined ? {} : { placeholder })}
      {...(name === undefined ? {} : { name })}
    >
      <Label className="ui-label">{label}</Label>
      <Button className="ui-select-button">
        <SelectValue className="ui-select-value" />
        <span aria-hidden="true">▾</span>
      </Button>
      {description === undefined ? null : (
        <Text slot="description" className="ui-description">
          {description}
        </Text>
      )}
      <FieldError className="ui-field-error">{invalid ? errorMessage : null}</FieldError>
      <Popover className="ui-popover">
        <ListBox className="ui-listbox" items={items}>
          {(item: PickerItem) => (
            <ListBoxItem id={item.id} textValue={item.label} className="ui-option">
              <span className="ui-option-label">{item.label}</span>
              {item.description === undefined ? null : (
                <span className="ui-option-description">{item.description}</span>
              )}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </AriaSelect>
  );
}
