import Foundation

/// Builds a lookup index image from a validated glossary and its file bytes.
///
/// Built for a million rows in a few seconds: keys are computed on every core
/// (one ``LookupKeys`` per worker: ICU is not thread-safe), kept as flat byte
/// lists, deduplicated with open-addressing tables over their hashes, and
/// gram postings are bucket-sorted on the top bits of the gram hash (which
/// also gives the gram directory).
enum LookupIndexBuilder {
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

  /// An index image of a glossary read whole, in memory (tests, and files whose concepts' rows are scattered).
  static func build(
    glossary g: Glossary, bytes: [UInt8], identity: FileIdentity, keys: LookupKeys, completePinyin: Bool = false, workers: Int? = nil
  ) -> [UInt8] {
    var input = bytes.withUnsafeBufferPointer { IndexInput.of(g, bytes: $0) }
    return image(&input, identity: identity, keys: keys, completePinyin: completePinyin, workers: workers)
  }

  /// The index image of `input` in memory (`input` is emptied on the way).
  static func image(
    _ input: inout IndexInput, identity: FileIdentity, keys: LookupKeys, completePinyin: Bool = false, workers: Int? = nil
  ) -> [UInt8] {
    var w = IndexWriter()
    // Appending to memory cannot fail.
    let maxUnits = (try? build(&input, into: &w, keys: keys, completePinyin: completePinyin, workers: workers)) ?? 0
    return w.finish(identity: identity, maxUnits: maxUnits, formatVersion: input.formatVersion)
  }

  /// Writes the index sections of `input` into `w`, freeing what is written as it goes (`input` is emptied
  /// but for its languages and format).
  /// - Parameters:
  ///   - completePinyin: store the pinyin of every Han code unit (cache files), not only of those in the
  ///     glossary, so that no lookup needs ICU's Han-Latin transliterator.
  ///   - workers: threads computing keys (default: one per core for large glossaries, else one).
  /// - Returns: the most units of a key (for the contained-terms search).
  static func build(
    _ input: inout IndexInput, into w: inout IndexWriter, keys: LookupKeys, completePinyin: Bool = false, workers: Int? = nil
  ) throws -> Int {
    // Keys, on every core: worker w takes a contiguous share of the terms, each keyed in its own language.
    let termCount = input.termCount
    let workers = max(1, workers ?? LookupIndexBuilder.workers(termCount))
    let extraKeys = (1..<max(1, workers)).map { _ in try? LookupKeys() }
    var termLists: [KeyList] = []
    var pyLists: [KeyList] = []
    do {
      let source = input
      func keyLists(_ w: Int, _ k: LookupKeys) -> (terms: KeyList, py: KeyList) {
        var out = (terms: KeyList(), py: KeyList())
        var buf: [UInt8] = []
        let tr = (termCount * w / workers)..<(termCount * (w + 1) / workers)
        out.terms.bytes.reserveCapacity(tr.count * 20)
        for t in tr {
          k.key(source.text(ofTerm: t), language: source.languages[Int(source.termLanguage[t])], into: &buf)
          out.terms.append(buf, concept: Int32(t))
          if LookupKeys.hasHan(buf) { out.py.append(k.pinyinKey(ofKey: buf), concept: Int32(t)) }
        }
        return out
      }
      let lists = parallel(workers) { w -> (terms: KeyList, py: KeyList)? in
        let k = w == 0 ? keys : (extraKeys[w - 1] ?? nil)
        guard let k else { return nil }  // ICU failed for a worker: the serial pass below covers it
        return keyLists(w, k)
      }
      for w in 0..<workers {
        let l = lists[w] ?? keyLists(w, keys)
        termLists.append(l.terms)
        pyLists.append(l.py)
      }
    }
    // The rows and terms go out now and are freed.
    try w.put(.rowOffset, input.rowOffset)
    try w.put(.rowLength, input.rowLength)
    try w.put(.rowLine, input.rowLine)
    try w.put(.conceptStart, input.conceptStart)
    try w.put(.columnSlots, input.slots.map { $0 < 0 ? UInt8(255) : UInt8($0) })
    try w.put(.languages, Array(input.languages.joined(separator: "\n").utf8))
    try w.put(.termConcept, input.termConcept)
    try w.put(.termLanguage, input.termLanguage)
    input.release()
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
    // Key sets on two cores; each written (with the term keys' gram postings) and freed in turn.
    var sets = parallel(2) { s -> KeySet in KeySet(s == 0 ? termLists : pyLists) }
    termLists = []
    pyLists = []
    let maxUnits = sets[0].maxUnits
    var grams: Grams? = Grams(sets[0])
    try put(sets[0], into: &w, sections: (.keyBlob, .keyStart, .keyPost, .keyTerms, .keyTable))
    sets[0] = KeySet([])
    try w.put(.keyGramHash, grams!.hashes)
    try w.put(.keyGramStart, grams!.starts)
    try w.put(.keyGramKeys, grams!.keys)
    try w.put(.keyGramDir, grams!.dir)
    grams = nil
    try put(sets[1], into: &w, sections: (.pyBlob, .pyStart, .pyPost, .pyTerms, .pyTable))
    sets = []
    let pinyin = keys.pinyinTable(complete: completePinyin)
    try w.put(.pyUnitOffset, pinyin.offset)
    try w.put(.pyUnitLength, pinyin.length)
    try w.put(.pyUnitBlob, pinyin.blob)
    try w.put(.hanFold, completePinyin ? keys.normalizer.simplifiedTable(for: IndexLayout.hanFoldUnits) : [UInt16]())
    return maxUnits
  }

  typealias KeySections = (IndexLayout.S, IndexLayout.S, IndexLayout.S, IndexLayout.S, IndexLayout.S)

  static func put(_ set: KeySet, into w: inout IndexWriter, sections s: KeySections) throws {
    try w.put(s.0, set.blob)
    try w.put(s.1, set.start)
    try w.put(s.2, set.post)
    try w.put(s.3, set.concepts)
    try w.put(s.4, set.table)
  }
}

/// Carries a value into concurrently running workers that only touch their own part of it.
final class UnsafeSendable<T>: @unchecked Sendable {
  let value: T
  init(_ value: T) { self.value = value }
}
