// Inline styles of the governance screen's own controls (the app's
// stylesheet styles inputs and buttons, not textareas nor small buttons).
import type { CSSProperties } from "react";

export const TEXTAREA: CSSProperties = {
  font: "inherit",
  color: "var(--text)",
  background: "var(--bg)",
  border: "1px solid var(--line)",
  borderRadius: 6,
  padding: "0.45rem 0.6rem",
  resize: "vertical",
};

/** SMALL_BUTTON is a comment's Reply, Edit and Retract: secondary, compact. */
export const SMALL_BUTTON: CSSProperties = { minHeight: "1.8rem", padding: "0.15rem 0.55rem", background: "var(--line)", color: "var(--text)", fontWeight: 500 };
