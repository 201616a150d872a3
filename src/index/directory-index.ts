// The in-memory directory search index: typed arrays over dense doc numbers, one bitset per
// vocabulary value, a word index, presorted orders. Built from the store at start-up, then kept
// current by upsert/remove after each committed write. An upsert appends a new doc and kills
// the old one; when half of the docs are dead, the index renumbers (compacts) in one pass.
import type {
  DirectoryPage,
  DirectoryQuery,
  DirectorySearcher,
  IndexedOrg,
} from '../domain/directory/directory-query.ts';
import { AppError } from '../domain/shared/errors.ts';
import { CODED_LIST_FIELDS, type CodedListField } from '../domain/taxonomy/vocabularies.ts';
import { andInto, newBits, orInto, popcount, popcountAnd } from './bitset.ts';
import { CodeIndex } from './code-index.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { DenseSplit } from './dense-split.ts';
import { DocTable } from './doc-table.ts';
import { FacetCounter, toFacets, type FilterSet } from './facet-count.ts';
import { WordCounter } from './org-words.ts';
import { selectPage } from './page-select.ts';
import { SortOrders } from './sort-orders.ts';
import { applyText, planText, type TextScratch } from './text-match.ts';
import { TextPostings } from './text-postings.ts';
import type {
  MatchPage,
  MatchQuery,
  MatchSearcher,
  TeamPoolQuery,
} from '../domain/matching/match-searcher.ts';
import type { TeamCandidate } from '../domain/matching/team-formation.ts';
import { MatchColumns } from './match-columns.ts';
import { MatchIndex } from './match-index.ts';

export const MAX_LIMIT = 100;
const COMPACT_MIN_DEAD = 64;
/** Facet counting keeps two splits of dense values (see dense-split.ts); each query picks. */
const DENSE_SHARES = [0.1, 0.01];

export function createDirectoryIndex(initialCapacity = 1024): DirectorySearcher & MatchSearcher {
  return new DirectoryIndex(Math.max(64, Math.ceil(initialCapacity)));
}

class DirectoryIndex implements DirectorySearcher, MatchSearcher {
  private readonly table: DocTable;
  private readonly codes: CodeIndex;
  private readonly text: TextPostings;
  private readonly orders: SortOrders;
  private readonly facetCounter: FacetCounter;
  private result: Uint32Array;
  private spare: Uint32Array;
  private scores: Int32Array;
  private best: Int32Array;
  private counts = new Int32Array(0);
  private readonly words: WordCounter;
  // Matching (match-index.ts) reads the value bitsets and per-doc value lists; its own per-doc
  // columns follow the docs through this hook.
  private readonly matchColumns: MatchColumns;
  private readonly matcher: MatchIndex;

  constructor(capacity: number) {
    this.table = new DocTable(capacity);
    this.codes = new CodeIndex(capacity);
    this.text = new TextPostings(capacity);
    this.words = new WordCounter(this.text.dict);
    this.orders = new SortOrders(this.table, capacity);
    const splits = DENSE_SHARES.map((share) => new DenseSplit(share, capacity));
    this.facetCounter = new FacetCounter(this.codes, splits, this.table);
    this.result = newBits(capacity);
    this.spare = newBits(capacity);
    this.scores = new Int32Array(capacity);
    this.best = new Int32Array(capacity);
    this.matchColumns = new MatchColumns(capacity);
    this.matcher = new MatchIndex(this.table, this.codes, this.matchColumns);
  }

  get size(): number {
    return this.table.live;
  }

  upsert(org: IndexedOrg): void {
    const old = this.table.find(org.id);
    if (old >= 0) {
      // A re-read by the multi-process sync can race a local write: never step back a version.
      if (org.version !== undefined && org.version <= this.table.versions[old]!) return;
      this.drop(old);
    }
    if (this.table.count === this.table.capacity) this.grow(this.table.capacity * 2);
    const doc = this.table.append(org);
    this.matchColumns.added(doc, org);
    this.codes.addDoc(doc, org);
    this.words.count(org);
    this.text.addDoc(doc, this.words.ids, this.words.tfs);
    this.orders.add(doc);
    this.compactIfWorthIt();
  }

  upsertMany(orgs: readonly IndexedOrg[]): void {
    let capacity = this.table.capacity;
    while (capacity < this.table.count + orgs.length) capacity *= 2;
    if (capacity > this.table.capacity) this.grow(capacity);
    for (const org of orgs) this.upsert(org);
  }

  versionOf(id: string): number {
    const doc = this.table.find(id);
    return doc < 0 ? -1 : this.table.versions[doc]!;
  }

  remove(id: string): void {
    const doc = this.table.find(id);
    if (doc < 0) return;
    this.drop(doc);
    this.compactIfWorthIt();
  }

  match(q: MatchQuery): MatchPage {
    return this.matcher.match(q);
  }

  teamPool(q: TeamPoolQuery): TeamCandidate[] {
    return this.matcher.teamPool(q);
  }

