import Foundation

/// Builds a lookup index image from a validated glossary and its file bytes.
enum LookupIndexBuilder {
  /// One key set under construction: distinct keys and the concepts of each.
  struct KeySet {
    var ids: [[UInt8]: Int32] = [:]
    var keys: [[UInt8]] = []
    var concepts: [[Int32]] = []
    var maxUnits = 0

    mutating func add(_ key: [UInt8], concept: Int32) {
      guard !key.isEmpty else { return }
      if let id = ids[key] {
        if concepts[Int(id)].last != concept { concepts[Int(id)].append(concept) }
      } else {
        ids[key] = Int32(keys.count)
        keys.append(key)
        concepts.append([concept])
        maxUnits = max(maxUnits, key.withUnsafeBufferPointer { LookupKeys.units($0).count })
      }
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

  static func build(glossary g: Glossary, bytes: [UInt8], identity: FileIdentity, keys: LookupKeys) -> [UInt8] {
    // Row positions in the file from their line numbers.
    var lineStarts: [Int] = [0]
    lineStarts.reserveCapacity(g.entries.count + 16)
    bytes.withUnsafeBufferPointer { b in
      for i in 0..<b.count where b[i] == 0x0A { lineStarts.append(i + 1) }
    }
    var rowOffset: [UInt64] = []
    var rowLength: [UInt32] = []
    var rowLine: [UInt32] = []
    for (i, e) in g.entries.enumerated() {
      _ = e
      let line = i < g.lineNumbers.count ? g.lineNumbers[i] : 0
      let start = lineStarts[max(0, line - 1)]
      var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
      if end > start && bytes[end - 1] == 0x0D { end -= 1 }
      rowOffset.append(UInt64(start))
      rowLength.append(UInt32(end - start))
      rowLine.append(UInt32(line))
    }
    // Concepts: rows grouped by source term, in first-seen order.
    var conceptOfSource: [String: Int32] = [:]
    var conceptRowsList: [[UInt32]] = []
    var conceptSource: [String] = []
    for (i, e) in g.entries.enumerated() {
      if let c = conceptOfSource[e.source] {
        conceptRowsList[Int(c)].append(UInt32(i))
      } else {
        conceptOfSource[e.source] = Int32(conceptRowsList.count)
        conceptRowsList.append([UInt32(i)])
        conceptSource.append(e.source)
      }
    }
    var conceptStart: [UInt32] = [0]
    var conceptRows: [UInt32] = []
    for rows in conceptRowsList {
      conceptRows += rows
      conceptStart.append(UInt32(conceptRows.count))
    }
    // Key sets.
    var src = KeySet(), tgt = KeySet(), py = KeySet()
    for (c, s) in conceptSource.enumerated() {
      let k = keys.key(s, language: g.sourceLanguage)
      src.add(k, concept: Int32(c))
      if LookupKeys.hasHan(k) { py.add(keys.pinyinKey(ofKey: k), concept: Int32(c)) }
    }
    for e in g.entries {
      tgt.add(keys.key(e.target, language: g.targetLanguage), concept: conceptOfSource[e.source]!)
    }
    var w = IndexWriter()
    w.put(.rowOffset, rowOffset)
    w.put(.rowLength, rowLength)
    w.put(.rowLine, rowLine)
    w.put(.conceptStart, conceptStart)
    w.put(.conceptRows, conceptRows)
    w.put(.columnSlots, columnSlots(bytes))
    put(src, into: &w, sections: (.srcBlob, .srcStart, .srcPost, .srcConcepts, .srcTable), grams: (.srcGramHash, .srcGramStart, .srcGramKeys))
    put(tgt, into: &w, sections: (.tgtBlob, .tgtStart, .tgtPost, .tgtConcepts, .tgtTable), grams: (.tgtGramHash, .tgtGramStart, .tgtGramKeys))
    put(py, into: &w, sections: (.pyBlob, .pyStart, .pyPost, .pyConcepts, .pyTable), grams: nil)
    return w.finish(identity: identity, maxSrcUnits: src.maxUnits, maxTgtUnits: tgt.maxUnits, languages: (g.sourceLanguage, g.targetLanguage))
  }

  typealias KeySections = (IndexLayout.S, IndexLayout.S, IndexLayout.S, IndexLayout.S, IndexLayout.S)

  static func put(_ set: KeySet, into w: inout IndexWriter, sections s: KeySections, grams: (IndexLayout.S, IndexLayout.S, IndexLayout.S)?) {
    var blob: [UInt8] = [0x0A]
    var start: [UInt32] = []
    var post: [UInt32] = [0]
    var concepts: [UInt32] = []
    for (k, key) in set.keys.enumerated() {
      start.append(UInt32(blob.count))
      blob += key
      blob.append(0x0A)
      concepts += set.concepts[k].map { UInt32($0) }
      post.append(UInt32(concepts.count))
    }
    start.append(UInt32(blob.count))
    var size = 8
    while size < set.keys.count * 2 { size *= 2 }
    var table = [UInt32](repeating: 0, count: size)
    for (k, key) in set.keys.enumerated() {
      var slot = Int(truncatingIfNeeded: key.withUnsafeBufferPointer { LookupKeys.hash($0) }) & (size - 1)
      while table[slot] != 0 { slot = (slot + 1) & (size - 1) }
      table[slot] = UInt32(k + 1)
    }
    w.put(s.0, blob)
    w.put(s.1, start)
    w.put(s.2, post)
    w.put(s.3, concepts)
    w.put(s.4, table)
    guard let grams else { return }
    // (gram hash, key length, key id), sorted: each gram's keys shortest first.
    var pairs: [(UInt64, UInt32, UInt32)] = []
    pairs.reserveCapacity(set.keys.count * 4)
    for (k, key) in set.keys.enumerated() {
      var gs = key.withUnsafeBufferPointer { LookupKeys.grams($0) }
      if gs.count > 1 { gs = Array(Set(gs)) }
      for g in gs { pairs.append((g, UInt32(key.count), UInt32(k))) }
    }
    pairs.sort { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }
    var hashes: [UInt64] = []
    var gramStart: [UInt32] = []
    var gramKeys: [UInt64] = []  // key length << 32 | key id: sorted, so postings intersect by merging
    gramKeys.reserveCapacity(pairs.count)
    for (i, p) in pairs.enumerated() {
      if i == 0 || pairs[i - 1].0 != p.0 {
        hashes.append(p.0)
        gramStart.append(UInt32(i))
      }
      gramKeys.append(UInt64(p.1) << 32 | UInt64(p.2))
    }
    gramStart.append(UInt32(pairs.count))
    w.put(grams.0, hashes)
    w.put(grams.1, gramStart)
    w.put(grams.2, gramKeys)
  }
}
