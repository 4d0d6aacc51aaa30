import Foundation

/// One glossary's lookup index: key sets over source terms, target
/// renderings and pinyin, with the byte positions of rows in the glossary
/// file. Built in memory for small glossaries, memory-mapped from a cache
/// file beside large ones (see ``open(path:keys:cacheMinBytes:)``).
public final class LookupIndex {
  /// The glossary file this index answers for.
  public let path: String
  public let sourceLanguage: String
  public let targetLanguage: String
  let image: IndexImage
  /// Whole file bytes when held in memory; else rows are read with pread.
  private let fileBytes: [UInt8]?
  private var fd: Int32 = -1
  /// Row bytes read from the file (reused).
  private var rowBuffer: [UInt8] = []
  let slots: [UInt8]

  init(path: String, image: IndexImage, fileBytes: [UInt8]?) {
    self.path = path
    self.image = image
    self.fileBytes = fileBytes
    sourceLanguage = image.string(at: 72, width: 16)
    targetLanguage = image.string(at: 88, width: 16)
    slots = Array(image.section(.columnSlots, UInt8.self))
    if fileBytes == nil { fd = Foundation.open(path, O_RDONLY | O_CLOEXEC) }
  }

  deinit { if fd >= 0 { close(fd) } }

  /// Number of rows (renderings).
  public var rowCount: Int { image.section(.rowLength, UInt32.self).count }
  /// Number of concepts (source terms).
  public var conceptCount: Int { image.section(.conceptStart, UInt32.self).count - 1 }

  var maxSourceUnits: Int { Int(image.u32(at: 64)) }
  var maxTargetUnits: Int { Int(image.u32(at: 68)) }

  // MARK: Rows

  /// The rows of a concept, parsed from the glossary file.
  func entries(ofConcept c: Int) -> [GlossaryEntry] {
    let start = image.section(.conceptStart, UInt32.self)
    let rows = image.section(.conceptRows, UInt32.self)
    return (Int(start[c])..<Int(start[c + 1])).compactMap { entry(row: Int(rows[$0])) }
  }

  func line(ofConceptFirstRow c: Int) -> Int {
    let start = image.section(.conceptStart, UInt32.self)
    let rows = image.section(.conceptRows, UInt32.self)
    return Int(image.section(.rowLine, UInt32.self)[Int(rows[Int(start[c])])])
  }

  func entry(row: Int) -> GlossaryEntry? {
    let offset = Int(image.section(.rowOffset, UInt64.self)[row])
    let length = Int(image.section(.rowLength, UInt32.self)[row])
    if let fileBytes {
      guard offset + length <= fileBytes.count else { return nil }
      return fileBytes.withUnsafeBufferPointer { parseRow(UnsafeBufferPointer(rebasing: $0[offset..<offset + length])) }
    }
    if rowBuffer.count < length { rowBuffer = [UInt8](repeating: 0, count: max(length, 4096)) }
    return rowBuffer.withUnsafeMutableBytes { raw -> GlossaryEntry? in
      guard pread(fd, raw.baseAddress, length, off_t(offset)) == length else { return nil }
      return parseRow(UnsafeBufferPointer(start: raw.baseAddress!.assumingMemoryBound(to: UInt8.self), count: length))
    }
  }

  /// One row of the (validated) glossary file as an entry: plain rows directly from the bytes, anything
  /// else (escapes, dates, evidence, text NFC might change) through the glossary format's own reader.
  func parseRow(_ b: UnsafeBufferPointer<UInt8>) -> GlossaryEntry? {
    if let e = LookupIndex.plainRow(b, slots: slots) { return e }
    let text = (try? Normalization.nfc(String(decoding: b, as: UTF8.self))) ?? String(decoding: b, as: UTF8.self)
    let cells = text.split(separator: "\t", omittingEmptySubsequences: false)
    var fields = [String](repeating: "", count: Glossary.columns.count + 2)
    for (k, cell) in cells.enumerated() where k < slots.count && slots[k] != 255 {
      fields[Int(slots[k])] = Glossary.unescape(cell) ?? String(cell)
    }
    if case let .success(e) = Glossary.entry(fields: fields) { return e }
    return nil
  }

