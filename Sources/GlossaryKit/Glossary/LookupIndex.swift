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
    var bytes: [UInt8]
    if let fileBytes {
      guard offset + length <= fileBytes.count else { return nil }
      bytes = Array(fileBytes[offset..<offset + length])
    } else {
      bytes = [UInt8](repeating: 0, count: length)
      let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, length, off_t(offset)) }
      guard n == length else { return nil }
    }
    let text = (try? Normalization.nfc(String(decoding: bytes, as: UTF8.self))) ?? String(decoding: bytes, as: UTF8.self)
    let cells = text.split(separator: "\t", omittingEmptySubsequences: false)
    var fields = [String](repeating: "", count: Glossary.columns.count + 2)
    for (k, cell) in cells.enumerated() where k < slots.count && slots[k] != 255 {
      fields[Int(slots[k])] = Glossary.unescape(cell) ?? String(cell)
    }
    if case let .success(e) = Glossary.entry(fields: fields) { return e }
    return nil
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
      guard let gramHash, let gramStart, let gramKeys else { return UnsafeBufferPointer(start: nil, count: 0) }
      var lo = 0, hi = gramHash.count
      while lo < hi {
        let mid = (lo + hi) / 2
        if gramHash[mid] < g { lo = mid + 1 } else { hi = mid }
      }
      guard lo < gramHash.count, gramHash[lo] == g else { return UnsafeBufferPointer(start: nil, count: 0) }
      return UnsafeBufferPointer(rebasing: gramKeys[Int(gramStart[lo])..<Int(gramStart[lo + 1])])
    }
  }

  enum Side { case source, target, pinyin }

  func view(_ side: Side) -> KeySetView {
    switch side {
    case .source:
      return KeySetView(
        blob: image.section(.srcBlob, UInt8.self), start: image.section(.srcStart, UInt32.self),
        post: image.section(.srcPost, UInt32.self), concepts: image.section(.srcConcepts, UInt32.self),
        table: image.section(.srcTable, UInt32.self), gramHash: image.section(.srcGramHash, UInt64.self),
        gramStart: image.section(.srcGramStart, UInt32.self), gramKeys: image.section(.srcGramKeys, UInt64.self))
    case .target:
      return KeySetView(
        blob: image.section(.tgtBlob, UInt8.self), start: image.section(.tgtStart, UInt32.self),
        post: image.section(.tgtPost, UInt32.self), concepts: image.section(.tgtConcepts, UInt32.self),
        table: image.section(.tgtTable, UInt32.self), gramHash: image.section(.tgtGramHash, UInt64.self),
        gramStart: image.section(.tgtGramStart, UInt32.self), gramKeys: image.section(.tgtGramKeys, UInt64.self))
    case .pinyin:
      return KeySetView(
        blob: image.section(.pyBlob, UInt8.self), start: image.section(.pyStart, UInt32.self),
        post: image.section(.pyPost, UInt32.self), concepts: image.section(.pyConcepts, UInt32.self),
        table: image.section(.pyTable, UInt32.self), gramHash: nil, gramStart: nil, gramKeys: nil)
    }
  }
}
