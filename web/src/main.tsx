import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { AppProvider } from "./state";
import { App } from "./App";
import "./styles.css";

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <AppProvider>
      <App />
    </AppProvider>
  </StrictMode>,
);
