import Foundation

/// Builds a lookup index image from a validated glossary and its file bytes.
///
/// Built for a million rows in a few seconds: keys are computed on every core
/// (one ``LookupKeys`` per worker: ICU is not thread-safe), kept as flat byte
/// lists, deduplicated with open-addressing tables over their hashes, and
/// gram postings are bucket-sorted on the top bits of the gram hash (which
/// also gives the gram directory).
enum LookupIndexBuilder {
  /// Keys in a flat byte list, with their hashes and (for sets whose owner is
  /// not implied by the position) the concept of each.
  struct KeyList {
    var bytes: [UInt8] = []
    var ends: [Int] = []
    var hashes: [UInt64] = []
    var concepts: [Int32] = []

    mutating func append(_ key: [UInt8], concept: Int32) {
      guard !key.isEmpty else { return }
      bytes += key
      ends.append(bytes.count)
      hashes.append(key.withUnsafeBufferPointer { LookupKeys.hash($0) })
      concepts.append(concept)
    }
  }

  /// One key set: distinct keys in first-seen order and the concepts of each (first-seen order,
  /// consecutive repeats dropped).
  struct KeySet {
    var blob: [UInt8] = [0x0A]
    var start: [UInt32] = []
    var post: [UInt32] = [0]
    var concepts: [UInt32] = []
    var table: [UInt32] = []
    var maxUnits = 0
    var count: Int { start.count - 1 }

    /// Deduplicates `lists` (in order) into a key set.
    init(_ lists: [KeyList]) {
      let total = lists.reduce(0) { $0 + $1.ends.count }
      var size = 8
      while size < total * 2 { size *= 2 }
      table = [UInt32](repeating: 0, count: size)
      let mask = size - 1
      var keyOf: [Int32] = []  // per added pair: key id
      keyOf.reserveCapacity(total)
      var pairConcept: [Int32] = []
      pairConcept.reserveCapacity(total)
      blob.reserveCapacity(lists.reduce(1) { $0 + $1.bytes.count + $1.ends.count })
      for list in lists {
        list.bytes.withUnsafeBufferPointer { bytes in
          var from = 0
          for (i, end) in list.ends.enumerated() {
            let key = UnsafeBufferPointer(rebasing: bytes[from..<end])
            from = end
            var slot = Int(truncatingIfNeeded: list.hashes[i]) & mask
            var id = -1
            while table[slot] != 0 {
              let k = Int(table[slot] - 1)
              let s = Int(start[k])
              let e = k + 1 < start.count ? Int(start[k + 1]) - 1 : blob.count - 1
              if e - s == key.count, blob.withUnsafeBufferPointer({ memcmp($0.baseAddress! + s, key.baseAddress!, key.count) }) == 0 {
                id = k
                break
              }
              slot = (slot + 1) & mask
            }
            if id < 0 {
              id = start.count
              table[slot] = UInt32(id + 1)
              start.append(UInt32(blob.count))
              blob.append(contentsOf: key)
              blob.append(0x0A)
              maxUnits = max(maxUnits, LookupKeys.unitCount(key))
            }
            keyOf.append(Int32(id))
            pairConcept.append(list.concepts[i])
          }
        }
      }
      start.append(UInt32(blob.count))
      // Postings: a stable counting sort of (key, concept) pairs by key.
      let n = start.count - 1
      var counts = [UInt32](repeating: 0, count: n + 1)
      for k in keyOf { counts[Int(k) + 1] += 1 }
      for k in 0..<n { counts[k + 1] += counts[k] }
      var sorted = [Int32](repeating: 0, count: keyOf.count)
      var fill = counts
      for (p, k) in keyOf.enumerated() {
        sorted[Int(fill[Int(k)])] = pairConcept[p]
        fill[Int(k)] += 1
      }
      concepts.reserveCapacity(sorted.count)
      for k in 0..<n {
        var last: Int32 = -1
        for p in Int(counts[k])..<Int(counts[k + 1]) where sorted[p] != last {
          last = sorted[p]
          concepts.append(UInt32(last))
        }
        post.append(UInt32(concepts.count))
      }
    }

    func key(_ k: Int) -> Range<Int> { Int(start[k])..<Int(start[k + 1]) - 1 }
  }

  /// Gram postings of a key set: sorted distinct gram hashes, their starts, `length << 32 | key id`
  /// sorted within each gram, and the directory on the top hash bits.
  struct Grams {
    var hashes: [UInt64] = []
    var starts: [UInt32] = []
    var keys: [UInt64] = []
    var dir: [UInt32] = []

