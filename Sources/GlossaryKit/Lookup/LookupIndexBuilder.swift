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
    glossary g: Glossary, bytes: [UInt8], identity: GlossaryIdentity, keys: LookupKeys, completePinyin: Bool = false, workers: Int? = nil
  ) -> [UInt8] {
    var parts = [bytes.withUnsafeBufferPointer { IndexInput.of(g, bytes: $0) }]
    return image(&parts, identity: identity, keys: keys, completePinyin: completePinyin, workers: workers)
  }

  /// The index image of `parts` in memory (the parts are emptied on the way).
  static func image(
    _ parts: inout [IndexInput], identity: GlossaryIdentity, keys: LookupKeys, completePinyin: Bool = false, workers: Int? = nil
  ) -> [UInt8] {
    var w = IndexWriter()
    let formatVersion = parts.first?.formatVersion ?? 2
    // Appending to memory cannot fail.
    let maxUnits = (try? build(&parts, into: &w, keys: keys, completePinyin: completePinyin, workers: workers)) ?? 0
    return w.finish(identity: identity, maxUnits: maxUnits, formatVersion: formatVersion)
  }

  /// Writes the index sections of a glossary read in `parts` (file order) into `w`, freeing what is
  /// written as it goes: rows and terms first, then keys of every term (each part on a core, each key in
  /// its term's language), the key sets and the gram postings one after the other.
  /// - Parameters:
  ///   - completePinyin: store the pinyin of every Han code unit (cache files), not only of those in the
  ///     glossary, so that no lookup needs ICU's Han-Latin transliterator.
  ///   - workers: threads computing keys (default: one per core).
  /// - Returns: the most units of a key (for the contained-terms search).
  static func build(
    _ parts: inout [IndexInput], into w: inout IndexWriter, keys: LookupKeys, completePinyin: Bool = false, workers: Int? = nil
  ) throws -> Int {
    guard let first = parts.first else { return 0 }
    let languages = first.languages
    // Rows, concepts and terms, concatenated (offsets shifted by the parts before), then freed.
    var rowsBefore: [UInt32] = [0], conceptsBefore: [UInt32] = [0], termsBefore: [Int32] = [0]
    for p in parts {
      rowsBefore.append(rowsBefore.last! + UInt32(p.rowLine.count))
      conceptsBefore.append(conceptsBefore.last! + UInt32(p.conceptStart.count))
      termsBefore.append(termsBefore.last! + Int32(p.termCount))
    }
    try w.put(.rowOffset, parts: parts.map(\.rowOffset))
    try w.put(.rowLength, parts: parts.map(\.rowLength))
    try w.put(.rowLine, parts: parts.map(\.rowLine))
    try w.put(.conceptStart, count: parts.count + 1, UInt32.self) { k in
      k < parts.count ? parts[k].conceptStart.map { $0 + rowsBefore[k] } : [rowsBefore[k]]
    }
    try w.put(.termConcept, count: parts.count, UInt32.self) { k in parts[k].termConcept.map { $0 + conceptsBefore[k] } }
    try w.put(.termLanguage, parts: parts.map(\.termLanguage))
    try w.put(.columnSlots, first.slots.map { $0 < 0 ? UInt8(255) : UInt8($0) })
    try w.put(.languages, Array(languages.joined(separator: "\n").utf8))
    for k in parts.indices {
      parts[k].rowOffset = []
      parts[k].rowLength = []
      parts[k].rowLine = []
      parts[k].conceptStart = []
      parts[k].termConcept = []
    }
    // Keys, a part at a time on each core (one LookupKeys per worker: ICU is not thread-safe).
    let source = parts
    parts = []
    var lists = try Parallel.map(source.count, workers: workers, state: { try LookupKeys() }) { k, part -> (terms: KeyList, py: KeyList) in
      var out = (terms: KeyList(), py: KeyList())
      var buf: [UInt8] = []
      let p = source[part]
      out.terms.bytes.reserveCapacity(p.termText.count + p.termCount)
      for t in 0..<p.termCount {
        k.key(p.text(ofTerm: t), language: languages[Int(p.termLanguage[t])], into: &buf)
        let id = termsBefore[part] + Int32(t)
        out.terms.append(buf, concept: id)
        if LookupKeys.hasHan(buf) { out.py.append(k.pinyinKey(ofKey: buf), concept: id) }
      }
      return out
    }
    _ = consume source
    // The pinyin table: all Han units (cache files), or those of the glossary's keys.
    if !completePinyin {
      var scratch: [UInt8] = []
      for l in lists {
        for u in String(decoding: l.terms.bytes, as: UTF8.self).utf16 where IndexLayout.pinyinUnits.contains(u) {
          keys.appendPinyin(ofUnit: u, to: &scratch)
          scratch.removeAll(keepingCapacity: true)
        }
      }
    }
    // The term keys' set and gram postings, written and freed; then the pinyin keys' set.
    var termLists = lists.map(\.terms)
    var pyLists = lists.map(\.py)
    lists = []
    var set = KeySet(&termLists)
    let maxUnits = set.maxUnits
    try w.put(.keyPost, set.post)
    try w.put(.keyTerms, set.concepts)
    try w.put(.keyTable, set.table)
    set.post = []
    set.concepts = []
    set.table = []
    var grams: Grams? = Grams(set)
    try w.put(.keyBlob, set.blob)
    try w.put(.keyStart, set.start)
    set = KeySet(&pyLists)
    try w.put(.keyGramHash, grams!.hashes)
    try w.put(.keyGramStart, grams!.starts)
    try w.put(.keyGramKeys, grams!.keys)
    try w.put(.keyGramDir, grams!.dir)
    grams = nil
    try put(set, into: &w, sections: (.pyBlob, .pyStart, .pyPost, .pyTerms, .pyTable))
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
