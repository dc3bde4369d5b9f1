// PreviewForm is the markup every action form repeats: a heading, the
// inputs, what the chain says the action will do (or the module's refusal,
// which disables signing), and the sign button.
import type { ReactNode } from "react";
import { ErrorLine } from "./common";

export function PreviewForm({
  title,
  children,
  preview,
  refusal,
  submitLabel,
  submitTestId,
  canSubmit = true,
  busy = false,
  onSubmit,
}: {
  title?: ReactNode;
  children: ReactNode;
  preview?: ReactNode;
  refusal?: string;
  submitLabel: string;
  submitTestId?: string;
  canSubmit?: boolean;
  busy?: boolean;
  onSubmit(): void;
}) {
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {title && <h3>{title}</h3>}
      {children}
      {!refusal && preview}
      <ErrorLine error={refusal} />
      <button type="submit" disabled={busy || !canSubmit || !!refusal} data-testid={submitTestId}>
        {submitLabel}
      </button>
    </form>
  );
}
