import type { ButtonHTMLAttributes, Ref } from 'react';
import { useCommandStatus } from '../../hooks/use-commands';

type Props = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type' | 'className'> & {
  variant?: 'primary' | 'secondary' | 'danger' | 'tertiary';
  small?: boolean;
  ref?: Ref<HTMLButtonElement>;
};

/**
 * A button that sends a command: disabled while a command is in flight so a double click cannot
 * send it twice. Only these buttons re-render when busy changes, not the rows around them.
 */
export function ActionButton({ variant = 'secondary', small = false, disabled, ...rest }: Props) {
  const { busy } = useCommandStatus();
  const className = `button button-${variant}${small ? ' button-small' : ''}`;
  return <button type="button" className={className} disabled={busy || disabled} {...rest} />;
}