    init(_ set: KeySet) {
      var gramHash: [UInt64] = []
      var gramKey: [UInt64] = []
      gramHash.reserveCapacity(set.count * 4)
      gramKey.reserveCapacity(set.count * 4)
      var scratch: [UInt64] = []
      set.blob.withUnsafeBufferPointer { blob in
        for k in 0..<set.count {
          let r = set.key(k)
          scratch.removeAll(keepingCapacity: true)
          LookupKeys.grams(UnsafeBufferPointer(rebasing: blob[r]), into: &scratch)
          for (i, g) in scratch.enumerated() where !scratch[..<i].contains(g) {
            gramHash.append(g)
            gramKey.append(UInt64(r.count) << 32 | UInt64(k))
          }
        }
      }
      // Bucket by the top bits, then sort each bucket by (hash, length, id).
      let n = gramHash.count
      let bits = Grams.bits(for: n)
      let shift = UInt64(64 - bits)
      var bucketStart = [Int](repeating: 0, count: (1 << bits) + 1)
      for h in gramHash { bucketStart[Int(h >> shift) + 1] += 1 }
      for b in 0..<(1 << bits) { bucketStart[b + 1] += bucketStart[b] }
      var fill = bucketStart
      var sh = [UInt64](repeating: 0, count: n)
      var sk = [UInt64](repeating: 0, count: n)
      for i in 0..<n {
        let b = Int(gramHash[i] >> shift)
        sh[fill[b]] = gramHash[i]
        sk[fill[b]] = gramKey[i]
        fill[b] += 1
      }
      gramHash = []
      gramKey = []
      for b in 0..<(1 << bits) {
        let lo = bucketStart[b], hi = bucketStart[b + 1]
        if hi - lo < 2 { continue }
        if hi - lo <= 24 {
          for i in (lo + 1)..<hi {
            let (h, v) = (sh[i], sk[i])
            var j = i
            while j > lo && (sh[j - 1], sk[j - 1]) > (h, v) { sh[j] = sh[j - 1]; sk[j] = sk[j - 1]; j -= 1 }
            sh[j] = h; sk[j] = v
          }
        } else {
          var part = (lo..<hi).map { (sh[$0], sk[$0]) }
          part.sort { $0 < $1 }
          for (i, p) in part.enumerated() { sh[lo + i] = p.0; sk[lo + i] = p.1 }
        }
      }
      for i in 0..<n where i == 0 || sh[i - 1] != sh[i] {
        hashes.append(sh[i])
        starts.append(UInt32(i))
      }
      starts.append(UInt32(n))
      keys = sk
      dir = Grams.directory(hashes)
    }

    /// Directory bits for `n` hashes: about one per bucket.
    static func bits(for n: Int) -> Int {
      var bits = 1
      while (1 << bits) < n { bits += 1 }
      return bits
    }

    /// `dir[b]` = first index whose hash has top bits >= b; `2^bits + 1` entries, about two hashes a bucket.
    static func directory(_ hashes: [UInt64]) -> [UInt32] {
      let bits = bits(for: hashes.count / 2)
      let shift = UInt64(64 - bits)
      var dir = [UInt32](repeating: 0, count: (1 << bits) + 1)
      var i = 0
      for b in 0...(1 << bits) {
        while i < hashes.count && Int(hashes[i] >> shift) < b { i += 1 }
        dir[b] = UInt32(i)
      }
      return dir
    }
  }

  /// Header slots of a glossary file: for each field position, 0 source,
  /// 1 target, 2+k for ``Glossary/columns``[k], 255 for unknown.
  static func columnSlots(_ bytes: [UInt8]) -> [UInt8] {
    var start = 0
    while start < bytes.count {
      let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
      let line = bytes[start..<end]
      if line.first != 0x23 && !line.isEmpty {
        let names = String(decoding: line, as: UTF8.self).split(separator: "\t", omittingEmptySubsequences: false)
        return names.enumerated().map { k, name in
          k < 2 ? UInt8(k) : Glossary.columns.firstIndex(of: String(name).trimmingCharacters(in: .whitespaces)).map { UInt8($0 + 2) } ?? 255
        }
      }
      start = end + 1
    }
    return [0, 1] + (0..<Glossary.columns.count).map { UInt8($0 + 2) }
  }

  /// Runs `body(worker)` for workers `0..<count` on all cores and returns the results in order.
  static func parallel<T>(_ count: Int, _ body: (Int) -> T) -> [T] {
    let results = UnsafeMutablePointer<T?>.allocate(capacity: count)
    results.initialize(repeating: nil, count: count)
    defer { results.deinitialize(count: count); results.deallocate() }
    let box = UnsafeSendable(results)
    withoutActuallyEscaping(body) { body in
      let b = UnsafeSendable(body)
      DispatchQueue.concurrentPerform(iterations: count) { w in box.value[w] = b.value(w) }
    }
    return (0..<count).map { results[$0]! }
  }

