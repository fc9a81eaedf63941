// Writes the HF-tokenizer fixtures of the Vtp.Tests.Text tests: hf-random-captions.json, hf-unicode-classes.json and
// hf-named-cases.json.
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

// Named inputs: the cases where Microsoft.ML.Tokenizers' BertTokenizer and HF part ways (issue 13), the accents that
// need NFD without ICU, decoding, and more of the same kinds; then pairs and truncation. Offsets are converted from
// HF's code points to UTF-16 units, the unit of .NET strings.
const namedInputs = [
  ['emoji', 'I love pizza \u{1F355} so much!'],
  ['letter number Nl', 'Chapter \u216B begins'],
  ['vulgar fraction No', 'add \u00BD cup'],
  ['superscript No', 'E = mc\u00B2'],
  ['tab inside text', 'tab\tseparated'],
  ['newline inside text', 'line one\nline two'],
  ['dollar plus equals', '$5 + $3 = $8'],
  ['tilde degree copyright', '~20\u00B0C \u00A92024'],
  ['zero-width space inside a word', 'zero\u200Bwidth'],
  ['zero-width joiner inside a word', 'family\u200Dtime'],
  ['byte order mark inside a word', 'byte\uFEFForder'],
  ['underscore', 'snake_case_name'],
  ['lowercase [mask] is text', 'a [mask] here'],
  ['uppercase [MASK] is the special token', 'a [MASK] here'],
  ['naive', 'na\u00EFve'],
  ['Hello with accents', 'H\u00E9ll\u00F2'],
  ['UNwanted', 'UNwant\u00E9d,running'],
  ['ecole', '\u00E9cole'],
  ['apostrophes', "don't stop, it's John's car"],
  ['contractions', "I'm sure they've gone, we're late"],
  ['CJK and kana', '\u6771\u4EAC\u30BF\u30EF\u30FC\u306F\u9AD8\u3044'],
  ['Hangul syllables decompose to jamo', '\uD55C\uAD6D\uC5B4'],
  ['CJK compatibility ideographs', '\uF902\uF963'],
  ['Greek capitals and tonos', '\u03A3\u038A\u03A3\u03A5\u03A6\u039F\u03A3 \u03A9\u03BC\u03AD\u03B3\u03B1'],
  ['French accents', 'Cr\u00E8me br\u00FBl\u00E9e'],
  ['Angstrom and Kelvin signs', '5\u212B at 3\u212A'],
  ['ligatures are kept', '\uFB01ne \uFB02ower'],
  ['Vietnamese stacked marks', 'Ti\u1EBFng Vi\u1EC7t'],
  ['Devanagari vowel signs', '\u0939\u093F\u0928\u094D\u0926\u0940'],
  ['Arabic harakat', '\u0645\u064E\u0631\u0652\u062D\u064E\u0628\u064B\u0627'],
  ['Turkish dotted capital I', '\u0130stanbul'],
  ['soft hyphen', 'co\u00ADoperate'],
  ['no-break and ideographic spaces', 'a\u00A0b\u3000c'],
  ['combining accent written apart', 'Cafe\u0301 au lait'],
  ['Greek question mark is a semicolon', 'why\u037E'],
  ['ellipsis and dash', 'wait\u2026 what\u2014really?'],
  ['curly quotes', '\u201Csmart\u201D \u2018quotes\u2019'],
  ['decode clean-up', 'hello , world ! ok ? yes .'],
  ['mixed case and hyphen', "HuggingFace's GPU-Cluster!!"],
  ['zero-width non-joiner', 'a\u200Cb'],
  ['control characters', 'ctl\u0007x\u0000y\uFFFDz'],
  ['special tokens in text', '[CLS] hi [SEP] [UNK] [PAD]'],
  ['special token glued to words', 'x[MASK]y'],
  ['combining mark after a special token', '[MASK]\u0301 ok'],
  ['full-width letters', '\uFF21\uFF22\uFF23\uFF11\uFF12\uFF13'],
  ['a word of 101 letters', 'a'.repeat(101) + ' ok'],
  ['100 letters after accent stripping', 'e\u0301'.repeat(100)],
  ['empty', ''],
  ['whitespace only', ' \t\n '],
];
const namedPairs = [
  ['pair', 'A man rides a horse.', 'He waves hello!', null],
  ['pair, second segment whole, first truncated', 'one two three four five six', 'seven eight', 8],
  ['pair, both truncated', 'one two three four five', 'six seven eight nine', 7],
  ['single truncated', 'na\u00EFve H\u00E9ll\u00F2 \u00E9cole UNwant\u00E9d', null, 5],
  ['pair with accents, truncated', 'Cr\u00E8me br\u00FBl\u00E9e at the caf\u00E9', '\u00E9cole na\u00EFve', 9],
  ['pair with an empty second segment', 'hello', '', null],
  ['pair truncated inside a word', 'unaffable unaffable', 'huggingface', 6],
];

// UTF-16 offset of each code point index of text (one more entry for the end).
function utf16Offsets(text) {
  const offsets = [0];
  for (const c of text) offsets.push(offsets[offsets.length - 1] + c.length);
  return offsets;
}

async function namedCases() {
  const cases = [];
  for (const [name, text, pair, maxLength] of [...namedInputs.map(([n, t]) => [n, t, null, null]), ...namedPairs]) {
    if (maxLength) tokenizer.setTruncation(maxLength); else tokenizer.disableTruncation();
    const encoding = await tokenizer.encode(text, pair);
    const item = { name, text };
    if (pair !== null) item.pair = pair;
    if (maxLength) item.maxLength = maxLength;
    item.ids = encoding.getIds();
    item.tokens = encoding.getTokens();
    item.typeIds = encoding.getTypeIds();
    item.decoded = await tokenizer.decode(encoding.getIds(), true);
    item.decodedWithSpecialTokens = await tokenizer.decode(encoding.getIds(), false);
    if (pair === null && !maxLength) {
      const bare = await tokenizer.encode(text, null, { addSpecialTokens: false });
      const units = utf16Offsets(text);
      item.pieces = { ids: bare.getIds(), tokens: bare.getTokens(), offsets: bare.getOffsets().map(([s, e]) => [units[s], units[e]]) };
    }
    cases.push(item);
  }
  tokenizer.disableTruncation();
  return { source: 'HF tokenizers 0.22.2 (Rust core, npm @anush008/tokenizers 0.6.0) configured as bert-base-uncased', cases };
}

(async () => {
  fs.writeFileSync('hf-unicode-classes.json', JSON.stringify(unicodeClasses(), null, 1) + '\n');
  fs.writeFileSync('hf-random-captions.json', JSON.stringify(await randomCaptions(400)) + '\n');
  fs.writeFileSync('hf-named-cases.json', JSON.stringify(await namedCases(), null, 1) + '\n');
})();
