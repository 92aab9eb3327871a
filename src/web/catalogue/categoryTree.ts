import type { Category } from '../http/types';

/** `totalCount`: products of the category and all its descendants (the filter includes descendants). */
export type CategoryNode = Category & { depth: number; totalCount: number };

/**
 * Orders the flat category list as a tree (parents before children, siblings by code)
 * and records each category's depth and subtree product count.
 * Categories whose parent is missing become roots.
 */
export function flattenCategoryTree(categories: Category[]): CategoryNode[] {
  const ids = new Set(categories.map((category) => category.id));
  const children = new Map<number | null, Category[]>();
  for (const category of categories) {
    const parent = category.parentId !== null && ids.has(category.parentId) ? category.parentId : null;
    const siblings = children.get(parent) ?? [];
    siblings.push(category);
    children.set(parent, siblings);
  }
  for (const siblings of children.values()) siblings.sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }));

  const result: CategoryNode[] = [];
  const seen = new Set<number>();
  /** Appends the subtree under `parent`; returns its product count. */
  const visit = (parent: number | null, depth: number): number => {
    let sum = 0;
    for (const category of children.get(parent) ?? []) {
      if (seen.has(category.id)) continue; // guards against cycles in bad data
      seen.add(category.id);
      const node: CategoryNode = { ...category, depth, totalCount: category.productCount };
      result.push(node);
      node.totalCount += visit(category.id, depth + 1);
      sum += node.totalCount;
    }
    return sum;
  };
  visit(null, 0);
  return result;
}
