// The proxy's own answers (lib/unavailable-page.ts, lib/bad-address.ts): plain HTML with no script
// and no external asset, light and dark, so it renders whatever else is failing.

const STYLE = `body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#fafafa;color:#18181b}
main{max-width:32rem;margin:12vh auto;padding:2.5rem 1.5rem;text-align:center;background:#fff;border:1px solid #e4e4e7;border-radius:.75rem}
h1{font-size:1.35rem;margin:0 0 .75rem}
p{line-height:1.6;color:#52525b;margin:0 0 1rem}
a{display:inline-block;margin-top:.5rem;padding:.55rem 1.1rem;border-radius:.5rem;background:#18181b;color:#fff;text-decoration:none}
@media (prefers-color-scheme:dark){body{background:#09090b;color:#fafafa}main{background:#18181b;border-color:#27272a}p{color:#a1a1aa}a{background:#fafafa;color:#18181b}}`;

/** A whole page: a heading, paragraphs and one link. The arguments are our own text, never input. */
export function plainPage({ title, heading, paragraphs, link }: { title: string; heading: string; paragraphs: string[]; link: { href: string; label: string } }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title} · Agency Portal</title>
<style>
${STYLE}
</style>
</head>
<body>
<main id="main" role="main">
<h1>${heading}</h1>
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
<a href="${link.href}">${link.label}</a>
</main>
</body>
</html>
`;
}

/** A page to a browser (GET or HEAD, not a server action), else one line of text. */
export function plainAnswer(request: Request, status: number, page: string, line: string, headers: Record<string, string> = {}): Response {
  const wantsPage = (request.method === 'GET' || request.method === 'HEAD') && !request.headers.has('next-action');
  return wantsPage
    ? new Response(page, { status, headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8' } })
    : new Response(`${line}\n`, { status, headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' } });
}
