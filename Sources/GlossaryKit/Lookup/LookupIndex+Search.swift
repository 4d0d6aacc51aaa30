import Foundation

/// Key searches of a lookup: containing, contained (in a pasted text) and near (did you mean).
extension LookupIndex {
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

