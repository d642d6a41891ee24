/** What a panel shows while a view it needs is still downloading (see the `lazy` views). */
export const loading = <p className="status-text">Loading…</p>;
