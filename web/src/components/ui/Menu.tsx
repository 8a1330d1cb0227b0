/**
 * A menu button (React Aria: arrow keys, typeahead, Escape, focus back to the button).
 *
 *     <MenuButton label={t('findings.actions')}>
 *       <MenuItem onAction={assign}>{t('findings.assign')}</MenuItem>
 *       <MenuItem href={href('/diagram')}>{t('nav.diagram')}</MenuItem>
 *     </MenuButton>
 */
import {
  Button,
  Menu as AriaMenu,
  MenuItem as AriaMenuItem,
  MenuTrigger,
  Popover,
} from 'react-aria-components';
import type { Key, MenuItemProps as AriaMenuItemProps } from 'react-aria-components';
import type { ReactNode } from 'react';
import './ui.css';

export interface MenuButtonProps {
  /** The button's visible text (or an icon with `ariaLabel`). */
  readonly label: ReactNode;
  readonly ariaLabel?: string;
  readonly children: ReactNode;
  readonly placement?: 'bottom start' | 'bottom end';
  readonly className?: string;
  /** A choice menu (e.g. the theme): the chosen item is checked (`menuitemradio`). */
  readonly selectedKey?: string;
  readonly onSelect?: (key: string) => void;
}

export function MenuButton({
  label,
  ariaLabel,
  children,
  placement = 'bottom start',
  className,
  selectedKey,
  onSelect,
}: MenuButtonProps) {
  const selection =
    selectedKey === undefined
      ? {}
      : {
          selectionMode: 'single' as const,
          selectedKeys: [selectedKey],
          disallowEmptySelection: true,
          onSelectionChange: (keys: 'all' | Set<Key>) => {
            if (keys === 'all') return;
            const [first] = [...keys];
            if (first !== undefined) onSelect?.(String(first));
          },
        };
  return (
    <MenuTrigger>
      <Button
        className={`ui-button ui-menu-button${className === undefined ? '' : ` ${className}`}`}
        {...(ariaLabel === undefined ? {} : { 'aria-label': ariaLabel })}
      >
        {label}
        <span aria-hidden="true" className="ui-chevron">
          ▾
        </span>
      </Button>
      <Popover placement={placement} className="ui-popover">
        <AriaMenu className="ui-menu" {...selection}>
          {children}
        </AriaMenu>
      </Popover>
    </MenuTrigger>
  );
}

export type MenuItemProps = AriaMenuItemProps & {
  /** Red text: the item deletes or revokes something. */
  readonly destructive?: boolean;
};

export function MenuItem({ destructive = false, className, children, ...props }: MenuItemProps) {
  const extra = typeof className === 'string' ? ` ${className}` : '';
  return (
    <AriaMenuItem
      {...props}
      className={`ui-menu-item${destructive ? ' ui-menu-item-danger' : ''}${extra}`}
    >
      {(state) => (
        <>
          {state.selectionMode === 'none' ? null : (
            <span className="ui-check" aria-hidden="true">
              {state.isSelected ? '✓' : ''}
            </span>
          )}
          {typeof children === 'function' ? children(state) : children}
        </>
      )}
    </AriaMenuItem>
  );
}
