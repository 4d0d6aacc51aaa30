import Foundation

/// The lookup index as one flat byte image: a header, then sections of
/// little-endian integer arrays, each 8-byte aligned. The same image is used
/// in memory (small glossaries) and memory-mapped from the cache file beside a
/// large glossary, so a lookup touches only the pages it probes.
///
/// Sections: rows (byte offset, length, line of each row in the glossary
/// file, grouped by concept), concepts (their first row), the file's layout
/// (format version, languages, column slots), terms (concept and language of
/// each), and per key set (keys of every term in its language; pinyin keys
/// of terms with Han): the key bytes, key offsets, key -> term postings, an
/// open-addressing hash table, and for the term keys a gram index (word /
/// Han-bigram hash -> keys, shortest key first) with a directory on the top
/// bits of the hash (one probe, no binary search over a large mapped array),
/// and a pinyin table per Han code unit (U+3400..U+9FFF) so a query's pinyin
/// needs no transliterator at lookup time; cache files also carry the
/// Traditional-to-Simplified fold of every Han unit.
enum IndexLayout {
  static let magic: [UInt8] = Array("GLOSIDX8".utf8)
  /// 7: English keys by EnglishFolding (WordNet base forms), grams on CharacterClass.unspaced.
  /// 8: the glossary's ctime in the identity, and a checksum of the whole image.
  static let version: UInt32 = 8
  /// Code units covered by the pinyin table.
  static let pinyinUnits: Range<UInt16> = 0x3400..<0xA000
  /// Pinyin table length meaning "not in the table".
  static let pinyinUnknown: UInt8 = 255
  static let headerSize = 1024
  /// Section ids.
  enum S: Int, CaseIterable {
    case rowOffset, rowLength, rowLine, conceptStart, columnSlots, languages, termConcept, termLanguage
    case keyBlob, keyStart, keyPost, keyTerms, keyTable, keyGramHash, keyGramStart, keyGramKeys, keyGramDir
    case pyBlob, pyStart, pyPost, pyTerms, pyTable
    case pyUnitOffset, pyUnitLength, pyUnitBlob
    /// Traditional-to-Simplified fold of each Han code unit in ``hanFoldUnits`` (cache files only):
    /// a lookup process then never opens ICU's transliterator (~10 ms).
    case hanFold
  }
  /// Code units covered by the Han fold table (CJK unified ideographs and compatibility ideographs).
  static let hanFoldUnits: Range<UInt16> = 0x3400..<0xFB00
  static func elementSize(_ s: S) -> Int {
    switch s {
    case .keyBlob, .pyBlob, .columnSlots, .languages, .termLanguage, .pyUnitLength, .pyUnitBlob: return 1
    case .rowOffset, .keyGramHash, .keyGramKeys: return 8
    case .hanFold: return 2
    default: return 4
    }
  }
  // Header: magic(8) version(4) sectionCount(4) fileSize(8) mtimeSec(8) mtimeNsec(8) inode(8)
  // headHash(8) tailHash(8) maxUnits(4) formatVersion(4) ctimeSec(8) ctimeNsec(8) checksum(8) = 96;
  // section table (offset, length) from byte 112, 16 bytes per section.
  static let sectionTable = 112
  /// Where the checksum sits: ``checksum(header:body:)`` of the header (with these 8 bytes zero) and of
  /// every byte after it.
  static let checksumOffset = 88

  static func checksum(header: UnsafeRawBufferPointer, body: UInt64) -> UInt64 {
    ImageChecksum.of(header) ^ (body &* 0x9E37_79B9_7F4A_7C15)
  }
}

/// Appends sections to an index image: in memory, or straight into the cache file being written (a
/// million-row index is never held twice).
struct IndexWriter {
  private var memory: [UInt8]?
  private var file: AtomicFile.Writer?
  /// Checksum of everything after the header.
  private var body = ImageChecksum()
  /// Bytes appended so far (header included).
  private(set) var count = IndexLayout.headerSize
  var table = [(UInt64, UInt64)](repeating: (0, 0), count: IndexLayout.S.allCases.count)

