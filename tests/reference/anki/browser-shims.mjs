// genanki-js imports file-saver for the browser download at the end of writeToFile. Under node
// that module has no named ES export; this hook gives genanki-js a no-op saveAs (what file-saver
// itself is outside a browser), since the script writes the package file itself.
import { register } from "node:module";

register("data:text/javascript," + encodeURIComponent(`
export async function resolve(specifier, context, next) {
  if (specifier === "file-saver") {
    return { url: "data:text/javascript,export function saveAs() {}", shortCircuit: true };
  }
  return next(specifier, context);
}`));
