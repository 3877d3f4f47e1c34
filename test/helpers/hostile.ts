// Markdown and HTML that tries to run script in a reader's browser: shared by
// the pipeline's tests and the site build's whole-output check.

/** Anything executable, or able to redirect or restyle the page. */
export const executable = /<script|\son\w+\s*=|javascript:|vbscript:|srcdoc|<base|<meta|<form|<object|<embed|<style/i;

export const hostileMarkdown: [name: string, markdown: string][] = [
  ['raw script', '<script>window.pwned = 1</script>'],
  ['event attribute', '<img src="x.png" onerror="window.pwned=1">'],
  ['javascript link', '[click](javascript:alert(1))'],
  ['entity-encoded javascript link', '[click](&#106;avascript&colon;alert(1))'],
  ['mixed-case and tab in scheme', '[click](JaVa\tScRiPt:alert(1)) <a href="java&#x09;script:alert(1)">x</a>'],
  ['vbscript', '<a href="vbscript:msgbox(1)">x</a>'],
  ['data document link', '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
  ['iframe srcdoc', '<iframe srcdoc="<script>parent.pwned=1</script>"></iframe>'],
  ['svg with script', '<svg><script>window.pwned=1</script><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>'],
  ['base', '<base href="https://evil.example/">'],
  ['meta refresh', '<meta http-equiv="refresh" content="0;url=https://evil.example/">'],
  ['fence info breakout', '```"><img src=x onerror=alert(1)>\ncode\n```'],
  ['form', '<form action="https://evil.example"><button formaction="javascript:alert(1)">go</button></form>'],
  ['style import', '<style>@import url(https://evil.example/x.css);</style>'],
  ['object and embed', '<object data="x.swf"></object><embed src="x.swf">'],
];
