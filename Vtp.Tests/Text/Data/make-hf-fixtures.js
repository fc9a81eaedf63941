// Writes the HF-tokenizer fixtures of the Vtp.Tests.Text tests: hf-random-captions.json and hf-unicode-classes.json.
// Needs Node and the npm package @anush008/tokenizers 0.6.0 (a build of the HF `tokenizers` Rust library):
//   npm install @anush008/tokenizers@0.6.0 && node make-hf-fixtures.js path/to/bert-base-uncased-vocab.txt
// The tokenizer is configured as bert-base-uncased's tokenizer.json (BertNormalizer with lowercase and CJK
// handling, BertPreTokenizer, WordPiece with [UNK] and 100 chars per word, [CLS]/[SEP] template, WordPiece decoder).
const { Tokenizer } = require('@anush008/tokenizers');
const fs = require('fs');

const lines = fs.readFileSync(process.argv[2], 'utf8').split('\n');
if (lines[lines.length - 1] === '') lines.pop();
const vocab = {};
lines.forEach((token, id) => { vocab[token] = id; });
const special = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'];
const tokenizer = Tokenizer.fromString(JSON.stringify({
  version: '1.0', truncation: null, padding: null,
  added_tokens: special.map(content => ({ id: vocab[content], content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true })),
  normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
  pre_tokenizer: { type: 'BertPreTokenizer' },
  post_processor: {
    type: 'TemplateProcessing',
    single: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } }],
    pair: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } },
      { Sequence: { id: 'B', type_id: 1 } }, { SpecialToken: { id: '[SEP]', type_id: 1 } }],
    special_tokens: { '[CLS]': { id: '[CLS]', ids: [vocab['[CLS]']], tokens: ['[CLS]'] }, '[SEP]': { id: '[SEP]', ids: [vocab['[SEP]']], tokens: ['[SEP]'] } },
  },
  decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
  model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab },
}));

// Every code point c in the context "a" + c + "b", as a class letter, run-length encoded ("<first hex><class>").
function unicodeClasses() {
  const normalizer = tokenizer.getNormalizer();
  const preTokenizer = tokenizer.getPreTokenizer();
  const runs = [];
  let previous = null;
  for (let cp = 0; cp <= 0x10FFFF; cp++) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    const c = String.fromCodePoint(cp);
    const normalized = normalizer.normalizeString('a' + c + 'b');
    const words = preTokenizer.preTokenizeString(normalized).map(w => w[0]);
    let cls;
    if (normalized === 'ab') cls = 'R';
    else if (normalized === 'a b' && words.length === 2) cls = 'W';
    else if (words.length === 1) cls = normalized === 'a' + c + 'b' ? 'K' : 'N';
    else if (words.length === 3 && normalized.startsWith('a ') && normalized.endsWith(' b')) cls = 'C';
    else if (words.length === 3 && !normalized.includes(' ')) cls = 'P';
    else throw new Error('unclassified U+' + cp.toString(16) + ': ' + JSON.stringify([normalized, words]));
    if (cls !== previous) runs.push(cp.toString(16).toUpperCase() + cls);
    previous = cls;
  }
  return {
    source: 'HF tokenizers (Rust core, npm @anush008/tokenizers 0.6.0) configured as bert-base-uncased',
    context: 'each code point c (surrogates excepted) normalised and pre-tokenised in the text "a" + c + "b"',
    classes: {
      R: 'removed, or stripped as an accent: "ab"',
      W: 'whitespace: "a b", two words',
      K: 'kept unchanged inside the word "acb"',
      N: 'kept inside one word, but changed (lower-cased or decomposed)',
      C: 'CJK ideograph: spaced, three words',
      P: 'punctuation: three words, no spaces',
    },
    runs: runs.join(' '),
  };
}

// Random captions mixing words, accents, CJK, punctuation, controls, special tokens, long words and random code points.
async function randomCaptions(count) {
  let seed = 7;
  const random = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
  const pick = items => items[Math.floor(random() * items.length)];
  const words = ['a', 'man', 'is', 'playing', 'guitar', 'Café', 'naïve', 'Zürich', 'HuggingFace', 'GPU', "don't", "it's",
    'ÉCOLE', 'straße', 'İstanbul', 'Ωμέγα', 'ΣΊΣΥΦΟΣ', 'Москва', '東京', '北京大学', 'ㄱㄴ', 'ﬁne', '①', '½', '😀', '𐐀x',
    '[MASK]', '[CLS]', '[SEP]', '[PAD]', '[UNK]', '[mask]', '[MASK', 'x[MASK]y', '...', '?!', '$5', '#hash', '@you', 'e-mail',
    'a\u0301b', 'n\u0303', '\u200bzero', 'tab\there', 'line\nbreak', 'nb\u00a0sp', '\u0000nul', 'bad\ufffd', 'ctl\u0007',
    'x'.repeat(101), 'é'.repeat(60), 'antidisestablishmentarianism', '1234567', '3.14',
    'U.S.A.', 'Ph.D', '—dash—', '«quote»', '“smart”', '¿qué?', 'ǅemal', 'ℌilbert', 'Ⅻ', '\uFFFE', '\u{11938}', '\uE000pua'];
  const randomChar = () => {
    let cp;
    do { cp = Math.floor(random() * 0x3000); } while (cp >= 0xD800 && cp <= 0xDFFF);
    return String.fromCodePoint(cp);
  };
  const caption = () => {
    let text = '';
    for (let n = 1 + Math.floor(random() * 10); n > 0; n--) {
      text += (random() < 0.1 ? randomChar() + randomChar() : pick(words)) + pick([' ', ' ', ' ', '', '  ', ', ', '. ']);
    }
    return text;
  };
  const cases = [];
  for (let i = 0; i < count; i++) {
    const text = caption();
    const pair = random() < 0.4 ? caption() : null;
    const maxLength = random() < 0.5 ? (pair ? 3 : 2) + Math.floor(random() * 12) : null;
    if (maxLength) tokenizer.setTruncation(maxLength); else tokenizer.disableTruncation();
    const encoding = await tokenizer.encode(text, pair);
    const item = { text };
    if (pair !== null) item.pair = pair;
    if (maxLength) item.maxLength = maxLength;
    item.ids = encoding.getIds();
    item.typeIds = encoding.getTypeIds();
    item.decoded = await tokenizer.decode(encoding.getIds(), true);
    cases.push(item);
  }
  return cases;
}

(async () => {
  fs.writeFileSync('hf-unicode-classes.json', JSON.stringify(unicodeClasses(), null, 1) + '\n');
  fs.writeFileSync('hf-random-captions.json', JSON.stringify(await randomCaptions(400)) + '\n');
})();
