/**
 * Words for comparing short English texts (captions, titles, link texts):
 * lower-cased, split on anything that is not a letter or digit, lightly
 * stemmed, without stop words.
 */

const STOP = new Set(
  'a an the of for in on at to from by with and or as is are be its it this that these those via into about your you we our their how what which'.split(' '),
);

/** A light English stemmer: plurals and -ing/-ed/-ion forms fold together ("Deleting", "deletion", "deleted" → "delet"). */
export function stem(word: string): string {
  let w = word.toLowerCase();
  if (w.length <= 3) return w;
  if (/ies$/.test(w)) w = w.slice(0, -3) + 'y';
  else if (/(?:ss|us|x|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (/[^su]s$/.test(w)) w = w.slice(0, -1);
  if (w.length > 5 && /ing$/.test(w)) w = w.slice(0, -3);
  else if (w.length > 5 && /ion$/.test(w)) w = w.slice(0, -3);
  else if (w.length > 4 && /ed$/.test(w)) w = w.slice(0, -2);
  if (w.length > 4 && /e$/.test(w)) w = w.slice(0, -1);
  return w;
}

/** Split camelCase and PascalCase (`NotificationUsers` → `Notification Users`) before tokenising. */
function uncamel(text: string): string {
  return text.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2');
}

/** The content words of `text`, stemmed, in order, stop words removed. */
export function words(text: string): string[] {
  return uncamel(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '' && !STOP.has(w.toLowerCase()))
    .map(stem);
}

/** The set of content words of `text`. */
export function wordSet(text: string): Set<string> {
  return new Set(words(text));
}
