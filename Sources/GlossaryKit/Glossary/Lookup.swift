import Foundation

/// How a concept matched a query, best first.
public enum MatchKind: String, Codable, Sendable, Comparable {
  /// The query is the term (on match keys).
  case exact
  /// The term contains the query.
  case containing
  /// The query (e.g. a pasted sentence) contains the term.
  case contained
  /// Close in spelling or in pinyin: "did you mean".
  case fuzzy

  var rank: Int { [.exact, .containing, .contained, .fuzzy].firstIndex(of: self)! }
  public static func < (a: MatchKind, b: MatchKind) -> Bool { a.rank < b.rank }
}

/// What to look up and which renderings to show.
public struct LookupOptions: Sendable {
  /// Language of the query (`zh`, `en`); nil guesses it from the script.
  public var language: String?
  /// Keep only renderings valid on this date.
  public var asOf: ISODate?
  /// Statuses to show; nil means the curated ones (preferred, admitted, superseded, deprecated).
  public var statuses: Set<TermStatus>?
  /// Most concepts returned.
  public var limit: Int
  /// Try fuzzy matches when nothing else matches.
  public var fuzzy: Bool

  public init(language: String? = nil, asOf: ISODate? = nil, statuses: Set<TermStatus>? = nil, limit: Int = 20, fuzzy: Bool = true) {
    self.language = language
    self.asOf = asOf
    self.statuses = statuses
    self.limit = limit
    self.fuzzy = fuzzy
  }
}

/// One concept found for a query, with its renderings in display order.
public struct LookupHit: Sendable, Equatable {
  public var kind: MatchKind
  /// The glossary file and the line of the concept's first row.
  public var glossary: String
  public var line: Int
  /// The concept's source term.
  public var source: String
  /// The glossary term that matched (the source term or a rendering).
  public var matched: String
  /// Whether the match was on the source term (else on a rendering).
  public var matchedSource: Bool
  /// Edit distance of a fuzzy match (0 for a pinyin match).
  public var distance: Int?
  /// Renderings: preferred, admitted, superseded, deprecated (... candidate, rejected), filtered by the options.
  public var entries: [GlossaryEntry]
}

extension LookupIndex {
  /// Looks a query up: exact, then terms containing it, then terms it
  /// contains (longest first, non-overlapping), then fuzzy when nothing matched.
  public func lookup(_ query: String, keys: LookupKeys, options: LookupOptions = LookupOptions()) -> [LookupHit] {
    var raw: [(kind: MatchKind, side: Side, key: Int, concept: Int, distance: Int?)] = []
    let sides = self.sides(for: query, language: options.language)
    for side in sides {
      let lang = side == .source ? sourceLanguage : targetLanguage
      let q = keys.key(query, language: lang)
      guard !q.isEmpty else { continue }
      let v = view(side)
      q.withUnsafeBufferPointer { qb in
        let exact = v.find(qb)
        if let k = exact { for c in v.concepts(ofKey: k) { raw.append((.exact, side, k, Int(c), nil)) } }
        for k in containing(qb, in: v, limit: options.limit * 4) {
          for c in v.concepts(ofKey: k) { raw.append((.containing, side, k, Int(c), nil)) }
        }
        // A query that is a glossary term is not a pasted text: no terms-inside-it tier.
        if exact == nil {
          for k in contained(qb, in: v, maxUnits: side == .source ? maxSourceUnits : maxTargetUnits) {
            for c in v.concepts(ofKey: k) { raw.append((.contained, side, k, Int(c), nil)) }
          }
        }
      }
    }
    if raw.isEmpty && options.fuzzy {
      for side in sides {
        let lang = side == .source ? sourceLanguage : targetLanguage
        let q = keys.key(query, language: lang)
        if side == .source || !LookupKeys.hasHan(q) {
          // Pinyin: Han typed with the wrong character, or pinyin typed for Han.
          let py = pinyinKey(ofKey: q, keys: keys)
          let pv = view(.pinyin)
          if !py.isEmpty, let k = py.withUnsafeBufferPointer({ pv.find($0) }) {
            for c in pv.concepts(ofKey: k) { raw.append((.fuzzy, .source, -1, Int(c), 0)) }
          }
        }
        let v = view(side)
        for (k, d) in q.withUnsafeBufferPointer({ near($0, in: v) }) {
          for c in v.concepts(ofKey: k) { raw.append((.fuzzy, side, k, Int(c), d)) }
        }
      }
    }
    var seen = Set<Int>()
    var hits: [LookupHit] = []
    for r in raw where !seen.contains(r.concept) {
      seen.insert(r.concept)
      let all = entries(ofConcept: r.concept)
      guard let first = all.first else { continue }
      let shown = LookupIndex.select(all, options: options)
      if shown.isEmpty { continue }
      var matched = first.source
      if r.side == .target, r.key >= 0 {
        let want = Array(view(.target).key(r.key))
        matched = all.first { keys.key($0.target, language: targetLanguage) == want }?.target ?? first.source
      }
      hits.append(LookupHit(
        kind: r.kind, glossary: path, line: line(ofConceptFirstRow: r.concept), source: first.source, matched: matched,
        matchedSource: r.side != .target, distance: r.distance, entries: shown))
      if hits.count >= options.limit { break }
    }
    return hits
  }

