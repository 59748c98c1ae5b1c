// The answer while the database is unreachable (lib/db-availability.ts): 503 with Retry-After,
// never cached, a readable page for a browser and a short text for a server action or a fetch.
// Plain HTML with no script and no external asset, so it renders whatever else is failing.

export const RETRY_AFTER_SECONDS = 10;

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Temporarily unavailable · Agency Portal</title>
<style>
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#fafafa;color:#18181b}
main{max-width:32rem;margin:12vh auto;padding:2.5rem 1.5rem;text-align:center;background:#fff;border:1px solid #e4e4e7;border-radius:.75rem}
h1{font-size:1.35rem;margin:0 0 .75rem}
p{line-height:1.6;color:#52525b;margin:0 0 1rem}
a{display:inline-block;margin-top:.5rem;padding:.55rem 1.1rem;border-radius:.5rem;background:#18181b;color:#fff;text-decoration:none}
@media (prefers-color-scheme:dark){body{background:#09090b;color:#fafafa}main{background:#18181b;border-color:#27272a}p{color:#a1a1aa}a{background:#fafafa;color:#18181b}}
</style>
</head>
<body>
<main id="main" role="main">
<h1>The portal is temporarily unavailable</h1>
<p>We cannot reach our database right now, so we cannot show this page. Nothing you saved earlier is lost.</p>
<p>This usually passes within a minute or two. Please try again shortly.</p>
<a href="">Try again</a>
</main>
</body>
</html>
`;

/** The 503 answer: the page for a browser, one line of text for a server action or an API client. */
export function unavailableResponse(request: Request): Response {
  const headers = {
    'Retry-After': String(RETRY_AFTER_SECONDS),
    'Cache-Control': 'no-store',
  };
  const page = (request.method === 'GET' || request.method === 'HEAD') && !request.headers.has('next-action');
  if (!page) {
    return new Response('The portal is temporarily unavailable (database unreachable). Please try again shortly.\n', {
      status: 503,
      headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
  return new Response(PAGE, { status: 503, headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8' } });
}
