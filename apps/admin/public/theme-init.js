// Apply the remembered theme before the first paint, so a dark-mode operator never sees a white flash.
// A file of its own, not an inline script: the Content-Security-Policy allows only same-origin scripts.
try {
  const theme = localStorage.getItem("lumen.theme") || "system";
  const dark = theme === "dark" || (theme === "system" && matchMedia("(prefers-color-scheme: dark)").matches);
  if (dark) document.documentElement.classList.add("dark");
} catch {}
