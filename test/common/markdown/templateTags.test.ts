// Liquid and Hugo template syntax: the built-ins render through the pipeline,
// nothing runs, and anything else leaves no text in the page.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { createMarkdown } from '../../../common/markdown/pipeline';
import { createSanitizer } from '../../../common/markdown/sanitize';
import { findTemplateTags } from '../../../common/markdown/templateTags';

const sanitize = createSanitizer(new JSDOM('').window as unknown as Window & typeof globalThis);
const site = createMarkdown({ sanitize, templates: { placeholders: false, site: { url: 'https://x.org', baseurl: '/blog' } } });
const preview = createMarkdown({ sanitize, templates: { placeholders: true } });

describe('template tags', () => {
  it('renders Liquid and Hugo highlight blocks as highlighted code, every line kept', () => {
    const liquid = site.render('Before\n\n{% highlight ruby linenos %}\ndef hi\n  puts "a > b"\nend\n{% endhighlight %}\n\nAfter\n').html;
    expect(liquid).toMatch(/<pre[^>]*><code class="hljs language-ruby">/);
    expect(liquid).toMatch(/a &gt; b/);
    expect(liquid).not.toContain('blockquote');
    expect(liquid).not.toContain('highlight');
    const hugo = site.render('{{< highlight go "linenos=table" >}}\nfunc main() {}\n{{< /highlight >}}\n').html;
    expect(hugo).toContain('language-go');
    expect(hugo).toContain('main');
  });

  it('renders youtube, vimeo, figure and gist shortcodes, sanitized', () => {
    const html = site.render('{{< youtube w7Ft2ymGmfc >}}\n\n{{< vimeo 146022717 >}}\n\n{{< figure src="/img/a.png" alt="A" caption="Cap" >}}\n\n{{< gist spf13 7896402 >}}\n').html;
    // Click-to-load embeds (videoEmbed.test.ts has the details), never a player.
    expect(html).toContain('<a class="video-embed-link" href="https://www.youtube.com/watch?v=w7Ft2ymGmfc"');
    expect(html).toContain('<a class="video-embed-link" href="https://vimeo.com/146022717"');
    expect(html).not.toContain('<iframe');
    expect(html).toContain('<img src="/img/a.png" alt="A" title="Cap"');
    expect(html).toContain('href="https://gist.github.com/spf13/7896402"');
    expect(html).not.toContain('<script');
  });

  it('fills site variables and keeps raw blocks as written', () => {
    expect(site.render('[Home]({{ site.baseurl }}/)').html).toContain('href="/blog/"');
    expect(site.render('{% raw %}{{ not.a.tag }}{% endraw %}').html).toContain('{{ not.a.tag }}');
  });

  it('leaves unknown tags out of the page and shows them as placeholders in the preview; never runs them', () => {
    const body = 'Say {% include evil.html %} and {{< tweet 1 >}} and {{ page.secret | upcase }} done.';
    const page = site.render(body).html;
    expect(page).toBe('<p>Say  and  and  done.</p>\n');
    const shown = preview.render(body).html;
    expect(shown).toContain('<code class="template-tag" title="Template syntax Postwright does not run">{% include evil.html %}</code>');
    expect(shown).toContain('{{&lt; tweet 1 &gt;}}');
  });

  it('leaves code alone: tags in fences and inline code are text', () => {
    expect(site.render('```\n{{< youtube abcdefg >}}\n```\n').html).toContain('{{&lt; youtube abcdefg &gt;}}');
    expect(site.render('Use `{% include x %}` here').html).toContain('<code>{% include x %}</code>');
  });

  it('finds the tags the site will not show, with their place, outside code and raw blocks', () => {
    const body = 'ok {{ site.url }}\n{% include a.html %}\n```\n{% include b %}\n```\n{% raw %}\n{{ c }}\n{% endraw %}\n`{{ d }}` {{< tweet 2 >}}\n';
    expect(findTemplateTags(body, { url: '' }).map((t) => t.tag)).toEqual(['{% include a.html %}', '{{< tweet 2 >}}']);
  });

  it('links to other posts through the caller: post_url, link (with the base before it), ref and relref; unknown ones stay tags', () => {
    const asked: string[] = [];
    const linking = createMarkdown({
      sanitize,
      templates: {
        placeholders: true,
        site: { baseurl: '/blog' },
        reference: ({ kind, target }) => {
          asked.push(`${kind} ${target}`);
          return target.includes('missing') ? null : `../${target}.md`;
        },
      },
    });
    const html = linking.render('[a]({% post_url 2019-07-02-x %}) [b]({{ site.baseurl }}{% link _posts/y.md %}) [c]({{< ref "z" >}}) [d]({{% relref \'w\' %}}) {% post_url missing %}').html;
    // Liquid tags first, then Hugo's, each in order.
    expect(asked).toEqual(['post_url 2019-07-02-x', 'link _posts/y.md', 'post_url missing', 'ref z', 'relref w']);
    expect(html).toContain('<a href="../2019-07-02-x.md">a</a>');
    // The reference's URL already holds the base path: {{ site.baseurl }} before it is not added twice.
    expect(html).toContain('<a href="../_posts/y.md.md">b</a>');
    expect(html).toContain('<a href="../z.md">c</a>');
    expect(html).toContain('<a href="../w.md">d</a>');
    expect(html).toContain('<code class="template-tag" title="Template syntax Postwright does not run">{% post_url missing %}</code>');
    // Without a resolver (as before), ref is a tag the site leaves out.
    expect(site.render('x {{< ref "z" >}} y').html).toBe('<p>x  y</p>\n');
  });

  it('renders {{< param >}} from what the caller knows, else leaves it out', () => {
    const params = createMarkdown({ sanitize, templates: { placeholders: false, param: (name) => ({ mood: 'calm <b>' })[name] } });
    expect(params.render('Mood: {{< param mood >}} / {{< param "mood" >}} / {{< param nope >}}.').html).toBe('<p>Mood: calm &lt;b&gt; / calm &lt;b&gt; / .</p>\n');
  });

  it('tells which found tags are links to posts and params, for the check to decide with the whole site', () => {
    const found = findTemplateTags('{% post_url 2019-x %} {{< relref "a/b.md" >}} {{< param repo >}} {% include z %}\n');
    expect(found.map(({ tag, reference, param }) => ({ tag, reference, param }))).toEqual([
      { tag: '{% post_url 2019-x %}', reference: { kind: 'post_url', target: '2019-x' }, param: undefined },
      { tag: '{{< relref "a/b.md" >}}', reference: { kind: 'relref', target: 'a/b.md' }, param: undefined },
      { tag: '{{< param repo >}}', reference: undefined, param: 'repo' },
      { tag: '{% include z %}', reference: undefined, param: undefined },
    ]);
  });
});
