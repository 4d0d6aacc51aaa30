import Foundation

/// Builds a lookup index image from a validated glossary and its file bytes.
///
/// Built for a million rows in a few seconds: keys are computed on every core
/// (one ``LookupKeys`` per worker: ICU is not thread-safe), kept as flat byte
/// lists, deduplicated with open-addressing tables over their hashes, and
/// gram postings are bucket-sorted on the top bits of the gram hash (which
/// also gives the gram directory).
enum LookupIndexBuilder {
  /// The header of a glossary file's bytes (languages row and header row), or nil.
  static func fileHeader(_ bytes: [UInt8]) -> Glossary.Header? {
    var start = 0
    var languagesRow: [String]?
    while start < bytes.count {
      let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
      var line = bytes[start..<end]
      start = end + 1
      if line.last == 0x0D { line = line.dropLast() }
      if line.first == 0x23 || line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
      let names = String(decoding: line, as: UTF8.self).split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      if languagesRow == nil && names.first == "languages" {
        languagesRow = names.dropFirst().map { $0.trimmingCharacters(in: .whitespaces) }
        continue
      }
      if case let .success(h) = Glossary.parseHeader(names, languagesRow: languagesRow) { return h }
      return nil
    }
    return nil
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
    var rowOffset: [UInt64] = []
    var rowLength: [UInt32] = []
    var rowLine: [UInt32] = []
    var conceptStart: [UInt32] = []
    conceptStart.reserveCapacity(g.concepts.count + 1)
    var termConcept: [UInt32] = []
    var termLanguage: [UInt8] = []
    var lines: [Int] = []
    for (c, concept) in g.concepts.enumerated() {
      conceptStart.append(UInt32(rowLine.count))
      lines.removeAll(keepingCapacity: true)
      for d in concept.descriptions { lines.append(d.line.value) }
      for t in concept.terms {
        lines.append(t.line.value)
        termConcept.append(UInt32(c))
        let lang = g.glossaryLanguage(for: t.language).flatMap { l in g.languages.firstIndex(of: l) } ?? 0
        termLanguage.append(UInt8(min(lang, 254)))
      }
      lines.sort()
      var last = -1
      for line in lines where line != last {
        last = line
        let start = lineStarts[max(0, min(lineStarts.count - 1, line - 1))]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start && bytes[end - 1] == 0x0D { end -= 1 }
        rowOffset.append(UInt64(start))
        rowLength.append(UInt32(max(0, end - start)))
        rowLine.append(UInt32(line))
      }
    }
    conceptStart.append(UInt32(rowLine.count))
    // Keys, on every core: worker w takes a contiguous share of the concepts.
    let conceptCount = g.concepts.count
    var firstTerm = [Int](repeating: 0, count: conceptCount + 1)
    for (c, concept) in g.concepts.enumerated() { firstTerm[c + 1] = firstTerm[c] + concept.terms.count }
    let workers = max(1, workers ?? LookupIndexBuilder.workers(termConcept.count))
    let extraKeys = (1..<max(1, workers)).map { _ in try? LookupKeys() }
    func keyLists(_ w: Int, _ k: LookupKeys) -> (terms: KeyList, py: KeyList) {
      var out = (terms: KeyList(), py: KeyList())
      var buf: [UInt8] = []
      let cr = (conceptCount * w / workers)..<(conceptCount * (w + 1) / workers)
      out.terms.bytes.reserveCapacity(cr.count * 40)
      for c in cr {
        for (j, t) in g.concepts[c].terms.enumerated() {
          let id = Int32(firstTerm[c] + j)
          k.key(t.text, language: t.language, into: &buf)
          out.terms.append(buf, concept: id)
          if LookupKeys.hasHan(buf) { out.py.append(k.pinyinKey(ofKey: buf), concept: id) }
        }
      }
      return out
    }
    let lists = parallel(workers) { w -> (terms: KeyList, py: KeyList)? in
      let k = w == 0 ? keys : (extraKeys[w - 1] ?? nil)
      guard let k else { return nil }  // ICU failed for a worker: the serial pass below covers it
      return keyLists(w, k)
    }
    var termLists: [KeyList] = []
    var pyLists: [KeyList] = []
    for w in 0..<workers {
      let l = lists[w] ?? keyLists(w, keys)
      termLists.append(l.terms)
      pyLists.append(l.py)
    }
    // The pinyin table: every unit the workers met, from each worker's cache, or all of them.
    if !completePinyin {
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
    // Key sets on two cores, then the gram postings of the term keys.
    let sets = parallel(2) { s -> KeySet in KeySet(s == 0 ? termLists : pyLists) }
    termLists = []
    pyLists = []
    let grams = Grams(sets[0])
    let header = fileHeader(bytes)
    var w = IndexWriter()
    w.put(.rowOffset, rowOffset)
    w.put(.rowLength, rowLength)
    w.put(.rowLine, rowLine)
    w.put(.conceptStart, conceptStart)
    w.put(.columnSlots, (header?.slots ?? []).map { $0 < 0 ? UInt8(255) : UInt8($0) })
    w.put(.languages, Array(g.languages.joined(separator: "\n").utf8))
    w.put(.termConcept, termConcept)
    w.put(.termLanguage, termLanguage)
    put(sets[0], into: &w, sections: (.keyBlob, .keyStart, .keyPost, .keyTerms, .keyTable))
    w.put(.keyGramHash, grams.hashes)
    w.put(.keyGramStart, grams.starts)
    w.put(.keyGramKeys, grams.keys)
    w.put(.keyGramDir, grams.dir)
    put(sets[1], into: &w, sections: (.pyBlob, .pyStart, .pyPost, .pyTerms, .pyTable))
    w.put(.pyUnitOffset, pinyin.offset)
    w.put(.pyUnitLength, pinyin.length)
    w.put(.pyUnitBlob, pinyin.blob)
    w.put(.hanFold, completePinyin ? keys.normalizer.simplifiedTable(for: IndexLayout.hanFoldUnits) : [UInt16]())
    return w.finish(identity: identity, maxUnits: sets[0].maxUnits, formatVersion: header?.version ?? g.formatVersion)
  }

  typealias KeySections = (IndexLayout.S, IndexLayout.S, IndexLayout.S, IndexLayout.S, IndexLayout.S)

  static func put(_ set: KeySet, into w: inout IndexWriter, sections s: KeySections) {
    w.put(s.0, set.blob)
    w.put(s.1, set.start)
    w.put(s.2, set.post)
    w.put(s.3, set.concepts)
    w.put(s.4, set.table)
  }
}

/// Carries a value into concurrently running workers that only touch their own part of it.
final class UnsafeSendable<T>: @unchecked Sendable {
  let value: T
  init(_ value: T) { self.value = value }
}
