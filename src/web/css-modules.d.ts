/** CSS modules (Vite): class names by their name in the file. */
declare module '*.module.css' {
  const classes: Record<string, string>;
  export default classes;
}
