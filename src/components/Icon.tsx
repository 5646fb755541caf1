const PATHS = {
  // ▶ plays (the one plain triangle); a step is a triangle against a bar (▶|, |◀); the ends are two triangles against a bar.
  start: 'M1 3h2v10H1zM9 3v10L3 8zM15 3v10L9 8z',
  back: 'M3 3h2v10H3zM13 3v10L6 8z',
  play: 'M4 2v12l10-6z',
  pause: 'M4 3h3v10H4zM9 3h3v10H9z',
  forward: 'M3 3v10l7-5zM11 3h2v10h-2z',
  end: 'M1 3v10l6-5zM7 3v10l6-5zM13 3h2v10h-2z',
} as const;

export type IconName = keyof typeof PATHS;

/** A small inline icon (fonts on some machines lack the media-control glyphs). */
export function Icon({ name }: { name: IconName }) {
  return (
    <svg className="icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  );
}
