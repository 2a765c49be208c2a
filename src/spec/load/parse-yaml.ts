import { Composer, type CST, type Document, Lexer, LineCounter, Parser } from 'yaml';

type Token = CST.Token;

/** A composed first document, with what the stream says beyond it. */
export type ParsedYaml = ComposedYaml | TooDeepYaml;

/** yaml's parser nested deeper than the limit allows and was stopped at offset `tooDeep`. */
export interface TooDeepYaml {
  readonly tooDeep: number;
  readonly lineCounter: LineCounter;
}

export interface ComposedYaml {
  readonly tooDeep?: undefined;
  readonly doc: Document.Parsed;
  readonly lineCounter: LineCounter;
  /** Offset of the `---` that starts a second document, when the text holds more than one. */
  readonly secondDocument: number | undefined;
  /** Error tokens seen outside the document; more than MAX_STRAY_ERRORS means reading stopped. */
  readonly strayErrors: number;
}

/**
 * YAML 1.2 with the core schema: dates, `yes`/`no` and binary stay strings, `<<` is an ordinary
 * key. Duplicate keys and alias expansion are checked by this folder in linear time instead of
 * by yaml, whose checks are quadratic. `logLevel: 'error'` keeps yaml from printing warnings.
 */
const OPTIONS = Object.freeze({
  version: '1.2',
  schema: 'core',
  resolveKnownTags: false,
  merge: false,
  uniqueKeys: false,
  strict: true,
  intAsBigInt: false,
  logLevel: 'error',
} as const);

/** Error tokens outside documents after which reading stops: junk text can hold millions. */
export const MAX_STRAY_ERRORS = 100;

/**
 * How many more open constructions than collections yaml's parser may hold. Valid documents need
 * at most 2 (the document and a pending node; measured on the corpus and on generated documents),
 * so the bound never refuses a document the pre-scan let through.
 */
const PARSER_STACK_SLACK = 16;

/**
 * Parses the first document of `text` with yaml's lexer, parser and composer, as `parseDocument`
 * does, but stops as soon as a second document starts, stray error tokens pile up, or the
 * parser's stack of open constructions passes `maxDepth`. The pre-scan bounds the nesting of any
 * document yaml reads as it is written; this bound also holds when yaml's error recovery nests
 * malformed text deeper than it looks (`a: \na: ` repeated nests one level per line). Messages
 * get no code frames (yaml builds them per error, quadratically).
 */
export function parseYaml(text: string, maxDepth: number): ParsedYaml {
  const lineCounter = new LineCounter();
  lineCounter.addNewLine(0); // Parser.parse() does this itself; Parser.next() does not.
  const parser = new Parser(lineCounter.addNewLine);
  const composer = new Composer(OPTIONS);
  let first: Document.Parsed | undefined;
  let secondDocument: number | undefined;
  let strayErrors = 0;
  const compose = (token: Token): boolean => {
    if (token.type === 'error' && ++strayErrors > MAX_STRAY_ERRORS) return false;
    // The composer hands over a document when the next one starts.
    for (const doc of composer.next(token)) first ??= doc;
    if (first === undefined) return true;
    secondDocument = token.offset;
    return false;
  };
  const tokens = parseTokens(parser, text, maxDepth + PARSER_STACK_SLACK);
  for (let step = tokens.next(); !step.done; step = tokens.next()) {
    if (!compose(step.value)) break;
  }
  // parser.end() empties the stack, so a stack still this deep means parseTokens stopped early.
  if (parser.stack.length > maxDepth + PARSER_STACK_SLACK) return { tooDeep: parser.offset, lineCounter };
  if (first === undefined) {
    for (const doc of composer.end(true, text.length)) first ??= doc;
  }
  if (first === undefined) throw new Error('yaml composed no document'); // end(true) always yields one
  return { doc: first, lineCounter, secondDocument, strayErrors };
}

/** yaml's CST tokens, ending early when the parser holds more than `maxStack` open constructions. */
function* parseTokens(parser: Parser, text: string, maxStack: number): Generator<Token, void> {
  for (const lexeme of new Lexer().lex(text)) {
    yield* parser.next(lexeme);
    if (parser.stack.length > maxStack) return;
  }
  yield* parser.end();
}
