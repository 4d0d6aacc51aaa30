import Foundation

/// One glossary's lookup index: the keys of every term (each in its own
/// language) and the pinyin keys of terms with Han, with the byte positions of
/// each concept's rows in the glossary file. Built in memory for small
/// glossaries, memory-mapped from a cache file beside large ones (see
/// ``open(path:keys:cacheMinBytes:)``).
public final class LookupIndex {
  /// The glossary file this index answers for.
  public let path: String
  /// The glossary's languages, source first.
  public let languages: [String]
  public var sourceLanguage: String { languages.first ?? "" }
  public var targetLanguage: String { languages.count > 1 ? languages[1] : sourceLanguage }
  let image: IndexImage
  /// Whole file bytes when held in memory; else rows are read with pread.
  private let fileBytes: [UInt8]?
  private var fd: Int32 = -1
  /// Row bytes read from the file (reused).
  private var rowBuffer: [UInt8] = []
  /// Field position -> row slot (``GlossaryRow/Slot``), -1 for unknown columns.
  let slots: [Int]
  /// Format version of the glossary file.
  let formatVersion: Int

  /// - Parameter fd: with a mapped cache (`fileBytes` nil), the descriptor the cache was validated
  ///   against (the index keeps a duplicate): rows are read from that very file, never from whatever
  ///   the path names by then (a concurrent rewrite is a new file).
  init(path: String, image: IndexImage, fileBytes: [UInt8]?, fd validated: Int32 = -1) {
    self.path = path
    self.image = image
    self.fileBytes = fileBytes
    languages = String(decoding: image.section(.languages, UInt8.self), as: UTF8.self).split(separator: "\n").map(String.init)
    slots = image.section(.columnSlots, UInt8.self).map { $0 == 255 ? -1 : Int($0) }
    formatVersion = Int(image.u32(at: 68))
    if fileBytes == nil { fd = validated >= 0 ? fcntl(validated, F_DUPFD_CLOEXEC, 0) : Foundation.open(path, O_RDONLY | O_CLOEXEC) }
  }

  deinit { if fd >= 0 { close(fd) } }

  /// Number of rows (terms and descriptions; format 1: renderings).
  public var rowCount: Int { image.section(.rowLength, UInt32.self).count }
  /// Number of concepts.
  public var conceptCount: Int { image.section(.conceptStart, UInt32.self).count - 1 }
  /// Number of terms.
  public var termCount: Int { image.section(.termConcept, UInt32.self).count }

  var maxUnits: Int { Int(image.u32(at: 64)) }

  // MARK: Rows

  /// Concept of a term.
  func concept(ofTerm t: Int) -> Int { Int(image.section(.termConcept, UInt32.self)[t]) }

  /// Language (index in ``languages``) of a term.
  func language(ofTerm t: Int) -> Int { Int(image.section(.termLanguage, UInt8.self)[t]) }

  /// Line of the concept's first row.
  func line(ofConcept c: Int) -> Int {
    let start = image.section(.conceptStart, UInt32.self)
    return Int(image.section(.rowLine, UInt32.self)[Int(start[c])])
  }

  /// A concept read back from its rows in the glossary file (nil when the file changed under the index).
  func concept(at c: Int) -> Concept? {
    let start = image.section(.conceptStart, UInt32.self)
    var assembler = ConceptAssembler()
    assembler.languages = languages
    for r in Int(start[c])..<Int(start[c + 1]) {
      guard let row = row(r) else { return nil }
      assembler.add(row.row, comments: [], line: row.line)
    }
    var concept = assembler.finish(comments: []).concepts.first
    if formatVersion == 1 { concept?.id = "c\(c + 1)" }
    return concept
  }

  private func row(_ r: Int) -> (row: GlossaryRow, line: Int)? {
    let offset = Int(image.section(.rowOffset, UInt64.self)[r])
    let length = Int(image.section(.rowLength, UInt32.self)[r])
    let line = Int(image.section(.rowLine, UInt32.self)[r])
    if let fileBytes {
      guard offset + length <= fileBytes.count else { return nil }
      return fileBytes.withUnsafeBufferPointer { parseRow(UnsafeBufferPointer(rebasing: $0[offset..<offset + length]), line: line) }
    }
    if rowBuffer.count < length { rowBuffer = [UInt8](repeating: 0, count: max(length, 4096)) }
    return rowBuffer.withUnsafeMutableBytes { raw -> (GlossaryRow, Int)? in
      guard pread(fd, raw.baseAddress, length, off_t(offset)) == length else { return nil }
      return parseRow(UnsafeBufferPointer(start: raw.baseAddress!.assumingMemoryBound(to: UInt8.self), count: length), line: line)
    }
  }

  /// One row of the (validated) glossary file, through the file reader's own line and row functions.
  func parseRow(_ b: UnsafeBufferPointer<UInt8>, line: Int) -> (row: GlossaryRow, line: Int)? {
    var problems = GlossaryReader.Problems(path: path)
    guard let text = GlossaryReader.decodeLine(b, line: line, problems: &problems) else { return nil }
    var fields = [String](repeating: "", count: GlossaryRow.Slot.count)
    let raw = text.utf8.split(separator: 0x09, omittingEmptySubsequences: false).map { Substring($0) }
    return GlossaryReader.row(raw, slots: slots, version: formatVersion, line: line, fields: &fields, problems: &problems).map { ($0, line) }
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

    /// The terms (ids) whose key is `k`.
    func terms(ofKey k: Int) -> UnsafeBufferPointer<UInt32> {
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

  enum Side { case terms, pinyin }

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
    case .terms:
      return KeySetView(
        blob: image.section(.keyBlob, UInt8.self), start: image.section(.keyStart, UInt32.self),
        post: image.section(.keyPost, UInt32.self), concepts: image.section(.keyTerms, UInt32.self),
        table: image.section(.keyTable, UInt32.self), gramHash: image.section(.keyGramHash, UInt64.self),
        gramStart: image.section(.keyGramStart, UInt32.self), gramKeys: image.section(.keyGramKeys, UInt64.self),
        gramDir: image.section(.keyGramDir, UInt32.self))
    case .pinyin:
      return KeySetView(
        blob: image.section(.pyBlob, UInt8.self), start: image.section(.pyStart, UInt32.self),
        post: image.section(.pyPost, UInt32.self), concepts: image.section(.pyTerms, UInt32.self),
        table: image.section(.pyTable, UInt32.self), gramHash: nil, gramStart: nil, gramKeys: nil, gramDir: nil)
    }
  }
}