  /// Renderings to show, in display order.
  static func select(_ entries: [GlossaryEntry], options: LookupOptions) -> [GlossaryEntry] {
    let statuses = options.statuses ?? [.preferred, .admitted, .superseded, .deprecated]
    var out = entries.filter { statuses.contains($0.status) }
    if let date = options.asOf {
      out = out.filter { e in
        guard e.isValid(on: date) else { return false }
        switch e.status {
        case .preferred, .admitted, .superseded: return true
        case .deprecated: return e.validTo != nil || e.validFrom != nil
        case .candidate, .rejected: return options.statuses != nil
        }
      }
    }
    return out.sorted(by: GlossaryEntry.fileOrder)
  }

  /// Which key sets a query goes to: `--lang`, else the script of the query.
  func sides(for query: String, language: String?) -> [Side] {
    let base: (String) -> String = { String($0.prefix { $0 != "-" }).lowercased() }
    let lang = language.map(base) ?? LookupIndex.guessLanguage(query)
    if lang == base(sourceLanguage) { return [.source] }
    if lang == base(targetLanguage) { return [.target] }
    return language == nil ? [.source, .target] : []
  }

  /// `Language.guess(query).code` with its base, without ICU for the common cases: only ASCII (Latin letters
  /// or none: `en`), or ASCII and CJK ideographs U+3400..U+9FFF (Han wins ties: `zh`).
  static func guessLanguage(_ query: String) -> String {
    var han = 0, latin = 0, scalars = 0
    for u in query.unicodeScalars {
      let v = u.value
      scalars += 1
      if scalars > 3000 { break }
      if v < 0x80 {
        if (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A { latin += 1 }
      } else if v >= 0x3400 && v < 0xA000 && !(v >= 0x4DC0 && v < 0x4E00) {
        han += 1
      } else {
        scalars = Int.max / 2
        break
      }
    }
    if scalars <= 3000 { return han > 0 && han >= latin ? "zh" : "en" }
    return String(Language.guess(query).code.prefix { $0 != "-" }).lowercased()
  }

  /// Keys that contain `q` (on word boundaries for letters), shortest first.
  func containing(_ q: UnsafeBufferPointer<UInt8>, in v: KeySetView, limit: Int) -> [Int] {
    var out: [Int] = []
    let grams = LookupKeys.grams(q)
    let hanOnly = LookupKeys.units(q)
    if hanOnly.count == 1 && hanOnly[0].han {
      // One Han character: scan the key bytes (memmem), a few MB at most per side.
      var from = 0
      let blob = v.blob
      while from < blob.count, out.count < limit {
        guard let at = LookupIndex.search(blob, from: from, q) else { break }
        let k = keyAt(byte: at, in: v)
        if v.key(k).count != q.count { out.append(k) }
        from = Int(v.start[k + 1])
      }
      return out
    }
    guard !grams.isEmpty else { return [] }
    // Intersect the posting lists (sorted by length, then id), rarest first, from the first key longer than
    // the query; galloping, since common words have long lists. Verify the survivors.
    let longer = UInt64(q.count + 1) << 32
    var lists: [UnsafeBufferPointer<UInt64>] = []
    var distinct = grams
    if distinct.count > 1 { distinct = Array(Set(distinct)) }
    for g in distinct {
      let all = v.keys(withGram: g)
      let list = UnsafeBufferPointer(rebasing: all[LookupIndex.gallop(all, from: 0, longer)...])
      if list.isEmpty { return [] }
      lists.append(list)
    }
    lists.sort { $0.count < $1.count }
    var candidates = Array(lists[0])
    for other in lists.dropFirst() {
      if candidates.count < 8 { break }
      var kept = 0
      var j = 0
      for c in candidates {
        j = LookupIndex.gallop(other, from: j, c)
        if j >= other.count { break }
        if other[j] == c { candidates[kept] = c; kept += 1; j += 1 }
      }
      candidates.removeLast(candidates.count - kept)
    }
    for c in candidates {
      let k = Int(c & 0xFFFF_FFFF)
      if LookupIndex.contains(v.key(k), q) { out.append(k); if out.count >= limit { break } }
    }
    return out
  }

  /// First index >= `from` whose value is >= `x` in a sorted list (exponential then binary search).
  @inline(__always)
  static func gallop(_ a: UnsafeBufferPointer<UInt64>, from: Int, _ x: UInt64) -> Int {
    var lo = from
    var hi = from
    var step = 1
    while hi < a.count && a[hi] < x {
      lo = hi + 1
      hi = lo + step
      step <<= 1
    }
    hi = min(hi, a.count)
    while lo < hi {
      let mid = (lo + hi) >> 1
      if a[mid] < x { lo = mid + 1 } else { hi = mid }
    }
    return lo
  }

  /// Key id of the key covering blob byte `at`.
  func keyAt(byte at: Int, in v: KeySetView) -> Int {
    var lo = 0, hi = v.count
    while lo + 1 < hi {
      let mid = (lo + hi) / 2
      if Int(v.start[mid]) <= at { lo = mid } else { hi = mid }
    }
    return lo
  }

  /// Whether `key` contains `q`, not inside a word of letters or digits.
  static func contains(_ key: UnsafeBufferPointer<UInt8>, _ q: UnsafeBufferPointer<UInt8>) -> Bool {
    func isWordByte(_ b: UInt8) -> Bool { (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) }
    var from = 0
    while from + q.count <= key.count {
      guard let at = LookupIndex.search(key, from: from, q) else { return false }
      let leftOK = at == 0 || !isWordByte(q[0]) || !isWordByte(key[at - 1])
      let end = at + q.count
      let rightOK = end == key.count || !isWordByte(q[q.count - 1]) || !isWordByte(key[end])
      if leftOK && rightOK { return true }
      from = at + 1
    }
    return false
  }

  /// First offset >= `from` where `needle` occurs in `hay` (memchr on the first byte, then memcmp).
  static func search(_ hay: UnsafeBufferPointer<UInt8>, from: Int, _ needle: UnsafeBufferPointer<UInt8>) -> Int? {
    guard !needle.isEmpty, let h = hay.baseAddress, let n = needle.baseAddress else { return nil }
    var i = from
    let last = hay.count - needle.count
    while i <= last {
      guard let p = memchr(h + i, Int32(n[0]), last - i + 1) else { return nil }
      let at = UnsafeRawPointer(h).distance(to: UnsafeRawPointer(p))
      if memcmp(h + at, n, needle.count) == 0 { return at }
      i = at + 1
    }
    return nil
  }

  /// Keys found inside `q` (a pasted sentence): longest first, non-overlapping.
  func contained(_ q: UnsafeBufferPointer<UInt8>, in v: KeySetView, maxUnits: Int) -> [Int] {
    let us = LookupKeys.units(q)
    guard us.count >= 2 else { return [] }
    var found: [(start: Int, end: Int, key: Int)] = []
    for i in 0..<us.count {
      var j = min(us.count, i + maxUnits)
      while j > i {
        if !(i == 0 && j == us.count) {
          let span = UnsafeBufferPointer(rebasing: q[us[i].range.lowerBound..<us[j - 1].range.upperBound])
          if let k = v.find(span) { found.append((i, j, k)); break }
        }
        j -= 1
      }
    }
    found.sort { ($0.end - $0.start, -$0.start) > ($1.end - $1.start, -$1.start) }
    var taken = [Bool](repeating: false, count: us.count)
    var out: [Int] = []
    for f in found where !(f.start..<f.end).contains(where: { taken[$0] }) {
      for u in f.start..<f.end { taken[u] = true }
      if !out.contains(f.key) { out.append(f.key) }
    }
    return out
  }

  /// Keys within a small edit distance of `q` (on Unicode scalars): candidates
  /// share a gram with the query and have a length it could be edited to (most
  /// shared grams first, then closest in length); a key set of at most
  /// `scanUpTo` keys is scanned whole.
  func near(_ q: UnsafeBufferPointer<UInt8>, in v: KeySetView, scanUpTo: Int = 200_000) -> [(Int, Int)] {
    let qs = Array(String(decoding: q, as: UTF8.self).unicodeScalars.map(\.value))
    let limit = min(3, max(1, qs.count / 4))
    var candidates: [Int] = []
    var counts: [UInt64: Int] = [:]
    let shortest = UInt64(max(0, q.count - limit * 3)) << 32
    let longest = UInt64(q.count + limit * 3 + 1) << 32
    for g in LookupKeys.grams(q) {
      let list = v.keys(withGram: g)
      let a = LookupIndex.gallop(list, from: 0, shortest)
      let b = LookupIndex.gallop(list, from: a, longest)
      for k in list[a..<b].prefix(20000) { counts[k, default: 0] += 1 }
    }
    func gap(_ k: UInt64) -> Int { abs(Int(k >> 32) - q.count) }
    candidates = counts.sorted {
      $0.value != $1.value ? $0.value > $1.value
        : gap($0.key) != gap($1.key) ? gap($0.key) < gap($1.key) : ($0.key & 0xFFFF_FFFF) < ($1.key & 0xFFFF_FFFF)
    }.prefix(200).map { Int($0.key & 0xFFFF_FFFF) }
    if v.count <= scanUpTo { candidates += 0..<v.count }
    var out: [(Int, Int)] = []
    var seen = Set<Int>()
    for k in candidates where seen.insert(k).inserted {
      let key = v.key(k)
      if abs(key.count - q.count) > limit * 3 { continue }
      let ks = Array(String(decoding: key, as: UTF8.self).unicodeScalars.map(\.value))
      if let d = LookupIndex.distance(qs, ks, limit: limit), d > 0 { out.append((k, d)) }
    }
    out.sort { $0.1 != $1.1 ? $0.1 < $1.1 : v.key($0.0).count < v.key($1.0).count }
    return Array(out.prefix(10))
  }

  /// Levenshtein distance, or nil when above `limit`.
  static func distance(_ a: [UInt32], _ b: [UInt32], limit: Int) -> Int? {
    if abs(a.count - b.count) > limit { return nil }
    if a.isEmpty || b.isEmpty { return max(a.count, b.count) <= limit ? max(a.count, b.count) : nil }
    var prev = Array(0...b.count)
    var cur = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      cur[0] = i
      var rowMin = cur[0]
      for j in 1...b.count {
        cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        rowMin = min(rowMin, cur[j])
      }
      if rowMin > limit { return nil }
      swap(&prev, &cur)
    }
    return prev[b.count] <= limit ? prev[b.count] : nil
  }
}

