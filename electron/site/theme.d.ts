// Vite (electron-vite and vitest) imports a file's text with the ?raw suffix.
declare module '*.css?raw' {
  const text: string;
  export default text;
}
declare module '*.svg?raw' {
  const text: string;
  export default text;
}
