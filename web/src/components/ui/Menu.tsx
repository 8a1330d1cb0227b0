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
import type { MenuItemProps as AriaMenuItemProps } from 'react-aria-components';
import type { ReactNode } from 'react';
import './ui.css';

export interface MenuButtonProps {
  /** The button's visible text (or an icon with `ariaLabel`). */
  readonly label: ReactNode;
  readonly ariaLabel?: string;
  readonly children: ReactNode;
  readonly placement?: 'bottom start' | 'bottom end';
  readonly className?: string;
}

export function MenuButton({
  label,
  ariaLabel,
  children,
  placement = 'bottom start',
  className,
}: MenuButtonProps) {
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
        <AriaMenu className="ui-menu">{children}</AriaMenu>
      </Popover>
    </MenuTrigger>
  );
}

export type MenuItemProps = AriaMenuItemProps & {
  /** Red text: the item deletes or revokes something. */
  readonly destructive?: boolean;
};

export function MenuItem({ destructive = false, className, ...props }: MenuItemProps) {
  const extra = typeof className === 'string' ? ` ${className}` : '';
  return (
    <AriaMenuItem
      {...props}
      className={`ui-menu-item${destructive ? ' ui-menu-item-danger' : ''}${extra}`}
    />
  );
}
