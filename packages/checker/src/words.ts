/**
 * Words for comparing short English texts (captions, titles, link texts):
 * lower-cased, split on anything that is not a letter or digit, lightly
 * stemmed, without stop words.
 */

const STOP = new Set(
  'a an the of for in on at to from by with and or as is are be its it this that these those via into about your you we our their how what which'.split(' '),
);

/**
 * A light English stemmer: plurals and -ing/-ed/-ion/-ation forms fold
 * together ("Deleting", "deletion", "deleted" → "delet"; "Configuring",
 * "configuration" → "configur").
 */
/** `make(key)`, remembered in `memo`, which is emptied when it holds 50,000 entries (so it stays bounded). */
function remember<V>(memo: Map<string, V>, key: string, make: (key: string) => V): V {
  let v = memo.get(key);
  if (v === undefined) {
    if (memo.size >= 50_000) memo.clear();
    memo.set(key, (v = make(key)));
  }
  return v;
}

/** The same few thousand words come back on every page. */
const stems = new Map<string, string>();

export function stem(word: string): string {
  return remember(stems, word, stemOf);
}

function stemOf(word: string): string {
  let w = word.toLowerCase();
  if (w.length <= 3) return w;
  if (/ies$/.test(w)) w = w.slice(0, -3) + 'y';
  else if (/(?:ss|us|x|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (/[^su]s$/.test(w)) w = w.slice(0, -1);
  if (w.length > 5 && /ing$/.test(w)) w = w.slice(0, -3);
  else if (w.length > 9 && /ation$/.test(w)) w = w.slice(0, -5);
  else if (w.length > 5 && /ion$/.test(w)) w = w.slice(0, -3);
  else if (w.length > 4 && /ed$/.test(w)) w = w.slice(0, -2);
  if (w.length > 4 && /e$/.test(w)) w = w.slice(0, -1);
  return w;
}

/** Split camelCase and PascalCase (`NotificationUsers` → `Notification Users`) before tokenising. */
function uncamel(text: string): string {
  return text.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z]{2,})/g, '$1 $2');
}

/** The content words of `text` as written, in order, stop words removed. */
function rawWords(text: string): readonly string[] {
  return remember(raw, text, rawWordsOf);
}

/** Titles and link texts come back for every reference to them. */
const raw = new Map<string, readonly string[]>();

function rawWordsOf(text: string): readonly string[] {
  return uncamel(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((x) => x !== '' && !STOP.has(x.toLowerCase()));
}

/** The content words of `text`, stemmed, in order, stop words removed. */
export function words(text: string): string[] {
  return rawWords(text).map(stem);
}

/** The set of content words of `text`. */
export function wordSet(text: string): Set<string> {
  return new Set(words(text));
}

/** A page title's content words, without repeats (`Page.titleWords`; none without a title). */
export function titleWordsOf(title: string | undefined): string[] {
  return title === undefined ? [] : [...wordSet(title)];
}

/**
 * The stems of `text`, with each upper-case abbreviation ("CTS", "VPCs")
 * replaced by the stems of the words of `other` it abbreviates ("Cloud Trace
 * Service"), when `other` has them in a row.
 */
function expanded(text: string, other: string): Set<string> {
  const theirs = rawWords(other);
  const initials = theirs.map((w) => w.charAt(0).toLowerCase()).join('');
  const out = new Set<string>();
  for (const w of rawWords(text)) {
    const ac = /^([A-Z]{2,6})s?$/.exec(w)?.[1]?.toLowerCase();
    const at = ac ? initials.indexOf(ac) : -1;
    if (ac && at >= 0 && !theirs.some((t) => t.toLowerCase() === ac)) {
      for (const t of theirs.slice(at, at + ac.length)) out.add(stem(t));
    } else out.add(stem(w));
  }
  return out;
}

/**
 * How much two short texts (a link text and a title) say the same: the Dice
 * coefficient 2·w(A∩B) / (w(A)+w(B)) of their word sets — words
 * lower-cased, lightly stemmed, stop words removed, abbreviations matched to
 * the words they stand for — where `weight` says how much a word counts
 * (default 1 each; see `titleWeights`). 1 when either side has no words.
 */
export function similarity(a: string, b: string, weight: (word: string) => number = () => 1): number {
  const sa = expanded(a, b);
  const sb = expanded(b, a);
  if (sa.size === 0 || sb.size === 0) return 1;
  let shared = 0;
  let total = 0;
  for (const w of sa) {
    total += weight(w);
    if (sb.has(w)) shared += 2 * weight(w);
  }
  for (const w of sb) total += weight(w);
  return total === 0 ? 1 : shared / total;
}

/**
 * Inverse document frequency of the words of a set of titles, as a weight
 * function: a word in every title ("Querying", "Creating", "Tracker" in a
 * tracker manual) weighs little, a word in one title weighs most, a word in
 * none weighs as much as the rarest. log(1 + N/df).
 */
export function titleWeights(titles: Iterable<string>): (word: string) => number {
  return wordWeights([...titles].map(wordSet));
}

/**
 * `titleWeights` from each title's set of content words (`wordSet`), e.g. as stored with a page's
 * light scan: a pre-commit run then counts the words of its project's 1,250 titles instead of
 * stemming them again (~8 ms of the run).
 */
export function wordWeights(titleWords: Iterable<Iterable<string>>): (word: string) => number {
  const df = new Map<string, number>();
  let n = 0;
  for (const set of titleWords) {
    n++;
    for (const w of set) df.set(w, (df.get(w) ?? 0) + 1);
  }
  const max = Math.log(1 + Math.max(n, 1));
  return (w) => {
    const d = df.get(w);
    return d ? Math.log(1 + n / d) : max;
  };
}
