"use client";

import * as React from "react";
import { ThemeProvider as NextThemesProvider, type ThemeProviderProps } from "next-themes";

/*
 * next-themes 0.4.6 renders an inline <script> (run from the server HTML to
 * set the theme class before paint). When the provider is ever mounted on the
 * client instead of hydrated, React 19.2 logs "Encountered a script tag while
 * rendering React component" in development. React skips that warning for
 * data-block scripts, so on the client we mark the script as JSON: a
 * client-created script never runs anyway, and hydration keeps the server's
 * attributes (next-themes sets suppressHydrationWarning on it). On the server
 * the script keeps its default type and runs as before.
 */
const clientScriptProps: ThemeProviderProps["scriptProps"] =
  typeof window === "undefined" ? undefined : { type: "application/json" };

/*
 * No `disableTransitionOnChange`: next-themes applies it on mount too, inserting and then
 * removing a `* { transition: none !important }` stylesheet on every page load (twice with the
 * system theme), which costs two style recalculations of the whole document during start-up
 * (docs/decisions/008-performance.md). The theme menu, the one place the theme is changed, turns
 * transitions off around its own change instead (components/theme-toggle-dropdown.tsx).
 */
function ThemeProvider({ children, ...props }: ThemeProviderProps) {
  return (
    <NextThemesProvider
      attribute="class"
      defaultTheme="system"
      enableSystem
      scriptProps={clientScriptProps}
      {...props}
    >
      {children}
    </NextThemesProvider>
  );
}

export { ThemeProvider };
