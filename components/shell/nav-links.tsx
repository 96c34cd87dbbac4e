"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export interface NavItem {
  href: string;
  label: string;
  section: string;
  /** Shown as a badge when above 0 (e.g. open alerts), with its meaning for screen readers. */
  count?: { value: number; label: string };
}

export function NavLinks({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  const sections = [...new Set(items.map((i) => i.section))];
  return (
    <nav className="nav" aria-label="Sections">
      {sections.map((section) => (
        <div key={section} className="nav">
          <div className="nav-section">{section}</div>
          {items
            .filter((i) => i.section === section)
            .map((item) => (
              <Link
                key={item.href}
                href={item.href}
                aria-current={pathname === item.href || pathname.startsWith(`${item.href}/`) ? "page" : undefined}
              >
                {item.label}
                {item.count && item.count.value > 0 && (
                  <span className="nav-count">
                    {item.count.value > 999 ? "999+" : item.count.value}
                    <span className="sr-only"> {item.count.label}</span>
                  </span>
                )}
              </Link>
            ))}
        </div>
      ))}
    </nav>
  );
}
