// Vite's types for what the bundler resolves: CSS imported beside a component, import.meta.env.
/// <reference types="vite/client" />
