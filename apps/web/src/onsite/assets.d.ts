/** Vite's `?url` imports: the built asset's public URL. */
declare module '*.css?url' {
  const url: string;
  export default url;
}
