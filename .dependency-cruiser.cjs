/**
 * Layer rules for dependency-cruiser, read from the table in docs/architecture.md (its "may
 * import" column), so the documented table is the one source of the rules. `npm run lint:layers`
 * runs it; tests/scripts/layers.test.ts checks that a bad import is caught.
 */
const swc = require('@swc/core');
const { layerTable } = require('./scripts/layers.cjs');

// TypeScript 7 has no JS API, so dependency-cruiser parses with swc; its swc parser does not turn
// on TSX for .tsx files (a TODO in dependency-cruiser's src/extract/swc/parse.mjs). It loads the
// same @swc/core module object as this require, so the option is added here, by extension.
const parseFileSync = swc.parseFileSync;
swc.parseFileSync = (file, options) => parseFileSync(file, { ...options, tsx: /\.tsx$/.test(file) });

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A folder as a path pattern (`src/main.tsx` is a file). */
const pattern = (folder) => (/\.[a-z]+$/.test(folder) ? `^${escape(folder)}$` : `^${escape(folder)}/`);

const layers = layerTable();
/** Pure layers: no package at all (no React, DOM library, DuckDB or Node module). */
const PURE = ['src/domain', 'src/util'];

module.exports = {
  forbidden: [
    ...layers.map(({ folder, allowed }) => ({
      name: `layer:${folder}`,
      comment: `${folder} may import only ${allowed.join(', ') || 'itself'} (docs/architecture.md)`,
      severity: 'error',
      from: { path: pattern(folder) },
      to: { path: '^(src|cli)/', pathNot: [folder, ...allowed].map(pattern) },
    })),
    ...PURE.map((folder) => ({
      name: `pure:${folder}`,
      comment: `${folder} is pure TS: no package (docs/architecture.md)`,
      severity: 'error',
      from: { path: pattern(folder) },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'core'] },
    })),
  ],
  options: {
    parser: 'swc',
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^dist/', '^public/'] },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.json'] },
  },
};
