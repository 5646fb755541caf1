import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Relative base so the built folder works from any path.
export default defineConfig({
  base: './',
  plugins: [react()],
  build: { target: 'es2022', sourcemap: false },
});
