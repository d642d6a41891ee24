import type { InputHTMLAttributes } from 'react';

/** The whole number typed, or null when the text is not one from `min` to `max`. */
export function wholeNumberIn(text: string, min: number, max = Number.POSITIVE_INFINITY) {
  const value = Number(text);
  const whole = text.trim() !== '' && Number.isInteger(value);
  return whole && value >= min && value <= max ? value : null;
}

type Props = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'type' | 'value' | 'onChange' | 'min' | 'max' | 'step'
> & {
  value: string;
  onText: (text: string) => void;
  min: number;
  max?: number;
  invalid: boolean;
};

/**
 * A Mirotone field for a whole number: what was typed is kept as text (so a half-typed value is
 * not thrown away), and the caller says whether it is valid (wholeNumberIn).
 */
export function WholeNumberInput({
  value,
  onText,
  min,
  max,
  invalid,
  className = 'input input-small',
  ...rest
}: Props) {
  return (
    <input
      {...rest}
      className={className}
      type="number"
      inputMode="numeric"
      min={min}
      max={max}
      step={1}
      value={value}
      aria-invalid={invalid}
      onChange={(event) => onText(event.target.value)}
    />
  );
}