  /// An image in memory.
  init() { memory = [UInt8](repeating: 0, count: IndexLayout.headerSize) }

  /// An image written into `file` (the header is patched in by ``finish(into:identity:maxUnits:formatVersion:)``).
  init(file: AtomicFile.Writer) throws {
    var f = file
    try [UInt8](repeating: 0, count: IndexLayout.headerSize).withUnsafeBytes { try f.append($0) }
    self.file = f
  }

  private mutating func emit(_ raw: UnsafeRawBufferPointer) throws {
    if memory != nil { memory!.append(contentsOf: raw) } else { try file!.append(raw) }
    body.update(raw)
    count += raw.count
  }

  mutating func put<T: FixedWidthInteger>(_ s: IndexLayout.S, _ values: [T]) throws {
    try put(s, parts: [values])
  }

  /// One section made of several arrays, one after the other.
  mutating func put<T: FixedWidthInteger>(_ s: IndexLayout.S, parts: [[T]]) throws {
    try put(s, count: parts.count, T.self) { k in parts[k] }
  }

  /// One section made of `count` arrays, each made (and freed) when it is written.
  mutating func put<T: FixedWidthInteger>(_ s: IndexLayout.S, count: Int, _ type: T.Type, _ part: (Int) -> [T]) throws {
    let pad = (8 - self.count % 8) % 8
    if pad > 0 { try [UInt8](repeating: 0, count: pad).withUnsafeBytes { try emit($0) } }
    let offset = self.count
    var elements = 0
    for k in 0..<count {
      let values = part(k)
      try values.withUnsafeBytes { try emit($0) }
      elements += values.count
    }
    table[s.rawValue] = (UInt64(offset), UInt64(elements))
  }

  /// The header: magic, version, the glossary file's identity, limits and the section table.
  func header(identity: GlossaryIdentity, maxUnits: Int, formatVersion: Int) -> [UInt8] {
    var bytes = [UInt8](repeating: 0, count: IndexLayout.headerSize)
    func set<T: FixedWidthInteger>(_ value: T, at offset: Int) {
      withUnsafeBytes(of: value.littleEndian) { raw in
        for (k, b) in raw.enumerated() { bytes[offset + k] = b }
      }
    }
    for (k, b) in IndexLayout.magic.enumerated() { bytes[k] = b }
    set(IndexLayout.version, at: 8)
    set(UInt32(table.count), at: 12)
    set(identity.file.size, at: 16)
    set(identity.file.mtimeSec, at: 24)
    set(identity.file.mtimeNsec, at: 32)
    set(identity.file.inode, at: 40)
    set(identity.file.headHash, at: 48)
    set(identity.file.tailHash, at: 56)
    set(UInt32(maxUnits), at: 64)
    set(UInt32(formatVersion), at: 68)
    set(identity.ctimeSec, at: 72)
    set(identity.ctimeNsec, at: 80)
    // Section table lives after the fixed header fields; headerSize leaves room for it.
    precondition(IndexLayout.sectionTable + 16 * table.count <= IndexLayout.headerSize)
    for (k, (o, c)) in table.enumerated() {
      set(o, at: IndexLayout.sectionTable + 16 * k)
      set(c, at: IndexLayout.sectionTable + 16 * k + 8)
    }
    set(bytes.withUnsafeBytes { IndexLayout.checksum(header: $0, body: body.finish()) }, at: IndexLayout.checksumOffset)
    return bytes
  }

  /// The finished image in memory.
  mutating func finish(identity: GlossaryIdentity, maxUnits: Int, formatVersion: Int) -> [UInt8] {
    var bytes = memory ?? []
    memory = nil
    let h = header(identity: identity, maxUnits: maxUnits, formatVersion: formatVersion)
    bytes.replaceSubrange(0..<IndexLayout.headerSize, with: h)
    return bytes
  }

  /// Patches the header into the file written.
  func finishFile(identity: GlossaryIdentity, maxUnits: Int, formatVersion: Int) throws {
    try header(identity: identity, maxUnits: maxUnits, formatVersion: formatVersion).withUnsafeBytes { try file!.patch($0, at: 0) }
  }
}

