const PATHS = {
  start: 'M4 3h2v10H4zM14 3v10L7 8z',
  back: 'M12 3v10L5 8z',
  play: 'M5 3v10l8-5z',
  pause: 'M4 3h3v10H4zM9 3h3v10H9z',
  forward: 'M4 3v10l7-5z',
  end: 'M2 3v10l7-5zM10 3h2v10h-2z',
  playAll: 'M2 3v10l6-5zM8 3v10l6-5z',
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
