import { type ReactNode, Suspense, useCallback, useState } from 'react';

type Props = {
  title: string;
  /** One line on what is inside, shown while it is folded. */
  hint: string;
  /** Rendered only once opened: on-demand tools download when someone wants them. */
  children: () => ReactNode;
};

/** One tool out of the main path, folded away until opened (a native disclosure). */
export function Disclosure({ title, hint, children }: Props) {
  const [open, setOpen] = useState(false);
  const toggle = useCallback(
    (event: React.SyntheticEvent<HTMLDetailsElement>) => setOpen(event.currentTarget.open),
    [],
  );
  return (
    <details className="disclosure" onToggle={toggle}>
      <summary>
        <span className={`icon icon-${open ? 'arrow-down' : 'arrow-right'}`} aria-hidden="true" />
        <span className="disclosure-title">{title}</span>
        <span className="p-small disclosure-hint">{hint}</span>
      </summary>
      {open && (
        <div className="disclosure-body">
          <Suspense fallback={<p role="status">Loading {title.toLowerCase()}…</p>}>
            {children()}
          </Suspense>
        </div>
      )}
    </details>
  );
}
