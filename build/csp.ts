import type { Plugin } from 'vite';

/**
 * The page's Content-Security-Policy: scripts, styles, workers, fetches and images only from the app's own origin
 * (`blob:` for the workers and images the app makes itself, `data:` images for the inline favicon and chart
 * exports), WebAssembly compilation allowed (DuckDB, the checksum) but no `eval`, no plugins, no `<base>`. The same
 * text is documented as an HTTP header in README.md ("Deployment"); a test reads it from there.
 */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'none'",
] as const;

export const CSP = CSP_DIRECTIVES.join('; ');

/**
 * Put the policy into the built index.html as a `<meta http-equiv>` (after the charset, before any script), so it
 * holds on any static host. Build only: the dev server injects inline scripts (React refresh) that it would block.
 */
export function cspPlugin(): Plugin {
  return {
    name: 'pantau-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      // Right after the charset declaration, before every script and stylesheet.
      handler: (html) => {
        const charset = /<meta charset="UTF-8"\s*\/?>/i;
        if (!charset.test(html))
          throw new Error('index.html: no <meta charset="UTF-8"> to put the CSP after');
        return html.replace(
          charset,
          (m) => `${m}\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`,
        );
      },
    },
  };
}
