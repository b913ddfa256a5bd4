// Syntax highlighting for the code panes: Rust and Python only, so a tokenizer of one
// regular expression per language does, where a general highlighter would be most of the
// page's download. It colours comments, strings, keywords, numbers, macros, attributes
// and decorators; everything else stays plain text. The text itself is never changed.

const RUST_KEYWORDS = 'as async await break const continue crate dyn else enum extern false fn ' +
  'for if impl in let loop match mod move mut pub ref return self Self static struct super ' +
  'trait true type unsafe use where while';
const PYTHON_KEYWORDS = 'False None True and as assert async await break class continue def ' +
  'del elif else except finally for from global if import in is lambda nonlocal not or pass ' +
  'raise return try while with yield';

const words = (list) => `\\b(?:${list.split(' ').join('|')})\\b`;
const NUMBER = String.raw`\b\d[\d_]*(?:\.\d[\d_]*)?(?:[eE][+-]?\d+)?(?:_?[iuf](?:8|16|32|64|128|size))?\b|\b0x[\da-fA-F_]+\b`;

// Alternatives in order of precedence; each is a named group, its name the token's kind.
const LANGUAGES = {
  rust: new RegExp([
    String.raw`(?<comment>\/\/[^\n]*|\/\*[\s\S]*?\*\/)`,
    String.raw`(?<string>b?r(?<hashes>#*)"[\s\S]*?"\k<hashes>|b?"(?:\\[\s\S]|[^"\\])*"|b?'(?:\\.|[^'\\\n])')`,
    String.raw`(?<attribute>#!?\[[^\]\n]*\])`,
    String.raw`(?<lifetime>'[A-Za-z_]\w*\b(?!'))`,
    String.raw`(?<macro>\b[a-z_]\w*!)`,
    `(?<keyword>${words(RUST_KEYWORDS)})`,
    String.raw`(?<type>\b[A-Z]\w*\b)`,
    `(?<number>${NUMBER})`,
  ].join('|'), 'g'),
  python: new RegExp([
    String.raw`(?<comment>#[^\n]*)`,
    String.raw`(?<string>(?:\b[rRbBfFuU]{1,2})?(?:"""[\s\S]*?"""|'''[\s\S]*?'''|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'))`,
    String.raw`(?<attribute>^[ \t]*@[\w.]+)`,
    `(?<keyword>${words(PYTHON_KEYWORDS)})`,
    String.raw`(?<type>\b[A-Z]\w*\b)`,
    `(?<number>${NUMBER})`,
  ].join('|'), 'gm'),
};

/** `code` as [{kind, text}] ('plain' between the tokens); the texts join to `code`. */
export function tokenize(code, language) {
  const pattern = LANGUAGES[language];
  if (!pattern) return [{ kind: 'plain', text: code }];
  const tokens = [];
  let last = 0;
  for (const match of code.matchAll(pattern)) {
    if (match.index > last) tokens.push({ kind: 'plain', text: code.slice(last, match.index) });
    const kind = Object.entries(match.groups).find(([name, text]) => text !== undefined && name !== 'hashes')[0];
    tokens.push({ kind, text: match[0] });
    last = match.index + match[0].length;
  }
  if (last < code.length) tokens.push({ kind: 'plain', text: code.slice(last) });
  return tokens;
}

/** The language of a file, from its name. */
export const languageOf = (fileName) => ({ rs: 'rust', py: 'python' })[fileName.split('.').pop()];

/** `code` as DOM nodes: a span per token (class tok-KIND), text nodes between. */
export function highlighted(code, language) {
  const fragment = document.createDocumentFragment();
  for (const { kind, text } of tokenize(code, language)) {
    if (kind === 'plain') {
      fragment.append(text);
    } else {
      const span = document.createElement('span');
      span.className = `tok-${kind}`;
      span.textContent = text;
      fragment.append(span);
    }
  }
  return fragment;
}