  /// Number of workers for a build of `n` items.
  static func workers(_ n: Int) -> Int { n < 20_000 ? 1 : max(1, min(4, ProcessInfo.processInfo.activeProcessorCount)) }

  /// - Parameter completePinyin: store the pinyin of every Han code unit (cache files), not only of those
  ///   in the glossary, so that no lookup needs ICU's Han-Latin transliterator.
  ///   - workers: threads computing keys (default: one per core for large glossaries, else one).
  static func build(
    glossary g: Glossary, bytes: [UInt8], identity: FileIdentity, keys: LookupKeys, completePinyin: Bool = false, workers: Int? = nil
  ) -> [UInt8] {
    // Row positions in the file from their line numbers.
    var lineStarts: [Int] = [0]
    lineStarts.reserveCapacity(g.entries.count + 16)
    bytes.withUnsafeBufferPointer { b in
      guard let base = b.baseAddress else { return }
      var p = base
      let end = base + b.count
      while p < end, let q = memchr(p, 0x0A, end - p) {
        let at = UnsafePointer<UInt8>(q.assumingMemoryBound(to: UInt8.self))
        lineStarts.append(at - base + 1)
        p = at + 1
      }
    }
    let rowCount = g.entries.count
    var rowOffset = [UInt64](repeating: 0, count: rowCount)
    var rowLength = [UInt32](repeating: 0, count: rowCount)
    var rowLine = [UInt32](repeating: 0, count: rowCount)
    for i in 0..<rowCount {
      let line = i < g.lineNumbers.count ? g.lineNumbers[i] : 0
      let start = lineStarts[max(0, line - 1)]
      var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
      if end > start && bytes[end - 1] == 0x0D { end -= 1 }
      rowOffset[i] = UInt64(start)
      rowLength[i] = UInt32(end - start)
      rowLine[i] = UInt32(line)
    }
    // Concepts: rows grouped by source term, in first-seen order (open addressing on the source's bytes).
    var conceptOfRow = [Int32](repeating: 0, count: rowCount)
    var conceptFirstRow: [Int] = []
    var conceptRowCount: [UInt32] = []
    do {
      var size = 8
      while size < rowCount * 2 { size *= 2 }
      var table = [Int32](repeating: -1, count: size)
      for (i, e) in g.entries.enumerated() {
        var slot = Int(truncatingIfNeeded: LookupKeys.hash(e.source)) & (size - 1)
        while table[slot] >= 0 && g.entries[conceptFirstRow[Int(table[slot])]].source != e.source { slot = (slot + 1) & (size - 1) }
        if table[slot] < 0 {
          table[slot] = Int32(conceptFirstRow.count)
          conceptFirstRow.append(i)
          conceptRowCount.append(0)
        }
        conceptOfRow[i] = table[slot]
        conceptRowCount[Int(table[slot])] += 1
      }
    }
    let conceptCount = conceptFirstRow.count
    var conceptStart = [UInt32](repeating: 0, count: conceptCount + 1)
    for c in 0..<conceptCount { conceptStart[c + 1] = conceptStart[c] + conceptRowCount[c] }
    var conceptRows = [UInt32](repeating: 0, count: rowCount)
    var fill = conceptStart
    for i in 0..<rowCount {
      let c = Int(conceptOfRow[i])
      conceptRows[Int(fill[c])] = UInt32(i)
      fill[c] += 1
    }
    // Keys, on every core: worker w takes a contiguous share of concepts (source, pinyin) and rows (target).
    let workers = max(1, workers ?? LookupIndexBuilder.workers(rowCount))
    let extraKeys = (1..<max(1, workers)).map { _ in try? LookupKeys() }
    let lists = parallel(workers) { w -> (src: KeyList, py: KeyList, tgt: KeyList) in
      let k = w == 0 ? keys : (extraKeys[w - 1] ?? nil)
      var out = (src: KeyList(), py: KeyList(), tgt: KeyList())
      guard let k else { return out }  // ICU failed for a worker: the serial pass below covers it
      var buf: [UInt8] = []
      let cr = (conceptCount * w / workers)..<(conceptCount * (w + 1) / workers)
      out.src.bytes.reserveCapacity(cr.count * 20)
      for c in cr {
        k.key(g.entries[conceptFirstRow[c]].source, language: g.sourceLanguage, into: &buf)
        out.src.append(buf, concept: Int32(c))
        if LookupKeys.hasHan(buf) { out.py.append(k.pinyinKey(ofKey: buf), concept: Int32(c)) }
      }
      let rr = (rowCount * w / workers)..<(rowCount * (w + 1) / workers)
      out.tgt.bytes.reserveCapacity(rr.count * 20)
      for i in rr {
        k.key(g.entries[i].target, language: g.targetLanguage, into: &buf)
        out.tgt.append(buf, concept: conceptOfRow[i])
      }
      return out
    }
    var srcLists = lists.map(\.src), pyLists = lists.map(\.py), tgtLists = lists.map(\.tgt)
    for w in 1..<max(1, workers) where extraKeys[w - 1] == nil {
      var buf: [UInt8] = []
      var src = KeyList(), py = KeyList(), tgt = KeyList()
      for c in (conceptCount * w / workers)..<(conceptCount * (w + 1) / workers) {
        keys.key(g.entries[conceptFirstRow[c]].source, language: g.sourceLanguage, into: &buf)
        src.append(buf, concept: Int32(c))
        if LookupKeys.hasHan(buf) { py.append(keys.pinyinKey(ofKey: buf), concept: Int32(c)) }
      }
      for i in (rowCount * w / workers)..<(rowCount * (w + 1) / workers) {
        keys.key(g.entries[i].target, language: g.targetLanguage, into: &buf)
        tgt.append(buf, concept: conceptOfRow[i])
      }
      (srcLists[w], pyLists[w], tgtLists[w]) = (src, py, tgt)
    }
    // The pinyin table: every unit the workers met, from each worker's cache, or all of them.
    if !completePinyin {
      // Units other workers met get into `keys`' cache (per distinct unit).
      var scratch: [UInt8] = []
      for case let other? in extraKeys {
        let t = other.pinyinTable(complete: false)
        for (i, len) in t.length.enumerated() where len != IndexLayout.pinyinUnknown {
          keys.appendPinyin(ofUnit: IndexLayout.pinyinUnits.lowerBound + UInt16(i), to: &scratch)
          scratch.removeAll(keepingCapacity: true)
        }
      }
    }
    let pinyin = keys.pinyinTable(complete: completePinyin)
    // Key sets and gram postings, on every core.
    let sets = parallel(3) { s -> KeySet in KeySet([srcLists, tgtLists, pyLists][s]) }
    srcLists = []; tgtLists = []; pyLists = []
    let grams = parallel(2) { s -> Grams in Grams(sets[s]) }
    let (src, tgt, py) = (sets[0], sets[1], sets[2])

    var w = IndexWriter()
    w.put(.rowOffset, rowOffset)
    w.put(.rowLength, rowLength)
    w.put(.rowLine, rowLine)
    w.put(.conceptStart, conceptStart)
    w.put(.conceptRows, conceptRows)
    w.put(.columnSlots, columnSlots(bytes))
    put(src, into: &w, sections: (.srcBlob, .srcStart, .srcPost, .srcConcepts, .srcTable))
    put(grams[0], into: &w, sections: (.srcGramHash, .srcGramStart, .srcGramKeys, .srcGramDir))
    put(tgt, into: &w, sections: (.tgtBlob, .tgtStart, .tgtPost, .tgtConcepts, .tgtTable))
    put(grams[1], into: &w, sections: (.tgtGramHash, .tgtGramStart, .tgtGramKeys, .tgtGramDir))
    put(py, into: &w, sections: (.pyBlob, .pyStart, .pyPost, .pyConcepts, .pyTable))
    w.put(.pyUnitOffset, pinyin.offset)
    w.put(.pyUnitLength, pinyin.length)
    w.put(.pyUnitBlob, pinyin.blob)
    w.put(.hanFold, completePinyin ? keys.normalizer.simplifiedTable(for: IndexLayout.hanFoldUnits) : [UInt16]())
    return w.finish(identity: identity, maxSrcUnits: src.maxUnits, maxTgtUnits: tgt.maxUnits, languages: (g.sourceLanguage, g.targetLanguage))
  }

  typealias KeySections = (IndexLayout.S, IndexLayout.S, IndexLayout.S, IndexLayout.S, IndexLayout.S)

  static func put(_ set: KeySet, into w: inout IndexWriter, sections s: KeySections) {
    w.put(s.0, set.blob)
    w.put(s.1, set.start)
    w.put(s.2, set.post)
    w.put(s.3, set.concepts)
    w.put(s.4, set.table)
  }

  static func put(_ grams: Grams, into w: inout IndexWriter, sections s: (IndexLayout.S, IndexLayout.S, IndexLayout.S, IndexLayout.S)) {
    w.put(s.0, grams.hashes)
    w.put(s.1, grams.starts)
    w.put(s.2, grams.keys)
    w.put(s.3, grams.dir)
  }
}

/// Carries a value into concurrently running workers that only touch their own part of it.
final class UnsafeSendable<T>: @unchecked Sendable {
  let value: T
  init(_ value: T) { self.value = value }
}
