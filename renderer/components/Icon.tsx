// A few line icons, drawn inline so they inherit the text colour.
const paths = {
  sidebar: 'M3.5 4.5h13a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1h-13a1 1 0 0 1-1-1v-9a1 1 0 0 1 1-1zM7.5 4.5v11',
  plus: 'M10 4.5v11M4.5 10h11',
  warning: 'M10 3.5 17.5 16.5h-15zM10 8.5v3.5M10 14.2v.3',
  close: 'M5.5 5.5l9 9M14.5 5.5l-9 9',
  chevron: 'M7.5 5l5 5-5 5',
  settings: 'M3.5 6.5h7M14.5 6.5h2M3.5 13.5h2M9.5 13.5h7M12.5 4.5v4M7.5 11.5v4',
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg className="icon" viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
      <path d={paths[name]} fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