/// Lookup over several glossaries together (the `--glossary` list).
public final class GlossaryLookup {
  public let indexes: [LookupIndex]
  public let keys: LookupKeys

  /// Opens every glossary (cache files beside large ones).
  public init(paths: [String], cacheMinBytes: Int = LookupIndex.defaultCacheMinBytes) throws {
    let keys = try LookupKeys()
    self.keys = keys
    indexes = try paths.map { try LookupIndex.open(path: $0, keys: keys, cacheMinBytes: cacheMinBytes) }
  }

  public init(indexes: [LookupIndex], keys: LookupKeys) {
    self.indexes = indexes
    self.keys = keys
  }

  /// Hits from all glossaries: best match kind first, then glossary order.
  public func lookup(_ query: String, options: LookupOptions = LookupOptions()) -> [LookupHit] {
    var all: [LookupHit] = []
    for index in indexes { all += index.lookup(query, keys: keys, options: options) }
    if indexes.count > 1 {
      let order = Dictionary(uniqueKeysWithValues: all.enumerated().map { ($0.offset, $0.element) })
      all = order.sorted { ($0.value.kind, $0.key) < ($1.value.kind, $1.key) }.map(\.value)
    }
    if all.contains(where: { $0.kind != .fuzzy }) { all.removeAll { $0.kind == .fuzzy } }
    return Array(all.prefix(options.limit))
  }
}
