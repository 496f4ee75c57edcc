import type { ReactNode } from 'react';
import type { AppInfo } from '../../shared/contract/community';
import type { Permission } from '../../shared/contract';

/** What a page of a section is given: the rest of the address (#/lists/need/12 → ['need', '12']) and its query. */
export interface PageArgs {
  path: string[];
  query: URLSearchParams;
  info: AppInfo;
}

/** One entry of the menu and the pages under its address. */
export interface Section {
  /** The first part of the address, and the menu's key. */
  key: string;
  permission: Permission;
  /** In the menu when set; its words are `nav.<key>` (common namespace). */
  icon?: ReactNode;
  /** Beside the words in the menu (today's count of reminders). */
  Badge?: () => ReactNode;
  /** More than the permission decides whether the entry is offered (reports: any report the role may see). */
  offered?: (can: (p: Permission) => boolean) => boolean;
  page: (args: PageArgs) => ReactNode;
}

/** A printable view: #/print/<name>/<args…>. */
export type PrintView = (args: PageArgs) => ReactNode;

/**
 * Everything the renderer needs to know about a module, declared in its own folder (module.tsx):
 * its sections (menu entries and pages) and its print views. The menu, the routes and the print
 * routes are derived from the list in modules/index.ts.
 */
export interface RendererModule {
  name: string;
  sections: Section[];
  prints?: Record<string, PrintView>;
}

/** The sections and print views of all modules; a key claimed twice is an error at start, not a silent override. */
export function assemble(modules: readonly RendererModule[]) {
  const sections = new Map<string, Section>();
  const prints = new Map<string, PrintView>();
  for (const m of modules) {
    for (const s of m.sections) {
      if (sections.has(s.key)) throw new Error(`section ${s.key} is claimed by two modules (${m.name})`);
      sections.set(s.key, s);
    }
    for (const [name, view] of Object.entries(m.prints ?? {})) {
      if (prints.has(name)) throw new Error(`print view ${name} is claimed by two modules (${m.name})`);
      prints.set(name, view);
    }
  }
  return { sections, prints };
}
