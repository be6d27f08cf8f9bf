import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// type-graphql reads decorator metadata, which esbuild (vitest's default
// transform) does not emit; swc compiles the tests as tsc would.
export default defineConfig({
  plugins: [swc.vite({ module: { type: 'es6' } })],
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    allowOnly: false,
  },
});
