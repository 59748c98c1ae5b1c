import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CommentText, linkify, safeHref } from '@/components/tickets/comment-text';

const render = (text: string) => renderToStaticMarkup(createElement(CommentText, { text }));

describe('linkify', () => {
  it('keeps plain text as one segment', () => {
    expect(linkify('Hello\nworld')).toEqual([{ type: 'text', text: 'Hello\nworld' }]);
  });

  it('turns http and https URLs into links and trims sentence punctuation', () => {
    expect(linkify('See https://example.com/a?b=1&c=2. Or http://x.test/path, ok')).toEqual([
      { type: 'text', text: 'See ' },
      { type: 'link', text: 'https://example.com/a?b=1&c=2', href: 'https://example.com/a?b=1&c=2' },
      { type: 'text', text: '. Or ' },
      { type: 'link', text: 'http://x.test/path', href: 'http://x.test/path' },
      { type: 'text', text: ', ok' },
    ]);
  });

  it('keeps balanced brackets and drops an unbalanced closing one', () => {
    expect(linkify('(see https://en.wikipedia.org/wiki/Foo_(bar))')[1]).toEqual({
      type: 'link',
      text: 'https://en.wikipedia.org/wiki/Foo_(bar)',
      href: 'https://en.wikipedia.org/wiki/Foo_(bar)',
    });
  });

  it.each(['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'ftp://example.com', 'vbscript:msgbox', 'http://', 'https://"onmouseover=alert(1)'])(
    'never links %s',
    (text) => {
      expect(linkify(text).filter((s) => s.type === 'link')).toEqual([]);
    },
  );

  it('only accepts http(s) with a host in safeHref', () => {
    expect(safeHref('https://ok.test')).toBe('https://ok.test/');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('http://')).toBeNull();
  });
});

describe('<CommentText>', () => {
  it('renders markup as inert text', () => {
    const html = render('<script>alert(1)</script><img src=x onerror=alert(1)> <b>bold</b>');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('keeps line breaks (pre-wrap) without HTML', () => {
    const html = render('one\ntwo\n\nthree');
    expect(html).toContain('whitespace-pre-wrap');
    expect(html).toContain('one\ntwo\n\nthree');
  });

  it('renders safe links with rel="noopener noreferrer nofollow"', () => {
    const html = render('Docs: https://example.com/x?a=1&b="2"');
    expect(html).toContain('<a href="https://example.com/x?a=1&amp;b=" target="_blank" rel="noopener noreferrer nofollow"');
    expect(html).toMatch(/rel="noopener noreferrer nofollow"/);
  });

  it('does not link javascript: URLs', () => {
    const html = render('click javascript:alert(document.cookie)');
    expect(html).not.toContain('<a');
    expect(html).not.toContain('href');
  });

  it('renders an attribute-breaking URL safely', () => {
    const html = render('https://evil.test/"><script>alert(1)</script>');
    expect(html).not.toContain('<script');
    expect(html).toContain('href="https://evil.test/"');
  });
});
