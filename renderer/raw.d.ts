// Vite's `?raw` imports: the file's text as a string (the theme CSS for the preview).
declare module '*?raw' {
  const text: string;
  export default text;
}
