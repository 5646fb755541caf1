import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Keeps only the woff2 source of every @font-face `src` list that has one (KaTeX's CSS
 * lists woff2, woff and ttf). Runs before Vite's CSS plugin, so the .woff and .ttf files
 * are never referenced and never emitted. Every browser the build targets reads woff2.
 */
export function woff2OnlyFonts(): Plugin {
  const fontFace = /@font-face\s*\{[^}]*\}/g;
  const srcDecl = /(\bsrc\s*:\s*)([^;}]+)/g;
  return {
    name: 'backprop:woff2-only-fonts',
    enforce: 'pre',
    transform: {
      filter: { id: /\.css(\?.*)?$/ },
      handler(code) {
        if (!code.includes('@font-face')) return null;
        const out = code.replace(fontFace, (block) =>
          block.replace(srcDecl, (decl, head: string, list: string) => {
            // Split the list at commas outside url(…)/format(…) parentheses.
            const items: string[] = [];
            let depth = 0;
            let start = 0;
            for (let i = 0; i < list.length; i++) {
              const ch = list[i];
              if (ch === '(') depth++;
              else if (ch === ')') depth--;
              else if (ch === ',' && depth === 0) {
                items.push(list.slice(start, i).trim());
                start = i + 1;
              }
            }
            items.push(list.slice(start).trim());
            const woff2 = items.filter((s) => /\.woff2\b|format\(\s*["']?woff2/i.test(s));
            return woff2.length > 0 && woff2.length < items.length ? `${head}${woff2.join(',')}` : decl;
          }),
        );
        return out === code ? null : { code: out, map: null };
      },
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [woff2OnlyFonts(), react()],
  build: {
    // ES2022 is what the code is written in (tsconfig target); no down-levelling, no legacy helpers.
    target: 'es2022',
    // The modulepreload polyfill only matters for browsers without <link rel="modulepreload">;
    // those still load every chunk, just without the early fetch.
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
});
