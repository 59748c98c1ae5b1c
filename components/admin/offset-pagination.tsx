import {
  Pagination,
  PaginationContent,
  PaginationItem,
  PaginationLink,
  PaginationNext,
  PaginationPrevious,
} from '@/components/ui/pagination';
import { hrefWith, type ParamValue } from './hrefs';
import { groupDigits } from '@/lib/group-digits';

/** "Showing 26–50 of 112" with Previous / page numbers / Next; plain links (server-rendered). */
export function OffsetPagination({
  pathname,
  params,
  page,
  pageCount,
  pageSize,
  total,
  noun = 'results',
}: {
  pathname: string;
  params: Record<string, ParamValue>;
  page: number;
  pageCount: number;
  pageSize: number;
  total: number;
  noun?: string;
}) {
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  const pages = pageWindow(page, pageCount);
  return (
    <div className="flex flex-col items-center gap-3 sm:flex-row sm:justify-between">
      <p className="text-sm text-muted-foreground" aria-live="polite">
        {total === 0 ? `No ${noun}` : `Showing ${groupDigits(from)}–${groupDigits(to)} of ${groupDigits(total)} ${noun}`}
      </p>
      {pageCount > 1 && (
        <Pagination className="mx-0 w-auto">
          <PaginationContent className="flex-wrap">
            <PaginationItem>
              <PaginationPrevious
                href={hrefWith(pathname, params, { page: page - 1 > 1 ? page - 1 : undefined })}
                disabled={page <= 1}
              />
            </PaginationItem>
            {pages.map((p) => (
              <PaginationItem key={p} className="hidden sm:list-item">
                <PaginationLink
                  href={hrefWith(pathname, params, { page: p > 1 ? p : undefined })}
                  isActive={p === page}
                  aria-label={`Page ${p}`}
                >
                  {p}
                </PaginationLink>
              </PaginationItem>
            ))}
            <PaginationItem>
              <PaginationNext href={hrefWith(pathname, params, { page: page + 1 })} disabled={page >= pageCount} />
            </PaginationItem>
          </PaginationContent>
        </Pagination>
      )}
    </div>
  );
}

function pageWindow(page: number, count: number): number[] {
  const start = Math.max(1, Math.min(page - 2, count - 4));
  const end = Math.min(count, start + 4);
  const out: number[] = [];
  for (let p = start; p <= end; p++) out.push(p);
  return out;
}
