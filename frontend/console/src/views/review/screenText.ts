/**
 * The text a body is screened on, as the server builds it (ScreenText, with jsoup): tags dropped, entities
 * decoded, runs of white space collapsed, scripts and styles never read, each block element and <br> ending
 * a line. The offsets of sensitive-word hits in the body refer to this text.
 */

// The elements jsoup counts as blocks (Tag.isBlock); any other element is inline.
const BLOCKS = new Set([
  'html', 'head', 'body', 'frameset', 'script', 'noscript', 'style', 'meta', 'link', 'title', 'frame', 'noframes',
  'section', 'nav', 'aside', 'hgroup', 'header', 'footer', 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'pre',
  'div', 'blockquote', 'hr', 'address', 'figure', 'figcaption', 'form', 'fieldset', 'ins', 'del', 'dl', 'dt', 'dd',
  'li', 'table', 'caption', 'thead', 'tfoot', 'tbody', 'colgroup', 'col', 'tr', 'th', 'td', 'video', 'audio',
  'canvas', 'details', 'menu', 'plaintext', 'template', 'article', 'main', 'svg', 'math', 'center', 'dir', 'applet',
  'marquee', 'listing'
]);
const NOT_TEXT = new Set(['script', 'style', 'template', 'noscript']);
const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** The minimal DOM this needs, so that tests can run it on any parser. */
export interface HtmlParser {
  (html: string): Node;
}

export function browserParser(html: string): Node {
  return new DOMParser().parseFromString(`<!doctype html><html><body>${html}</body></html>`, 'text/html').body;
}

function collapse(text: string): string {
  return text.replace(/[ \t\n\r\f\u00a0]+/g, (run) => (run === '\u00a0' ? '\u00a0' : ' '));
}

export function screenTextOf(html: string | undefined, parse: HtmlParser = browserParser): string {
  if (!html) {
    return '';
  }
  let text = '';
  const endLine = () => {
    text = text.replace(/ +$/, '');
    if (text.length > 0 && !text.endsWith('\n')) {
      text += '\n';
    }
  };
  const visit = (node: Node, depth: number) => {
    if (node.nodeType === TEXT_NODE) {
      const piece = collapse(node.nodeValue ?? '');
      const atLineStart = text.length === 0 || text.endsWith('\n') || text.endsWith(' ');
      text += atLineStart ? piece.replace(/^[ \t\n\r\f]+/, '') : piece;
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) {
      return;
    }
    const name = (node as Element).tagName.toLowerCase();
    if (name === 'br') {
      text += '\n';
    }
    if (!NOT_TEXT.has(name)) {
      node.childNodes.forEach((child) => visit(child, depth + 1));
    }
    if (BLOCKS.has(name) && depth > 0) {
      endLine();
    }
  };
  visit(parse(html), 0);
  return text.trim();
}
