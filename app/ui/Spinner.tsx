/** A small spinning ring beside a busy button's label; the label itself says what is going on. */
export function Spinner() {
  return <span className="spinner" aria-hidden="true" />;
}
