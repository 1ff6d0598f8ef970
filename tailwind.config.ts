import type { Config } from 'tailwindcss';

// Tailwind v4 reads this through `@config` in src/index.css. Theme tokens live here so that
// design decisions sit in one typed file rather than scattered across CSS.
export default {
  content: ['./index.html', './src/**/*.{ts,tsx}'],
  theme: {
    extend: {
      colors: {
        brand: {
          50: '#eef4ff',
          100: '#dbe6fe',
          500: '#3b6df6',
          600: '#2553e0',
          700: '#1d42b5',
          800: '#1c3a8f',
        },
      },
      fontFamily: {
        sans: [
          'Inter',
          'ui-sans-serif',
          'system-ui',
          '-apple-system',
          'Segoe UI',
          'Roboto',
          'sans-serif',
        ],
        mono: ['ui-monospace', 'SFMono-Regular', 'Menlo', 'Consolas', 'monospace'],
      },
    },
  },
} satisfies Config;
