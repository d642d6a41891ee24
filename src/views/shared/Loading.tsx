/** What a panel shows while a screen it needs is still downloading (see the `lazy` views). */
export const loading = (
  <p role="status" className="panel-body status-text">
    Loading…
  </p>
);