  search(q: DirectoryQuery): DirectoryPage {
    const limit = checkLimit(q.limit);
    const after = q.cursor === undefined ? null : decodeCursor(q.cursor, q.sort);
    // After a bulk load, give back the spare room of the growing arrays.
    if (this.orders.flush()) {
      this.text.trim();
      this.codes.docs.trim();
    }
    const filters = this.applyFilters(q);
    const plan = planText(q.text, this.text);
    const scored = plan !== null && q.sort === 'relevance';
    if (plan !== null) applyText(plan, this.text, this.textScratch(scored));
    const total = popcount(this.result, this.table.words);
    if (this.counts.length < this.codes.valueCount)
      this.counts = new Int32Array(this.codes.valueCount * 2);
    this.facetCounter.count(this.result, total, filters, this.counts);
    const facets = toFacets(this.codes, this.counts);
    const docs = selectPage({
      sort: q.sort,
      result: this.result,
      total,
      scores: scored ? this.scores : null,
      after,
      want: limit + 1,
      table: this.table,
      orders: this.orders,
    });
    const page = docs.slice(0, limit);
    const last = page[page.length - 1];
    const nextCursor =
      docs.length > limit && last !== undefined ? this.cursorAfter(q, last, scored) : null;
    return { ids: page.map((doc) => this.table.ids[doc]!), total, facets, nextCursor };
  }

  /** result = live docs passing the coded filters and teaming; returns the filters' doc sets. */
  private applyFilters(q: DirectoryQuery): FilterSet[] {
    const { words, alive } = this.table;
    const result = this.result;
    result.set(alive.subarray(0, words));
    const sets: FilterSet[] = [];
    const wanted = (field: CodedListField) => [...new Set(q.filters[field] ?? [])];
    const fields = CODED_LIST_FIELDS.map((f) => wanted(f).map((c) => this.codes.find(f, c)));
    if (q.teaming !== undefined) fields.push([this.codes.teamingValue(q.teaming)]);
    for (const found of fields) {
      if (found.length === 0) continue;
      const vids = found.filter((v) => v >= 0);
      const set = this.filterSet(vids);
      if (set === null) result.fill(0, 0, words);
      else {
        andInto(result, this.spare, words);
        sets.push(set);
      }
    }
    return sets;
  }

  /** Leaves the union of the values' docs in this.spare (null: no value, no doc). */
  private filterSet(vids: number[]): FilterSet | null {
    if (vids.length === 0) return null;
    const { words } = this.table;
    const any = this.spare;
    any.set(this.codes.bitsOf(vids[0]!).subarray(0, words));
    const overlaps: number[] = [];
    for (const vid of vids.slice(1)) {
      const bits = this.codes.bitsOf(vid);
      overlaps.push(popcountAnd(any, bits, words));
      orInto(any, bits, words);
    }
    const size = vids.length === 1 ? this.codes.totals[vids[0]!]! : popcount(any, words);
    return { vids, size, overlaps };
  }

  private textScratch(scored: boolean): TextScratch {
    const { words, count, live } = this.table;
    return {
      result: this.result,
      spare: this.spare,
      scores: this.scores,
      best: this.best,
      scored,
      words,
      docs: count,
      liveDocs: live,
    };
  }

  private cursorAfter(q: DirectoryQuery, doc: number, scored: boolean): string {
    const { nameKeys, ids, sizeRank } = this.table;
    return encodeCursor({
      sort: q.sort,
      score: q.sort === 'relevance' && scored ? this.scores[doc]! : 0,
      rank: q.sort === 'size' ? sizeRank[doc]! : 0,
      nameKey: nameKeys[doc]!,
      id: ids[doc]!,
    });
  }

  private drop(doc: number): void {
    this.orders.remove(doc);
    this.codes.removeDoc(doc);
    this.text.removeDoc(doc);
    this.table.kill(doc);
    this.matchColumns.removed();
  }

  private grow(capacity: number): void {
    this.table.grow(capacity);
    this.codes.growDocs(capacity);
    this.text.growDocs(capacity);
    this.facetCounter.growDocs(capacity);
    this.orders.grow(capacity);
    this.matchColumns.grown(capacity);
    this.result = newBits(capacity);
    this.spare = newBits(capacity);
    this.scores = new Int32Array(capacity);
    this.best = new Int32Array(capacity);
  }

  private compactIfWorthIt(): void {
    const dead = this.table.count - this.table.live;
    if (dead < COMPACT_MIN_DEAD || dead * 2 < this.table.count) return;
    this.orders.flush();
    const oldDocs = this.table.count;
    const remap = this.table.compact();
    this.codes.compact(remap, oldDocs, this.table.count);
    this.facetCounter.reset();
    this.text.compact(remap, oldDocs);
    this.orders.remap(remap);
    this.matchColumns.compacted(remap, oldDocs);
  }
}

function checkLimit(limit: number): number {
  if (Number.isInteger(limit) && limit >= 1 && limit <= MAX_LIMIT) return limit;
  throw new AppError('validation', 'Invalid limit', [
    { path: 'limit', message: `Must be an integer from 1 to ${MAX_LIMIT}` },
  ]);
}
