import { type ButtonHTMLAttributes, memo, type Ref } from 'react';
import { useCommandStatus } from '../../hooks/use-commands';

type Props = Omit<
  ButtonHTMLAttributes<HTMLButtonElement>,
  'type' | 'className' | 'children' | 'aria-label' | 'title'
> & {
  /** A mirotone icon name: `icon-${icon}`. */
  icon: string;
  /** What the button does, as its accessible name and its tooltip. */
  label: string;
  /** Why it cannot be used now, shown as the tooltip while disabled. */
  disabledReason?: string;
  ref?: Ref<HTMLButtonElement>;
};

/**
 * A mirotone icon button: no visible text, so its name and its tooltip are the same words.
 * Compact in rows (`button-icon-small`); for buttons that do not change the breakout. Memoized:
 * a row that re-renders for a status change leaves its unchanged buttons alone.
 */
export const IconButton = memo(function IconButton({
  icon,
  label,
  disabledReason,
  disabled,
  ...rest
}: Props) {
  return (
    <button
      type="button"
      className={`button-icon button-icon-small icon-${icon}`}
      aria-label={label}
      title={disabled && disabledReason ? disabledReason : label}
      disabled={disabled}
      {...rest}
    />
  );
});

/** An icon button that sends a command: disabled while one is in flight (see ActionButton). */
export const CommandIconButton = memo(function CommandIconButton({ disabled, ...rest }: Props) {
  const { busy } = useCommandStatus();
  return <IconButton disabled={busy || disabled} {...rest} />;
});
