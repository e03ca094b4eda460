import { backButton, mainButton } from "@tma.js/sdk-react";
import { useEffect, useRef } from "react";

/**
 * Telegram's back button while the page is shown: `onBack` runs on a tap; hidden again when the
 * page goes away (the official template's Page component, as a hook).
 */
export function useBackButton(onBack: () => void): void {
  const latest = useRef(onBack);
  latest.current = onBack;
  useEffect(() => {
    if (!backButton.isMounted()) return;
    backButton.show();
    const off = backButton.onClick(() => latest.current());
    return () => {
      off();
      backButton.hide();
    };
  }, []);
}

export type MainButtonOptions = { text: string; onClick: () => void; enabled?: boolean; loading?: boolean };

/**
 * Telegram's main button (the checkout button) while the page is shown; hidden when it goes away.
 * Returns false outside Telegram, where the page draws a button of its own.
 */
export function useMainButton({
  text,
  onClick,
  enabled = true,
  loading = false,
}: MainButtonOptions): boolean {
  const latest = useRef(onClick);
  latest.current = onClick;
  useEffect(() => {
    if (!mainButton.isMounted()) return;
    const off = mainButton.onClick(() => latest.current());
    return () => {
      off();
      mainButton.setParams({ isVisible: false, isLoaderVisible: false });
    };
  }, []);
  useEffect(() => {
    if (!mainButton.isMounted()) return;
    mainButton.setParams({ text, isVisible: true, isEnabled: enabled && !loading, isLoaderVisible: loading });
  }, [text, enabled, loading]);
  return mainButton.isMounted();
}
