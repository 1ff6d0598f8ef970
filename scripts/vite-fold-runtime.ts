import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

/*
 * Folds rolldown's runtime chunk (its CommonJS interop helpers, about 0.6 KB) into the shell chunk,
 * so the first screen loads one script instead of two (docs/decisions/first-load-budget.md).
 *
 * Rolldown keeps the runtime in a file of its own whenever the chunk that would take it is a
 * `codeSplitting` group, as the shell is; no option moves it. So, after rolldown has written every
 * chunk: the runtime's code goes at the top of the shell (inside a function, so its names cannot
 * meet the shell's), the shell exports its helpers, every lazy chunk imports them from the shell
 * instead, and the runtime file, its <script> tag and its manifest entry go away. Anything in an
 * unexpected form fails the build rather than ship a chunk that imports a missing file.
 *
 * Hashes stay honest: the shell's name already depends on the runtime's (it imported it by its
 * hashed name), and a lazy chunk's new import names the shell, whose name it already depended on.
 */

const RUNTIME_NAME = 'rolldown-runtime';
const HOLDER = '__rolldown_runtime';

interface Chunk {
  type: 'chunk';
  fileName: string;
  name: string;
  code: string;
  imports: string[];
}
interface Asset {
  type: 'asset';
  fileName: string;
  source: string | Uint8Array;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `n as e,t` → [['n','e'],['t','t']] */
function specifiers(list: string): Array<[string, string]> {
  return list
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [imported, local = imported] = part.split(/\s+as\s+/);
      if (!imported || !/^[\w$]+$/.test(imported) || !/^[\w$]+$/.test(local ?? '')) {
        throw new Error(`fold-runtime: unexpected import specifier "${part}"`);
      }
      return [imported, local ?? imported];
    });
}

export function foldRuntimeChunk(): Plugin {
  let outDir = 'dist';
  let folded: { runtime: string; shell: string } | null = null;
  return {
    name: 'skyvern-fold-runtime-chunk',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    generateBundle(_options, bundle) {
      const files = Object.values(bundle) as Array<Chunk | Asset>;
      const chunks = files.filter((file): file is Chunk => file.type === 'chunk');
      const runtime = chunks.find((chunk) => chunk.name === RUNTIME_NAME);
      if (!runtime) return;
      // The shell: the one other script index.html loads (the `codeSplitting` group with the entry).
      const html = files.find((file): file is Asset => file.fileName === 'index.html');
      const scripts = [...String(html?.source ?? '').matchAll(/<script\b[^>]*src="\/([^"]+)"/g)]
        .map((match) => match[1])
        .filter((file) => file !== runtime.fileName);
      const shell = chunks.find((chunk) => chunk.fileName === scripts[0]);
      if (scripts.length !== 1 || !shell) {
        throw new Error(`fold-runtime: expected index.html to load one script besides the runtime`);
      }

      // The runtime is `var …;export{c as n,o as t};`: its body and what it exports.
      const exportMatch = /export\s*\{([^}]*)\};?\s*$/.exec(runtime.code);
      if (!exportMatch || /\bimport\b|\bexport\b/.test(runtime.code.slice(0, exportMatch.index))) {
        throw new Error('fold-runtime: the runtime chunk is not in the expected form');
      }
      const exported = specifiers(exportMatch[1] ?? '').map(([local, name]) => ({ local, name }));
      const body = runtime.code.slice(0, exportMatch.index);
      const holder =
        `var ${HOLDER}=(()=>{${body}return{${exported.map((e) => `${e.name}:${e.local}`).join(',')}}})()` +
        exported.map((e) => `,${HOLDER}_${e.name}=${HOLDER}.${e.name}`).join('') +
        ';';

      const runtimeBase = runtime.fileName.split('/').pop() ?? runtime.fileName;
      const shellBase = shell.fileName.split('/').pop() ?? shell.fileName;
      const importRe = new RegExp(
        `import\\s*\\{([^}]*)\\}\\s*from\\s*["']\\./${escape(runtimeBase)}["'];?`,
        'g',
      );
      const sideEffectImportRe = new RegExp(`import\\s*["']\\./${escape(runtimeBase)}["'];?`, 'g');

      for (const chunk of chunks) {
        if (chunk === runtime) continue;
        let code = chunk.code;
        if (chunk === shell) {
          let prelude = holder;
          code = code.replace(importRe, (_match, list: string) => {
            for (const [imported, local] of specifiers(list)) {
              prelude += `var ${local}=${HOLDER}_${imported};`;
            }
            return '';
          });
          code = code.replace(sideEffectImportRe, '');
          code =
            prelude + code + `export{${exported.map((e) => `${HOLDER}_${e.name}`).join(',')}};`;
        } else {
          code = code.replace(importRe, (_match, list: string) => {
            const renamed = specifiers(list).map(
              ([imported, local]) => `${HOLDER}_${imported} as ${local}`,
            );
            return `import{${renamed.join(',')}}from"./${shellBase}";`;
          });
          code = code.replace(sideEffectImportRe, '');
        }
        // Preload lists (`__vite__mapDeps`) name files from the site root.
        code = code.split(runtime.fileName).join(shell.fileName);
        if (code.includes(runtimeBase)) {
          throw new Error(`fold-runtime: ${chunk.fileName} still refers to ${runtimeBase}`);
        }
        chunk.code = code;
        chunk.imports = [
          ...new Set(
            chunk.imports.map((file) => (file === runtime.fileName ? shell.fileName : file)),
          ),
        ].filter((file) => file !== chunk.fileName);
      }

      for (const file of files) {
        if (file.type !== 'asset' || !file.fileName.endsWith('.html')) continue;
        const html = String(file.source);
        const tag = new RegExp(
          `\\s*<(?:script|link)\\b[^>]*["']/${escape(runtime.fileName)}["'][^>]*>(?:</script>)?`,
          'g',
        );
        file.source = html.replace(tag, '');
        if (String(file.source).includes(runtimeBase)) {
          throw new Error(`fold-runtime: ${file.fileName} still refers to ${runtimeBase}`);
        }
      }
      delete bundle[runtime.fileName];
      folded = { runtime: runtime.fileName, shell: shell.fileName };
    },
    writeBundle() {
      // Vite writes its manifest after generateBundle: drop the runtime from it once written.
      if (!folded) return;
      const path = resolve(outDir, '.vite/manifest.json');
      let manifest: Record<string, { file: string; imports?: string[] }>;
      try {
        manifest = JSON.parse(readFileSync(path, 'utf8')) as typeof manifest;
      } catch {
        return;
      }
      const runtimeKey = Object.keys(manifest).find(
        (key) => manifest[key]?.file === folded?.runtime,
      );
      if (!runtimeKey) return;
      const shellKey = Object.keys(manifest).find((key) => manifest[key]?.file === folded?.shell);
      delete manifest[runtimeKey];
      for (const [key, entry] of Object.entries(manifest)) {
        if (!entry.imports) continue;
        const imports = entry.imports
          .map((imported) => (imported === runtimeKey ? shellKey : imported))
          .filter((imported): imported is string => imported !== undefined && imported !== key);
        entry.imports = [...new Set(imports)];
      }
      writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`);
    },
  };
}
