import { words } from './segment';

export interface IntentExamples {
  id: string;
  examples: readonly string[];
}

export interface Classification {
  /** The best intent, or `undefined` when nothing clears the threshold. */
  intent: string | undefined;
  /** Confidence of the best intent, 0–1. */
  confidence: number;
  /** The best-scoring intent even when under the threshold (for analytics and the simulator). */
  best: string | undefined;
}

interface Model {
  intents: { id: string; examples: Map<string, number>[] }[];
  weights: Map<string, number>;
  unknownWeight: number;
}

// Words that carry no intent: English function words and Thai polite particles/pronouns.
const STOP_WORDS = new Set([
  'a', 'an', 'the', 'i', 'im', "i'm", 'me', 'my', 'mine', 'you', 'your', 'we', 'our', 'it', 'its', 'is', 'are', 'am',
  'was', 'be', 'to', 'of', 'for', 'on', 'in', 'at', 'and', 'or', 'do', 'does', 'please', 'pls', 'can', 'could',
  'would', 'hi', 'hello', 'hey', 'there', 'just', 'so', 'some', 'this', 'that', 'with', 'about', 'want', 'like',
  'ค่ะ', 'คะ', 'ครับ', 'ครับผม', 'คับ', 'จ้า', 'จ้ะ', 'นะ', 'นะคะ', 'นะครับ', 'หน่อย', 'ฉัน', 'ผม', 'ดิฉัน', 'หนู', 'เรา',
  'คือ', 'ที่', 'และ', 'ของ', 'ได้ไหม', 'ไหม', 'มั้ย', 'อยาก', 'ขอ', 'ให้', 'ด้วย', 'สวัสดี', 'จะ', 'ก็', 'เลย',
]);

/**
 * A message that fits two intents equally well ("card" between "lost card" and "card
 * balance") is not a confident answer: at an exact tie confidence halves. The penalty falls
 * off steeply as the runner-up falls behind, so paraphrase-like intents ("internet down",
 * "slow internet") still route a clear winner.
 */
function tiePenalty(best: number, runnerUp: number): number {
  if (best <= 0 || runnerUp <= 0) return 0;
  return 0.5 * runnerUp * (runnerUp / best) ** 8;
}

const models = new WeakMap<readonly IntentExamples[], Model>();

/**
 * Classifies free text into one of the intents, from example utterances only. Thai and
 * English are tokenized with `Intl.Segmenter`; each intent scores its best example by
 * IDF-weighted word overlap (overlap coefficient), so a long message that contains an
 * example's key words still matches, and words shared by every intent count for little.
 * Confidence is the best intent's score, halved when another intent scores the same.
 *
 * @example classifyIntent('my card was stolen', [{ id: 'lost', examples: ['lost card', 'stolen card'] }], 0.5)
 */
export function classifyIntent(
  text: string,
  intents: readonly IntentExamples[],
  threshold: number,
): Classification {
  const model = modelFor(intents);
  const query = tokenize(text);
  const scores = model.intents.map((intent) => ({
    id: intent.id,
    score: Math.max(0, ...intent.examples.map((example) => similarity(query, example, model))),
  }));
  const ranked = scores.filter((entry) => entry.score > 0).sort((a, b) => b.score - a.score);
  const top = ranked[0];
  const raw = top ? top.score - tiePenalty(top.score, ranked[1]?.score ?? 0) : 0;
  const confidence = Math.round(raw * 1000) / 1000;
  return { intent: top && confidence >= threshold && confidence > 0 ? top.id : undefined, confidence, best: top?.id };
}

function modelFor(intents: readonly IntentExamples[]): Model {
  let model = models.get(intents);
  if (!model) {
    model = buildModel(intents);
    models.set(intents, model);
  }
  return model;
}

function buildModel(intents: readonly IntentExamples[]): Model {
  const built = intents.map((intent) => ({ id: intent.id, examples: intent.examples.map(tokenize) }));
  const documentFrequency = new Map<string, number>();
  for (const intent of built) {
    const vocabulary = new Set(intent.examples.flatMap((example) => [...example.keys()]));
    for (const word of vocabulary) documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
  }
  const count = Math.max(1, intents.length);
  const weights = new Map<string, number>();
  for (const [word, df] of documentFrequency) weights.set(word, Math.log(1 + count / df));
  return { intents: built, weights, unknownWeight: Math.log(1 + count) };
}

function tokenize(text: string): Map<string, number> {
  const tokens = new Map<string, number>();
  for (const word of words(text)) {
    if (STOP_WORDS.has(word)) continue;
    const stem = stemEnglish(word);
    tokens.set(stem, (tokens.get(stem) ?? 0) + 1);
  }
  return tokens;
}

/** Folds the commonest English inflections so "cards"/"card", "stolen"/"stole" meet. */
function stemEnglish(word: string): string {
  if (!/^[a-z']+$/.test(word) || word.length <= 3) return word;
  if (word.endsWith("'s")) return word.slice(0, -2);
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('ing') && word.length > 5) return word.slice(0, -3);
  if (word.endsWith('ed') && word.length > 4) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

function similarity(query: Map<string, number>, example: Map<string, number>, model: Model): number {
  if (query.size === 0 || example.size === 0) return 0;
  const weight = (word: string) => model.weights.get(word) ?? model.unknownWeight;
  let shared = 0;
  let queryWeight = 0;
  for (const word of query.keys()) {
    const w = weight(word);
    queryWeight += w;
    if (example.has(word)) shared += w;
  }
  let exampleWeight = 0;
  for (const word of example.keys()) exampleWeight += weight(word);
  return shared / Math.min(queryWeight, exampleWeight);
}