  /// Fields (by slot) that a plain row leaves empty: dates, tags, score, occurrences, seen_in, examples.
  private static let structuredSlots: [Bool] = (0..<(Glossary.columns.count + 2)).map { [3, 4, 6, 8, 9, 10, 11, 13].contains($0) }

  /// A row built straight from its bytes when nothing in it needs parsing or normalizing: no backslash,
  /// only ASCII and CJK ideographs U+3400..U+9FFF (NFC leaves both unchanged), the structured fields
  /// empty, a known status, source and target non-empty without edge spaces. Else nil.
  static func plainRow(_ b: UnsafeBufferPointer<UInt8>, slots: [UInt8]) -> GlossaryEntry? {
    let n = b.count
    var i = 0
    while i < n {
      let x = b[i]
      if x < 0x80 {
        if x == 0x5C || x == 0x0D || x == 0x0A { return nil }
        i += 1
      } else if (x == 0xE3 && i + 1 < n && b[i + 1] >= 0x90) || (x >= 0xE4 && x <= 0xE9) {
        i += 3
      } else {
        return nil
      }
    }
    if i != n { return nil }
    var fields = [Range<Int>](repeating: 0..<0, count: Glossary.columns.count + 2)
    var seen = [Bool](repeating: false, count: Glossary.columns.count + 2)
    var start = 0
    var k = 0
    while true {
      var end = start
      while end < n && b[end] != 0x09 { end += 1 }
      guard k < slots.count else { return nil }
      let slot = Int(slots[k])
      if slot != 255 {
        if structuredSlots[slot] && end > start { return nil }
        fields[slot] = start..<end
        seen[slot] = true
      }
      k += 1
      if end >= n { break }
      start = end + 1
    }
    guard k == slots.count, seen[0], seen[1], seen[2] else { return nil }
    func text(_ r: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: b[r]), as: UTF8.self) }
    for s in [0, 1] {
      let r = fields[s]
      if r.isEmpty || b[r.lowerBound] == 0x20 || b[r.upperBound - 1] == 0x20 { return nil }
    }
    guard let status = TermStatus(rawValue: text(fields[2])) else { return nil }
    return GlossaryEntry(
      source: text(fields[0]), target: text(fields[1]), status: status, replacedBy: text(fields[5]), note: text(fields[7]),
      reviewer: text(fields[12]))
  }

  // MARK: Key sets

  /// A key set's sections.
  struct KeySetView {
    let blob: UnsafeBufferPointer<UInt8>
    let start: UnsafeBufferPointer<UInt32>
    let post: UnsafeBufferPointer<UInt32>
    let concepts: UnsafeBufferPointer<UInt32>
    let table: UnsafeBufferPointer<UInt32>
    let gramHash: UnsafeBufferPointer<UInt64>?
    let gramStart: UnsafeBufferPointer<UInt32>?
    let gramKeys: UnsafeBufferPointer<UInt64>?
    let gramDir: UnsafeBufferPointer<UInt32>?

    var count: Int { start.count - 1 }

    func key(_ k: Int) -> UnsafeBufferPointer<UInt8> {
      UnsafeBufferPointer(rebasing: blob[Int(start[k])..<Int(start[k + 1]) - 1])
    }

    func concepts(ofKey k: Int) -> UnsafeBufferPointer<UInt32> {
      UnsafeBufferPointer(rebasing: concepts[Int(post[k])..<Int(post[k + 1])])
    }

    /// Key id of exactly these bytes.
    func find(_ q: UnsafeBufferPointer<UInt8>) -> Int? {
      guard table.count > 0, !q.isEmpty else { return nil }
      let mask = table.count - 1
      var slot = Int(truncatingIfNeeded: LookupKeys.hash(q)) & mask
      while true {
        let v = table[slot]
        if v == 0 { return nil }
        let k = Int(v - 1)
        let s = Int(start[k]), e = Int(start[k + 1]) - 1
        if e - s == q.count, memcmp(blob.baseAddress! + s, q.baseAddress!, q.count) == 0 { return k }
        slot = (slot + 1) & mask
      }
    }

    /// Keys sharing a gram, shortest first, as `length << 32 | key id`.
    func keys(withGram g: UInt64) -> UnsafeBufferPointer<UInt64> {
      guard let gramHash, let gramStart, let gramKeys, let gramDir, gramDir.count >= 3, (gramDir.count - 1).nonzeroBitCount == 1 else {
        return UnsafeBufferPointer(start: nil, count: 0)
      }
      // The directory narrows the search to the hashes sharing the top bits (about one).
      let bits = (gramDir.count - 1).trailingZeroBitCount
      let b = Int(g >> UInt64(64 - bits))
      var lo = Int(gramDir[b])
      let hi = Int(gramDir[b + 1])
      while lo < hi && gramHash[lo] < g { lo += 1 }
      guard lo < hi, gramHash[lo] == g else { return UnsafeBufferPointer(start: nil, count: 0) }
      return UnsafeBufferPointer(rebasing: gramKeys[Int(gramStart[lo])..<Int(gramStart[lo + 1])])
    }
  }

  enum Side { case source, target, pinyin }

  /// Toneless pinyin of a key: from the index's table of Han units, else (a unit not in it) from `keys`.
  func pinyinKey(ofKey key: [UInt8], keys: LookupKeys) -> [UInt8] {
    let offset = image.section(.pyUnitOffset, UInt32.self)
    let length = image.section(.pyUnitLength, UInt8.self)
    let blob = image.section(.pyUnitBlob, UInt8.self)
    guard length.count == IndexLayout.pinyinUnits.count else { return keys.pinyinKey(ofKey: key) }
    var out: [UInt8] = []
    for u in String(decoding: key, as: UTF8.self).utf16 {
      if IndexLayout.pinyinUnits.contains(u) {
        let i = Int(u - IndexLayout.pinyinUnits.lowerBound)
        if length[i] == IndexLayout.pinyinUnknown { return keys.pinyinKey(ofKey: key) }
        let o = Int(offset[i])
        guard o + Int(length[i]) <= blob.count else { return keys.pinyinKey(ofKey: key) }
        out.append(contentsOf: blob[o..<o + Int(length[i])])
      } else if (u >= 0x61 && u <= 0x7A) || (u >= 0x30 && u <= 0x39) {
        out.append(UInt8(u))
      } else if u >= 0x41 && u <= 0x5A {
        out.append(UInt8(u + 0x20))
      }
    }
    return out
  }

  func view(_ side: Side) -> KeySetView {
    switch side {
    case .source:
      return KeySetView(
        blob: image.section(.srcBlob, UInt8.self), start: image.section(.srcStart, UInt32.self),
        post: image.section(.srcPost, UInt32.self), concepts: image.section(.srcConcepts, UInt32.self),
        table: image.section(.srcTable, UInt32.self), gramHash: image.section(.srcGramHash, UInt64.self),
        gramStart: image.section(.srcGramStart, UInt32.self), gramKeys: image.section(.srcGramKeys, UInt64.self),
        gramDir: image.section(.srcGramDir, UInt32.self))
    case .target:
      return KeySetView(
        blob: image.section(.tgtBlob, UInt8.self), start: image.section(.tgtStart, UInt32.self),
        post: image.section(.tgtPost, UInt32.self), concepts: image.section(.tgtConcepts, UInt32.self),
        table: image.section(.tgtTable, UInt32.self), gramHash: image.section(.tgtGramHash, UInt64.self),
        gramStart: image.section(.tgtGramStart, UInt32.self), gramKeys: image.section(.tgtGramKeys, UInt64.self),
        gramDir: image.section(.tgtGramDir, UInt32.self))
    case .pinyin:
      return KeySetView(
        blob: image.section(.pyBlob, UInt8.self), start: image.section(.pyStart, UInt32.self),
        post: image.section(.pyPost, UInt32.self), concepts: image.section(.pyConcepts, UInt32.self),
        table: image.section(.pyTable, UInt32.self), gramHash: nil, gramStart: nil, gramKeys: nil, gramDir: nil)
    }
  }
}
