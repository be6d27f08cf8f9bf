import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// type-graphql reads decorator metadata, which esbuild (vitest's default
// transform) does not emit; swc compiles the tests as tsc would.
export default defineConfig({
  plugins: [swc.vite({ module: { type: 'es6' } })],
  resolve: {
    // graphql 16 ships CJS (`main`) and ESM (`module`) builds. Node, and so
    // Apollo and type-graphql, load the CJS one; vite would give our sources
    // the ESM one, and objects of two copies fail each other's instanceof
    // checks. Pin every import to the copy Node loads.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    allowOnly: false,
  },
});
