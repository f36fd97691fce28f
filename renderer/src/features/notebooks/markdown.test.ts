// Markdown cells: math through KaTeX, paper references as links, raw HTML and odd links inert.
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown';

describe('renderMarkdown', () => {
  it('renders inline and display math with KaTeX', () => {
    const html = renderMarkdown('Energy $E = mc^2$ and\n\n$$\\sum_i x_i$$\n');
    expect(html).toContain('class="katex"');
    expect(html).toContain('katex-display');
    expect(html).not.toContain('$E');
  });

  it('keeps Pandoc’s rule: $5 and $10 is not math', () => {
    expect(renderMarkdown('costs $5 and $10')).not.toContain('katex');
  });

  it('turns paper references into links carrying the id', () => {
    const html = renderMarkdown('As in @[Tidal <b>Scaling</b>](paper:p1).');
    expect(html).toContain('data-paper-id="p1"');
    expect(html).toContain('Tidal &#60;b&#62;Scaling');
  });

  it('renders TeX in a reference label (a title with math) and keeps it one link', () => {
    const html = renderMarkdown('See @[On $\\texttt{t5x}$ and $7\\pm2$ <i>items</i>](paper:p2).');
    const link = /<a [^>]*data-paper-id="p2"[^>]*>([\s\S]*?)<\/a>/.exec(html)?.[1] ?? '';
    expect(link.match(/class="katex"/g)?.length).toBe(2);
    expect(link).not.toContain('$');
    expect(link).toContain('&#60;i&#62;items');
  });

  it('shows raw HTML as text and drops unsafe links', () => {
    const html = renderMarkdown(
      '<script>alert(1)</script>\n\nhi <img src=x onerror="alert(1)"> [x](javascript:alert(1)) ![i](http://e.org/a.png)',
    );
    expect(html).not.toMatch(/<script|<img|javascript:/);
    expect(html).toContain('&#60;script&#62;');
  });
});
