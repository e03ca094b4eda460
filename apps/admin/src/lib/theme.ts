import { useSyncExternalStore } from "react";

/** Light, dark or follow the system; remembered in localStorage and applied as the `dark` class on <html>. */
export type Theme = "light" | "dark" | "system";

const STORAGE_KEY = "lumen.theme";
const listeners = new Set<() => void>();
const media = typeof window === "undefined" ? null : window.matchMedia("(prefers-color-scheme: dark)");

function read(): Theme {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === "light" || saved === "dark" || saved === "system") return saved;
  } catch {
    // fall through to system
  }
  return "system";
}

let theme: Theme = read();

export function resolvedTheme(t: Theme = theme): "light" | "dark" {
  if (t === "system") return media?.matches ? "dark" : "light";
  return t;
}

function apply(): void {
  document.documentElement.classList.toggle("dark", resolvedTheme() === "dark");
  for (const listener of listeners) listener();
}

media?.addEventListener("change", () => {
  if (theme === "system") apply();
});

export function setTheme(next: Theme): void {
  theme = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // applied for this visit only
  }
  apply();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const snapshot = () => `${theme}:${resolvedTheme()}`;

export function useTheme(): { theme: Theme; resolved: "light" | "dark" } {
  const value = useSyncExternalStore(subscribe, snapshot, snapshot);
  const [t, resolved] = value.split(":") as [Theme, "light" | "dark"];
  return { theme: t, resolved };
}
